/**
 * Issue 11 items 3 and 6, over the real lab on the sandbox:
 * - `cleanup --dry-run` used to record cleanup as done, and the "done" mark stayed after steps re-ran following a
 *   real cleanup;
 * - after cleanup, a completed lab read as failed (four red items, steps "!", header 0/4, "checklist 0/4").
 * Now the progress file keeps a completion record (written once, when the checklist first passes), and the TUI
 * reads a completed, cleaned-up lab as completed: what passed, when, and what cleanup removed.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { progressPath } from "../../src/engine/state-dir.js";
import type { ProgressState } from "../../src/engine/progress.js";
import type { TuiController } from "../../src/ui/app/controller.js";
import { runCli } from "../helpers/cli.js";
import { KEY } from "../helpers/render.js";
import { realTui, SANDBOX_ENV, type RealTui } from "./real-tui.js";

let ui: RealTui | undefined;
afterEach(async () => {
  await ui?.quit();
  ui = undefined;
});

/** Runs one step the way Enter does, answering every question yes. */
async function runStep(controller: TuiController, stepId: string): Promise<void> {
  const answering = setInterval(() => controller.getState().confirm?.answer(true), 5);
  try {
    await controller.runStep(stepId);
  } finally {
    clearInterval(answering);
  }
}

function progressOf(tui: RealTui): ProgressState {
  const session = tui.session();
  return JSON.parse(readFileSync(progressPath(tui.stateDir, session.lab.manifest.id, session.target), "utf8"));
}

const LAB_STEPS = [
  "preflight",
  "enable-invocation-logging",
  "generate-sample-invocations",
  "view-logs",
  "create-dashboard",
];

describe("a completed lab, cleaned up", () => {
  it("reads as completed in the TUI, and the progress file keeps the completion", async () => {
    ui = await realTui({ lang: "en", columns: 100, rows: 32 });
    for (const id of LAB_STEPS) await runStep(ui.controller, id);
    const completion = progressOf(ui).completion;
    expect(completion?.items.map((item) => item.id)).toEqual([
      "logging-enabled",
      "log-entries-present",
      "insights-returns-results",
      "dashboard-shows-metrics",
    ]);
    await runStep(ui.controller, "cleanup");
    // The checks after cleanup fail (everything is gone) but the completion stays, unchanged.
    const after = progressOf(ui);
    expect(Object.values(after.checks).every((check) => check.result.status !== "pass")).toBe(true);
    expect(after.completion).toEqual(completion);

    await ui.press(KEY.enter);
    const screen = await ui.waitFor("all passed at");
    expect(screen).toContain("✓ 4/4");
    expect(screen).not.toContain("[✗]");
    expect(screen).not.toMatch(/!\s\d/); // no step "needs attention"
    expect((screen.match(/\[✓\]/g) ?? []).length).toBe(4);
    expect(screen).toMatch(/cleanup: passed/);

    // The welcome card, on the next start: completed, when, and what cleanup removed.
    const again = await realTui({ lang: "vi", columns: 100, rows: 32, stateDir: ui.stateDir });
    try {
      const card = await again.waitFor("Đã hoàn thành bài lab lúc");
      expect(card).toContain("checklist đạt 4/4");
      expect(card).toMatch(/Đã dọn dẹp lúc .*xoá \d tài nguyên/);
      expect(card).toContain("GenAI-Monitoring");
      expect(card).not.toContain("checklist 0/4");
    } finally {
      await again.quit();
    }
    // At 60×18 (item 20) the completed card keeps its Enter prompt.
    const small = await realTui({ lang: "vi", columns: 60, rows: 18, stateDir: ui.stateDir });
    try {
      const card = await small.waitFor("Nhấn Enter để tiếp tục");
      expect(card).toContain("Đã hoàn thành bài lab lúc");
    } finally {
      await small.quit();
    }
  }, 120_000);

  it("cleanup is done only until a lab step runs again", async () => {
    ui = await realTui({ lang: "en", columns: 100, rows: 32 });
    for (const id of LAB_STEPS.slice(0, 2)) await runStep(ui.controller, id);
    await runStep(ui.controller, "cleanup");
    await ui.press(KEY.enter);
    await ui.waitFor("cleanup: passed");
    await runStep(ui.controller, "enable-invocation-logging");
    const screen = await ui.waitFor("cleanup: pending");
    expect(screen).not.toContain("cleanup: passed");
  }, 60_000);
});

describe("cleanup --dry-run", () => {
  it("prints the plan and is not recorded as the cleanup done", async () => {
    const tui = await realTui({ lang: "en" });
    ui = tui;
    for (const id of LAB_STEPS.slice(0, 2)) await runStep(tui.controller, id);
    await tui.quit();
    ui = undefined;
    const dry = await runCli(["cleanup", "--dry-run", "--state-dir", tui.stateDir], SANDBOX_ENV);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("Dry run: nothing deleted");
    const reopened = await realTui({ lang: "en", stateDir: tui.stateDir });
    ui = reopened;
    expect(progressOf(reopened).steps.cleanup).toBeUndefined();
    await reopened.press(KEY.enter);
    const screen = await reopened.waitFor("cleanup: pending");
    expect(screen).not.toContain("cleanup: passed");
  }, 60_000);
});
