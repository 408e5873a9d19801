/**
 * The real `genai-lab` binary in a pseudo-terminal (node-pty + @xterm/headless): on a fresh state directory and
 * the sandbox, the whole lab is completed by key presses in Vietnamese, the language is toggled to English, and
 * the rendered screen shows all four checklist items ticked. dist/ is built by the test run's global setup.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { S } from "../../src/ui/strings.js";
import { KEY } from "../helpers/render.js";
import { press, startLab, type TerminalSession } from "./tui-terminal.js";

let term: TerminalSession | undefined;
let stateDir: string | undefined;

afterEach(() => {
  term?.kill();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

function start(args: string[], cols = 80, rows = 24, env: NodeJS.ProcessEnv = {}): TerminalSession {
  const lab = startLab({ args, cols, rows, env });
  stateDir = lab.stateDir;
  return lab.term;
}

const ticked = (screen: string) => (screen.match(/\[✓\]/g) ?? []).length;
const LOCKED_VI = S.locked.vi;

/** A confirmation is on screen (its answer line, from the key bindings). */
const dialog = (s: string) => s.includes("y = có · n/Esc = không");
/** The lab complete card, over the page when the checklist first reaches all-pass. */
const COMPLETE_VI = "★ Hoàn thành bài lab · checklist đạt 4/4";
/** A whole frame is on screen and nothing runs, or the lab complete card is up. */
const settled = (s: string) =>
  (/▸[✓✗!]/.test(s) && !s.includes(LOCKED_VI) && s.includes("q thoát")) || s.includes(COMPLETE_VI);

/** A frame can be read while half drawn: trust a screen only when it reads the same twice in a row. */
async function stable(t: TerminalSession, test: (s: string) => boolean, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const first = await t.waitFor(test, Math.max(1, deadline - Date.now()));
    await new Promise((resolve) => setTimeout(resolve, 200));
    if ((await t.screen()) === first) return first;
  }
}

/** Runs the selected step and waits for it to end, answering "yes" to any confirmation (the lab may offer a model). */
async function runSelected(t: TerminalSession): Promise<string> {
  await press(t, KEY.enter);
  const begun = await t.waitFor((s) => s.includes("▸◐") || dialog(s), 10_000);
  if (process.env.TUI_DEBUG) console.log(`run started:\n${begun}`);
  for (;;) {
    const screen = await stable(t, (s) => settled(s) || dialog(s));
    if (dialog(screen)) {
      await press(t, "y");
      await t.waitFor((s) => !dialog(s));
      continue;
    }
    return screen;
  }
}

