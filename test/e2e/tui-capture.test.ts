/**
 * Not a test: the generator of docs/screens.md (text captures of the TUI for the README). It runs the real
 * binary in a pseudo-terminal and writes what the screen shows: a hands-on session (the welcome card's mode
 * question, a step's Your turn with its live check and copy hint, the hint ladder), a guided session (a run's
 * results, the dashboard preview, the lab complete card), each in Vietnamese and English at 80×24, and one
 * hands-on page at 60×18. Run it with `GENAI_LAB_CAPTURE=1 npx vitest run test/e2e/tui-capture.test.ts`
 * (about a minute; it is skipped in `npm test`).
 *
 * Every step waits for what the screen must show next (never a fixed pause alone), and the session ends with
 * `q` only where q quits: on an overlay (the lab complete card) q closes the overlay, which is why an earlier
 * version of this generator waited for an exit that never came until vitest's 240 s timeout.
 */
import { rmSync, writeFileSync } from "node:fs";
import { it } from "vitest";
import { KEY } from "../helpers/render.js";
import { press, ROOT, startLab, type TerminalSession } from "./tui-terminal.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ASKED = /y = (có|yes) · n\/Esc = (không|no)/;
const RUNNING = /Đang chạy|Running —/;
const langOf = (screen: string) => (/· VI\s*$/m.test(screen.split("\n")[0] ?? "") ? "vi" : "en");

type Shots = Record<string, string>;

/** The screen in the language it is in and, after `l`, in the other one (then back). */
async function both(t: TerminalSession, shots: Shots, name: string): Promise<void> {
  const first = await t.screen();
  const lang = langOf(first);
  const other = lang === "vi" ? "en" : "vi";
  await sleep(300); // let a live round's "checked 0 s ago" settle into the same frame in both languages
  shots[`${name}-${lang}`] = await t.screen();
  t.write("l");
  shots[`${name}-${other}`] = await t.waitFor((s) => langOf(s) === other);
  t.write("l");
  await t.waitFor((s) => langOf(s) === lang);
}

/** Runs the selected step (Enter), says yes once to each question it asks, and waits until it passed. */
async function runStep(t: TerminalSession, n: number): Promise<void> {
  const passed = new RegExp(`▸✓\\*?\\s*${n} `);
  t.write(KEY.enter);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const s = await t.waitFor((screen) => ASKED.test(screen) || (!RUNNING.test(screen) && passed.test(screen)));
    if (!ASKED.test(s)) break;
    t.write("y"); // once: a second y after the dialog closed would open the copy screen
    await t.waitFor((screen) => !ASKED.test(screen));
    if (Date.now() > deadline) throw new Error(`step ${n} kept asking:\n${s}`);
  }
  await sleep(300);
}

/** Scrolls the page up until `found` is on screen (at most `max` pages). */
async function scrollUpTo(t: TerminalSession, found: RegExp, max = 15): Promise<void> {
  for (let i = 0; i < max && !found.test(await t.screen()); i++) {
    t.write(KEY.pageUp);
    await sleep(150);
  }
}

