/**
 * Issue 11 item 15: after a restart, finished steps said "Press Enter to run this step." again and their outputs
 * were gone; re-check results vanished from the page once they finished. The last run of each step (bounded in
 * size) and the last re-check are now kept beside the progress file and shown again.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Output } from "../../src/engine/outputs.js";
import { boundRun, MAX_RUN_BYTES } from "../../src/ui/state/bounded-run.js";
import type { StepRun } from "../../src/ui/state/lab-view.js";
import { S } from "../../src/ui/strings.js";
import { runCli } from "../helpers/cli.js";
import { KEY } from "../helpers/render.js";
import { waitUntil } from "../ui/tui-harness.js";
import { realTui, SANDBOX_ENV, type RealTui } from "./real-tui.js";

let ui: RealTui | undefined;
afterEach(async () => {
  await ui?.quit();
  ui = undefined;
});

/** Pages down (Space) until `text` is on screen. */
async function scrollUntil(tui: RealTui, pattern: RegExp): Promise<string> {
  for (let i = 0; i < 10 && !pattern.test(tui.frame()); i++) await tui.press(" ");
  return tui.frame();
}

async function scrollTo(tui: RealTui, text: string): Promise<string> {
  for (let i = 0; i < 40 && !tui.frame().includes(text); i++) await tui.press(" ");
  return tui.waitFor(text);
}

async function runStep(tui: RealTui, stepId: string): Promise<void> {
  const answering = setInterval(() => tui.controller.getState().confirm?.answer(true), 5);
  try {
    await tui.controller.runStep(stepId);
  } finally {
    clearInterval(answering);
  }
}

describe("a restarted TUI", () => {
  for (const lang of ["en", "vi"] as const) {
    it(`shows each finished step's last outputs and the last re-check (${lang})`, async () => {
      const first = await realTui({ lang, columns: 100, rows: 40 });
      ui = first;
      for (const id of ["preflight", "enable-invocation-logging", "generate-sample-invocations"])
        await runStep(first, id);
      await first.press(KEY.enter);
      await first.press("c");
      await waitUntil(
        () => !first.controller.getState().running && first.controller.getState().view?.running === undefined,
      );
      await first.quit();

      ui = await realTui({ lang, columns: 100, rows: 40, stateDir: first.stateDir });
      await ui.waitFor(S.welcomeContinue[lang]);
      await ui.press(KEY.enter); // resumes at step 3
      await ui.press("k"); // step 2: the five calls it made, with their request ids
      await scrollTo(ui, S.lastRun[lang]);
      await scrollTo(ui, "Request id");
      // The ids follow their heading: scroll until one is on screen (whole answers can push them down a page).
      const step2 = await scrollUntil(ui, /[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(step2).toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(step2).not.toContain(S.runHint[lang]);
      await ui.press("k"); // step 1: its run, then the last re-check's result for its own item
      const step1 = await scrollTo(ui, S.checklistRan[lang]);
      expect(step1).toContain(`${S.checkPrefix[lang]} · Model invocation logging`);
    }, 90_000);
  }

  it("shows the outputs of steps run headless with genai-lab run", async () => {
    const tui = await realTui({ lang: "en", columns: 100, rows: 40 });
    const stateDir = tui.stateDir;
    await tui.quit();
    const run = await runCli(["run", "--yes", "--step", "0", "--state-dir", stateDir], SANDBOX_ENV);
    expect(run.code).toBe(0);
    ui = await realTui({ lang: "en", columns: 100, rows: 40, stateDir });
    await ui.press(KEY.enter);
    await ui.press("k");
    await ui.waitFor("Step 0 · Preflight checks");
    const page = await scrollTo(ui, S.lastRun.en);
    expect(page).not.toContain(S.runHint.en);
  }, 60_000);
});

describe("what is kept of a run", () => {
  const run = (outputs: Output[]): StepRun => ({
    startedAt: 1,
    items: [{ kind: "action", id: "a", title: { vi: "a", en: "a" }, state: "done", startedAt: 1, outputs }],
  });

  it("cuts long tables and code, saying how much was left out", () => {
    const rows = Array.from({ length: 500 }, (_, i) => ({ n: i }));
    const kept = boundRun(
      run([
        { kind: "table", columns: [{ key: "n", label: { vi: "n", en: "n" } }], rows },
        { kind: "code", language: "json", code: Array.from({ length: 900 }, (_, i) => `${i}`).join("\n") },
      ]),
    ).items[0]!.outputs;
    expect(kept).toHaveLength(4);
    expect(kept[0]).toMatchObject({ kind: "table" });
    expect((kept[0] as Extract<Output, { kind: "table" }>).rows).toHaveLength(40);
    expect(kept[1]).toMatchObject({
      kind: "note",
      text: { en: "(460 more rows not kept; run the step again to see them all)" },
    });
    expect((kept[2] as Extract<Output, { kind: "code" }>).code.split("\n")).toHaveLength(120);
    expect(kept[3]).toMatchObject({
      kind: "note",
      text: { vi: "(780 dòng nữa không được lưu lại; chạy lại bước này để xem đủ)" },
    });
  });

  it("keeps a run under its size limit", () => {
    const huge = "x".repeat(MAX_RUN_BYTES);
    const kept = boundRun(run([{ kind: "note", tone: "info", text: { vi: huge, en: huge } }]));
    expect(JSON.stringify(kept).length).toBeLessThan(MAX_RUN_BYTES);
    expect(kept.items[0]!.outputs[0]).toMatchObject({
      kind: "note",
      text: { en: "(the output was too long to keep; run the step again to see it)" },
    });
  });
});
