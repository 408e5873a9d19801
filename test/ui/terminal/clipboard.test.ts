import { describe, expect, it } from "vitest";
import { clipboardSupport, osc52, terminalClipboard } from "../../../src/ui/terminal/clipboard.js";

const ESC = "\u001B";
const BEL = "\u0007";

describe("clipboard through OSC 52", () => {
  it("encodes the text in base64, UTF-8 included, and wraps it for tmux and screen", () => {
    const text = "aws logs describe-log-groups # nhật ký\n";
    const body = Buffer.from(text, "utf8").toString("base64");
    expect(osc52(text, {})).toBe(`${ESC}]52;c;${body}${BEL}`);
    const tmux = osc52(text, { TMUX: "/tmp/tmux-1/default,1,0" });
    expect(tmux.startsWith(`${ESC}]52;c;${body}${BEL}${ESC}Ptmux;${ESC}${ESC}]52;c;`)).toBe(true);
    expect(tmux.endsWith(`${ESC}\\`)).toBe(true);
    expect(osc52(text, { STY: "1.pts-0" })).toBe(`${ESC}P${ESC}]52;c;${body}${BEL}${ESC}\\`);
  });

  it("guesses from the environment whether the terminal takes it", () => {
    expect(clipboardSupport({ TERM_PROGRAM: "iTerm.app" })).toBe("yes");
    expect(clipboardSupport({ KITTY_WINDOW_ID: "1" })).toBe("yes");
    expect(clipboardSupport({ TERM_PROGRAM: "Apple_Terminal" })).toBe("no");
    expect(clipboardSupport({ TERM: "linux" })).toBe("no");
    expect(clipboardSupport({ TERM: "xterm-256color" })).toBe("unknown");
    expect(clipboardSupport({ TERM_PROGRAM: "iTerm.app", TMUX: "x" })).toBe("unknown"); // tmux's settings decide
  });

  it("writes the sequence to a terminal, and nothing to a stream that is not one", () => {
    const written: string[] = [];
    const tty = terminalClipboard(
      { isTTY: true, write: (chunk: string) => written.push(chunk) },
      { TERM_PROGRAM: "WezTerm" },
    );
    tty.copy("ls\n");
    expect(tty.support).toBe("yes");
    expect(written).toEqual([osc52("ls\n", {})]);
    const pipe = terminalClipboard({ isTTY: false, write: (chunk: string) => written.push(chunk) }, {});
    pipe.copy("ls\n");
    expect(pipe.support).toBe("no");
    expect(written).toHaveLength(1);
  });
});