async function inTerminal(
  options: { cols: number; rows: number; lang?: "vi" | "en" },
  work: (t: TerminalSession) => Promise<void>,
): Promise<void> {
  const env = options.lang === "en" ? { LANG: "en_US.UTF-8" } : {};
  const { term: t, stateDir } = startLab({ cols: options.cols, rows: options.rows, env });
  try {
    await t.waitFor(/Nhấn Enter để bắt đầu|Press Enter to start/, 20_000);
    await work(t);
    await t.waitFor((s) => !/★/.test(s)); // no overlay left: q quits
    t.write("q");
    await t.exited;
  } finally {
    t.kill();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

/** Hands-on (the welcome card's default): the welcome card, step 1's Your turn, then two hints of its ladder. */
async function handsOn(shots: Shots): Promise<void> {
  await inTerminal({ cols: 80, rows: 24 }, async (t) => {
    await both(t, shots, "welcome");
    t.write(KEY.enter);
    await t.waitFor(/Bước 0/);
    t.write("j");
    await t.waitFor(/Đến lượt bạn/);
    await t.waitFor(/✗ chưa đạt/); // the first live round has looked at the sandbox
    await both(t, shots, "your-turn");
    await press(t, "h", "h");
    await t.waitFor(/Gợi ý 2\/\d/);
    await both(t, shots, "hints");
  });
}

/**
 * Guided, in one language: steps 0–4 run by genai-lab; step 2's results, step 4's dashboard preview, the lab
 * complete card. One session per language: `l` does not apply on the card (only d, Esc and ? do).
 */
async function guided(shots: Shots, lang: "vi" | "en"): Promise<void> {
  await inTerminal({ cols: 80, rows: 24, lang }, async (t) => {
    t.write("j"); // the mode question: hands-on → guided
    await sleep(200);
    t.write(KEY.enter);
    await t.waitFor(/Bước 0|Step 0/);
    for (let n = 0; n <= 4; n++) {
      if (n > 0) {
        t.write("n");
        await t.waitFor(new RegExp(`▸○\\s*${n} `));
      }
      await runStep(t, n);
      if (n === 2) {
        shots[`results-${lang}`] = await t.screen();
        await scrollUpTo(t, /Kết quả \(|Results \(/);
        shots[`results-table-${lang}`] = await t.screen();
      }
    }
    shots[`complete-${lang}`] = await t.waitFor(/★/);
    t.write(KEY.escape);
    await t.waitFor((s) => !/★/.test(s));
    // From the preview's heading, one page down: its first widgets (the table of log rows, then the charts).
    await scrollUpTo(t, /Xem trước dashboard trong terminal|Preview the dashboard in the terminal/, 30);
    t.write(KEY.pageDown);
    await sleep(300);
    shots[`dashboard-${lang}`] = await t.screen();
  });
}

/** One narrow terminal (60×18), in English: step 1's Your turn. */
async function narrow(shots: Shots): Promise<void> {
  await inTerminal({ cols: 60, rows: 18, lang: "en" }, async (t) => {
    t.write(KEY.enter);
    await t.waitFor(/Step 0/);
    t.write("j");
    await t.waitFor(/\[✗\]/); // the first live round unticked the step's checklist item
    await sleep(300);
    shots["narrow-en"] = await t.screen();
  });
}

const block = (title: string, text: string) => `### ${title}\n\n\`\`\`text\n${text.replace(/\s+$/, "")}\n\`\`\`\n`;
const section = (heading: string, shots: Shots, name: string) => [
  `## ${heading}`,
  "",
  block("Tiếng Việt", shots[`${name}-vi`]!),
  block("English", shots[`${name}-en`]!),
];

it.runIf(process.env.GENAI_LAB_CAPTURE === "1")(
  "writes docs/screens.md",
  async () => {
    const shots: Shots = {};
    await Promise.all([handsOn(shots), guided(shots, "vi"), guided(shots, "en"), narrow(shots)]);
    const doc = [
      "# genai-lab — the terminal UI, captured",
      "",
      "Text captures of the real `genai-lab` binary in a pseudo-terminal on the sandbox (generated by",
      "`GENAI_LAB_CAPTURE=1 npx vitest run test/e2e/tui-capture.test.ts`; colours are not shown). Times and",
      "request ids differ from run to run.",
      "",
      ...section("The welcome card: how do you want to take the lab? (80×24)", shots, "welcome"),
      ...section("Hands-on, step 1: Your turn, its live check and the copy hint (80×24)", shots, "your-turn"),
      ...section("Hands-on, step 1: the hint ladder, two hints revealed (80×24)", shots, "hints"),
      ...section("Guided, step 2: the run's results (80×24)", shots, "results"),
      ...section("Guided, step 2: the table of the five calls, scrolled up (80×24)", shots, "results-table"),
      ...section("Guided, step 4: the dashboard preview (80×24)", shots, "dashboard"),
      ...section("The lab complete card (80×24)", shots, "complete"),
      "## A narrow terminal: hands-on, step 1 (60×18)",
      "",
      block("English", shots["narrow-en"]!),
    ].join("\n");
    writeFileSync(`${ROOT}docs/screens.md`, doc);
  },
  170_000,
);
