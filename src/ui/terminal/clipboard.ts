/**
 * Copying to the learner's clipboard from a terminal program: OSC 52 (`ESC ] 52 ; c ; <base64> BEL`), which the
 * terminal turns into a clipboard write — over SSH too, since it travels with the output. Inside tmux it is sent
 * twice: as is (tmux takes it with `set-clipboard on`) and wrapped for passthrough (`ESC P tmux; … ESC \`, which
 * reaches the outer terminal with `allow-passthrough on`). Nothing answers either way, so whether it worked is a
 * guess from the environment:
 *
 *   yes      terminals known to accept it by default (iTerm2, kitty, WezTerm, Alacritty, foot, Ghostty, Windows
 *            Terminal, VS Code)
 *   no       terminals known to ignore it (Apple Terminal, the Linux console, a dumb terminal) — the commands are
 *            printed to select with the mouse instead
 *   unknown  anything else — tmux and screen (their settings decide), GNOME Terminal and other VTE terminals (only
 *            recent versions, if any, take it), xterm (off by default) — sent, and printed as well
 */
export type ClipboardSupport = "yes" | "no" | "unknown";

export interface Clipboard {
  support: ClipboardSupport;
  /** Sends `text` to the clipboard (a terminal that cannot take it ignores the sequence). */
  copy(text: string): void;
}

const BEL = "\u0007";
const ESC = "\u001B";

/** The OSC 52 sequence(s) that put `text` on the clipboard, for this environment. */
export function osc52(text: string, env: NodeJS.ProcessEnv): string {
  const sequence = `${ESC}]52;c;${Buffer.from(text, "utf8").toString("base64")}${BEL}`;
  if (env.TMUX) return `${sequence}${ESC}Ptmux;${sequence.replaceAll(ESC, ESC + ESC)}${ESC}\\`;
  if (env.STY) return `${ESC}P${sequence}${ESC}\\`; // GNU screen's passthrough
  return sequence;
}

export function clipboardSupport(env: NodeJS.ProcessEnv): ClipboardSupport {
  if (env.TMUX || env.STY) return "unknown";
  const program = env.TERM_PROGRAM ?? "";
  const term = env.TERM ?? "";
  if (program === "Apple_Terminal" || term === "linux" || term === "dumb") return "no";
  if (["iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper"].includes(program)) return "yes";
  if (env.WT_SESSION || env.KITTY_WINDOW_ID || env.ALACRITTY_WINDOW_ID || env.WEZTERM_PANE) return "yes";
  if (/^(xterm-kitty|alacritty|foot|wezterm|xterm-ghostty)/.test(term)) return "yes";
  return "unknown";
}

/** The clipboard of the terminal the TUI draws on. */
export function terminalClipboard(
  out: { write(chunk: string): unknown; isTTY?: boolean },
  env: NodeJS.ProcessEnv,
): Clipboard {
  if (out.isTTY !== true) return { support: "no", copy: () => undefined };
  return { support: clipboardSupport(env), copy: (text) => void out.write(osc52(text, env)) };
}

/** Where nothing can be copied (tests, a stream that is not a terminal). */
export const NO_CLIPBOARD: Clipboard = { support: "no", copy: () => undefined };
