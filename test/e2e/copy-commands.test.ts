/**
 * Issue 11 item 1 (the part about the terminal): code blocks in step pages were wrapped with "↩" inside words, so
 * a copy from the terminal broke the command. Nothing is inserted into a command line now: in the page a long line
 * runs off the edge (marked in the gutter, outside the command), and `y` prints the step's commands above a short
 * screen, where the terminal wraps them itself — a mouse selection (xterm joins the rows it wrapped) copies each
 * line whole. Checked in a real terminal emulator at 60, 80 and 120 columns, in both languages.
 */
import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import type { TargetInfo } from "../../src/engine/contract.js";
import { builtInLabDir, loadLab } from "../../src/engine/loader.js";
import { ProgressStore } from "../../src/engine/store.js";
import { stepCommands } from "../../src/ui/app/step-commands.js";
import { stepInfos } from "../../src/ui/app/step-infos.js";
import { S } from "../../src/ui/strings.js";
import { KEY } from "../helpers/render.js";
import { press, startLab, type TerminalSession } from "./tui-terminal.js";

let term: TerminalSession | undefined;
let stateDir: string | undefined;
afterEach(() => {
  term?.kill();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

/** The buffer as a mouse selection reads it: rows the terminal wrapped are joined into the line they belong to. */
async function logicalLines(t: TerminalSession): Promise<string[]> {
  await t.screen(); // waits for pending output
  const buffer = t.term.buffer.active;
  const lines: string[] = [];
  for (let y = 0; y < buffer.length; y++) {
    const row = buffer.getLine(y);
    if (!row) continue;
    const text = row.translateToString(true);
    if (row.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
    else lines.push(text);
  }
  return lines;
}

const lab = await loadLab(builtInLabDir(), "ts");
// The page as a fresh sandbox shows it: its default account and Region, nothing recorded yet.
const target: TargetInfo = {
  kind: "sandbox",
  region: "us-east-1",
  accountId: "123456789012",
  principalArn: "arn:aws:iam::123456789012:user/genai-lab-sandbox",
};
const session = {
  lab,
  target,
  params: lab.manifest.parameters,
  store: ProgressStore.inMemory(lab.manifest.id, target),
};
const logging = stepInfos(session).find((step) => step.id === "enable-invocation-logging")!;

describe("commands copy whole from the terminal", () => {
  for (const [cols, rows, lang] of [
    [60, 18, "en"],
    [80, 24, "vi"],
    [120, 40, "en"],
  ] as const) {
    it(`at ${cols}×${rows} (${lang})`, async () => {
      // Guided: y copies the page's commands (hands-on copies Your turn's, tested in test/ui/App-hands-on).
      const lab = startLab({
        args: ["--mode", "guided"],
        cols,
        rows,
        env: { LANG: lang === "vi" ? "vi_VN.UTF-8" : "en_US.UTF-8" },
      });
      term = lab.term;
      stateDir = lab.stateDir;
      const t = lab.term;
      await t.waitFor(S.welcomeStart[lang], 20_000);
      await press(t, KEY.enter, "j");
      await t.waitFor(`${lang === "en" ? "Step" : "Bước"} 1 ·`);
      // In the page: nothing inserted into a line; long ones run off the edge, marked in the gutter.
      for (let i = 0; i < 12; i++) await press(t, " ");
      const page = await t.screen();
      expect(page).not.toContain("↩");

      await press(t, "y");
      await t.waitFor((s) => s.includes(S.copyBack[lang]));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const lines = await logicalLines(t);
      const expected = stepCommands(logging, undefined, lang).filter((line) => line.startsWith("aws "));
      expect(expected.length).toBeGreaterThan(2);
      expect(expected.some((line) => line.length > cols)).toBe(true); // some lines need the terminal to wrap them
      for (const command of expected) expect(lines, command).toContain(command);

      // Any key brings the lab back, drawn cleanly.
      await press(t, "x");
      const back = await t.waitFor((s) => s.includes(lang === "en" ? "Steps" : "Các bước"));
      // The lab's frame is one row short of the screen: the row above it may still show the last printed line.
      const header = back.split("\n").findIndex((line) => /^genai-lab · /.test(line));
      expect(header).toBeGreaterThanOrEqual(0);
      expect(header).toBeLessThanOrEqual(1);
      await press(t, "q");
      expect(await t.exited).toBe(0);
    }, 60_000);
  }
});