describe("genai-lab TUI in a terminal", () => {
  it("completes the whole lab on the sandbox in Vietnamese, then shows the checklist ticked in English", async () => {
    const t = (term = start(["--mode", "guided"]));
    await t.waitFor("Nhấn Enter để bắt đầu", 20_000);
    expect(await t.screen()).toContain("mô phỏng"); // the sandbox is labelled as simulated
    await press(t, KEY.enter);
    await t.waitFor("Các bước 0/");

    const labSteps = 5; // preflight + four steps of the lab; cleanup is not run
    for (let i = 0; i < labSteps; i++) {
      let screen = await runSelected(t);
      if (screen.includes(COMPLETE_VI)) {
        expect(i).toBe(labSteps - 1); // the card opens once, when the last lab step ticks the last item
        expect(screen).toMatch(/genai-lab làm\s+4\/4 mục/); // guided: genai-lab did every item
        await press(t, KEY.escape);
        screen = await stable(t, settled);
      }
      expect(screen, `step ${i} should pass`).toContain("▸✓");
      if (i < labSteps - 1) await press(t, "n");
    }
    const vi = await stable(t, (s) => ticked(s) === 4 && settled(s));
    expect(vi).toContain("Checklist kiểm tra 4/4");

    await press(t, "l");
    // A settled screen: under load the first frame with the English title can still be half drawn (1 of 4 ticks).
    const en = await stable(t, (s) => /Verification checkl\S* 4\/4/.test(s));
    expect(ticked(en)).toBe(4);
    expect(en).toContain("Steps 5/5");
    expect(JSON.parse(readFileSync(join(stateDir!, "settings.json"), "utf8"))).toMatchObject({ language: "en" });

    // A resize redraws the layout for the new size: a wider left column shows more of the checklist.
    t.resize(110, 30);
    const wide = await stable(
      t,
      (s) =>
        s.includes("Verification checklist 4/4") &&
        s.includes("[✓] The dashboard shows metrics") &&
        s.includes("q quit"),
    );
    expect(ticked(wide)).toBe(4);

    await press(t, "q");
    expect(await t.exited).toBe(0);
    // The shell prompt that follows starts on a line of its own.
    if (process.env.TUI_DEBUG) console.log(JSON.stringify(t.output.slice(-80)));
    expect((await t.cursor()).x).toBe(0);
    // The finished runs were printed once (<Static>) above the live screen: the scrollback keeps the record.
    const record = await t.all();
    if (process.env.TUI_DEBUG) console.log(record);
    expect(record).toMatch(/▶ Bước 1 · Bật model invocation logging \(\d/);
    // Each step ticks its own items: after step 2, step 1's logging item and step 2's own (the calls' records).
    expect(record).toMatch(/▶ Bước 2 · Tạo các lời gọi mẫu[^▶]*Checklist kiểm tra: 2\/4 mục đạt/);
  }, 120_000);

  it("streams step 2's fifth answer live: the text grows on screen under the time to first token", async () => {
    // Half of real time: the streamed answer takes about a second and a half, long enough to watch it grow.
    const env = { GENAI_LAB_SANDBOX_STREAM_SCALE: "0.5", GENAI_LAB_SANDBOX_FAULTS: "iam-delay=0" };
    const t = (term = start(["--mode", "guided"], 80, 24, env));
    await t.waitFor("Nhấn Enter để bắt đầu", 20_000);
    await press(t, KEY.enter);
    await t.waitFor("Các bước 0/");
    for (let i = 0; i < 2; i++) {
      expect(await runSelected(t), `step ${i} should pass`).toContain("▸✓");
      await press(t, "n");
    }
    await press(t, KEY.enter);
    /** The line the text has reached (the cursor ▍ ends it while more is coming). */
    const growing = (screen: string) => screen.split("\n").find((line) => line.includes("▍"));
    const ttft = /thời gian tới token đầu tiên: \d+ ms/;
    const first = await t.waitFor((s) => ttft.test(s) && growing(s) !== undefined, 20_000);
    expect(first).toContain("Prompt 5/5 được stream bằng"); // the rest of the line wraps at 80 columns
    expect(first).toContain("InvokeModelWithResponseStream (model mô");
    const later = await t.waitFor((s) => growing(s) !== undefined && growing(s) !== growing(first), 10_000);
    expect(later).toMatch(ttft);
    const done = await stable(t, settled);
    expect(done).toContain("▸✓ 2");
    expect(done).not.toContain("▍");
    // What the stream measured stays on the page, above the notes at its end (and step 2's check line under them).
    const heading = /Câu trả lời dạng stream \(prompt 5,/;
    let measured = await t.screen();
    for (let page = 0; page < 3 && !heading.test(measured); page++) {
      const before = measured;
      await press(t, KEY.pageUp);
      measured = await stable(t, (s) => s !== before, 5_000);
    }
    expect(measured).toMatch(heading);
    expect(measured).toMatch(/Tới token đầu tiên:\s+\d+ ms/);
    await press(t, "q");
    expect(await t.exited).toBe(0);
  }, 90_000);

  it("quits at once while the session is still opening (nothing keeps the process alive)", async () => {
    const t = (term = start([]));
    await t.waitFor("Đang khởi động sandbox", 20_000);
    const started = Date.now();
    await press(t, "t", "q");
    expect(await t.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 30_000);

  it("hides account ids in presenter mode and draws without colour under NO_COLOR", async () => {
    const t = (term = start(["--presenter"]));
    const env = await t.waitFor("Nhấn Enter để bắt đầu", 20_000);
    expect(env).toContain("Tài khoản ************");
    expect(env).not.toContain("123456789012");
    expect(env).toContain("trình chiếu");
    await press(t, "q");
    expect(await t.exited).toBe(0);
    t.kill();
    rmSync(stateDir!, { recursive: true, force: true });

    const plain = (term = start([], 80, 24, { NO_COLOR: "1" }));
    await plain.waitFor("Nhấn Enter để bắt đầu", 20_000);
    // No foreground or background colour codes at all (bold and inverse video are not colours).
    // eslint-disable-next-line no-control-regex -- looking for colour escape codes
    expect(plain.output).not.toMatch(/\u001B\[(?:3|4|9|10)[0-9](?:;[0-9]+)*m/);
    expect(plain.output).toContain("\u001B[1m");
    await press(plain, "q");
    expect(await plain.exited).toBe(0);
  }, 60_000);
});
