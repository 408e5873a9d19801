/**
 * Resizing the real TUI in a pseudo-terminal (node-pty + @xterm/headless): whatever the terminal does — shrink or
 * grow, in width, height or both, with finished runs printed above the live screen (<Static>) or none yet — the
 * frame drawn once the resize settles is the one the next key press draws: the header on the top row, nothing
 * stale above it, the row under it free. Ink 6.8 drew the first frame after a shrink one row low, under the
 * transcript's last line, and the next frame erased that line from the scrollback (src/ui/terminal/full-clear.ts).
 */
import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { KEY } from "../helpers/render.js";
import { handsOnPreflight, press, startLab, type TerminalSession } from "./tui-terminal.js";

let term: TerminalSession | undefined;
let stateDir: string | undefined;

afterEach(() => {
  term?.kill();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The transcript's last line for step 0's run (the live checklist panel's title has no colon). */
const TRANSCRIPT_END = "Verification checklist: 0/4 passed";
const HEADER = /^genai-lab · /;

/**
 * The screen once the program has drawn since `mark` (a length of its output) and then written nothing for
 * 400 ms (the resize redraw waits 80 ms for a burst of resizes to end); at most 10 s.
 */
async function settled(t: TerminalSession, mark: number): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (let seen = -1; (t.output.length === mark || t.output.length !== seen) && Date.now() < deadline;) {
    seen = t.output.length;
    await sleep(400);
  }
  return t.screen();
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

/** Resizes, then checks the settled frame against the one `keys` (a round trip) redraw, and the scrollback. */
async function resizeAndCompare(t: TerminalSession, size: [number, number], keys: string[], transcript: boolean) {
  const [cols, rows] = size;
  const resized = t.output.length;
  t.resize(cols, rows);
  const first = await settled(t, resized);
  const lines = first.split("\n");
  const where = `${cols}×${rows}:\n${first}`;
  expect(lines, where).toHaveLength(rows);
  expect(lines[0], where).toMatch(HEADER);
  // The frame is one row short of the terminal: the row under it is free, nothing stale is left above it.
  expect(lines[rows - 1], where).toBe("");
  expect(first, where).not.toContain(TRANSCRIPT_END);
  const pressed = t.output.length;
  await press(t, ...keys);
  const next = await settled(t, pressed);
  expect(first, `the next key press drew another frame at ${cols}×${rows}:\n${next}`).toBe(next);
  // The transcript is still in the scrollback, once.
  expect(occurrences(await t.all(), TRANSCRIPT_END), where).toBe(transcript ? 1 : 0);
}

/** Shrink and grow both ways, then width alone and height alone. */
const SIZES: [number, number][] = [
  [60, 18],
  [120, 40],
  [60, 18],
  [80, 24],
  [80, 18],
  [80, 24],
  [60, 24],
  [100, 24],
  [100, 20],
];

describe("resizing the TUI", () => {
  it("draws the settled frame from the top row, with and without a transcript above it", async () => {
    const lab = startLab({ args: ["--lang", "en"], cols: 120, rows: 40 });
    const t = (term = lab.term);
    stateDir = lab.stateDir;
    await t.waitFor("How do you want to take the lab?", 20_000);
    // Nothing printed above the live screen yet: j and k move the mode choice and back.
    for (const size of SIZES.slice(0, 3)) await resizeAndCompare(t, size, ["j", "k"], false);

    const back = t.output.length;
    t.resize(120, 40);
    await settled(t, back);
    // Hands-on, step 0 run: its run is printed above the live screen.
    await handsOnPreflight(t);
    // To step 1 and back: the page shows step 0 from its top, so no later frame redraws it by itself.
    const moved = t.output.length;
    await press(t, "j", "k");
    await settled(t, moved);
    expect(await t.all()).toContain(TRANSCRIPT_END);
    // The page down and back up (j and k would run step 1's live checks, which change the checklist).
    for (const size of SIZES) await resizeAndCompare(t, size, [KEY.pageDown, KEY.pageUp], true);
    // Too small for the layout, then back: the finished run is not printed a second time.
    t.resize(50, 15);
    await t.waitFor("Terminal too small (50×15)");
    await resizeAndCompare(t, [100, 30], [KEY.pageDown, KEY.pageUp], true);
  }, 180_000);
});
