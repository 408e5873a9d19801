/**
 * Issue 11 item 5: once a step had run, `h` showed nothing — the hint went in above "── Last run ──" while the view
 * stayed pinned to the bottom of a long run, and only the scroll counter moved. A revealed hint (each rung of the
 * ladder, one at a time) is now scrolled into view.
 */
import { afterEach, describe, expect, it } from "vitest";
import { S } from "../../src/ui/strings.js";
import { KEY } from "../helpers/render.js";
import { realTui, type RealTui } from "./real-tui.js";

let ui: RealTui | undefined;
afterEach(async () => {
  await ui?.quit();
  ui = undefined;
});

/** How step 0's first two rungs begin (steps/00-preflight/your-turn.*.md); its ladder has three. */
const HINTS = {
  en: ["This step builds", "Credentials:"],
  vi: ["Bước này không tạo", "Credentials:"],
};
const RUNGS = "3";

describe("h after a step has run", () => {
  for (const [lang, columns, rows] of [
    ["en", 80, 24],
    ["vi", 100, 30],
    ["en", 60, 18],
  ] as const) {
    it(`shows each hint of the ladder when revealed (${lang}, ${columns}×${rows})`, async () => {
      ui = await realTui({ lang, columns, rows });
      await ui.waitFor(S.welcomeStart[lang]);
      await ui.press(KEY.enter);
      const answering = setInterval(() => ui?.controller.getState().confirm?.answer(true), 5);
      await ui.press(KEY.enter); // run step 0: its page fills with a long IAM policy
      await ui.waitFor((f) => f.includes("▸✓ 0") && !ui!.controller.getState().running, 30_000);
      clearInterval(answering);
      // Pinned to the bottom of the run, far below the step's text and the "Last run" rule.
      expect(ui.frame()).not.toContain(S.lastRun[lang]);
      await ui.press("h");
      const first = await ui.waitFor(HINTS[lang][0]!);
      expect(first).toContain(S.hintTitle[lang].replace("{n}", "1").replace("{total}", RUNGS));
      await ui.press("h");
      const second = await ui.waitFor(HINTS[lang][1]!);
      expect(second).toContain(S.hintTitle[lang].replace("{n}", "2").replace("{total}", RUNGS));
    }, 60_000);
  }
});

describe("the hint ladder in the interface state", () => {
  it("marks each revealed rung for the page to scroll to, and keeps the footer's answer", async () => {
    const { initialUiState, uiReducer } = await import("../../src/ui/state/ui-state.js");
    let state = uiReducer({ ...initialUiState, follow: true }, { type: "hint", stepId: "a", available: 3 });
    expect(state).toMatchObject({ reveal: { stepId: "a", index: 0 }, follow: false });
    state = uiReducer(state, { type: "revealed", row: 12 });
    expect(state).toMatchObject({ scroll: 12, follow: false });
    expect(state.reveal).toBeUndefined();
    state = uiReducer(state, { type: "hint", stepId: "a", available: 3 });
    expect(state.reveal).toEqual({ stepId: "a", index: 1 });
    const last = uiReducer(uiReducer(state, { type: "hint", stepId: "a", available: 3 }), {
      type: "hint",
      stepId: "a",
      available: 3,
    });
    expect(last.flash).toEqual(S.noMoreHints);
    expect(uiReducer(last, { type: "revealed", row: 30 }).flash).toEqual(S.noMoreHints);
  });
});

describe("hints revealed in the TUI", () => {
  it("are counted in progress, and shown again after a restart", async () => {
    const first = await realTui({ lang: "en", columns: 100, rows: 30 });
    try {
      await first.waitFor(S.welcomeStart.en);
      await first.press(KEY.enter);
      await first.press("h");
      await first.waitFor(HINTS.en[0]!);
      expect(first.session().store.state.hints).toEqual({ preflight: 1 });
    } finally {
      await first.quit();
    }
    ui = await realTui({ lang: "en", columns: 100, rows: 30, stateDir: first.stateDir });
    await ui.waitFor(S.welcomeStart.en); // only a hint was revealed: no step ran yet
    await ui.press(KEY.enter);
    // The rung revealed before the restart is still on the page, under the step's text.
    for (let i = 0; i < 20 && !ui.frame().includes(HINTS.en[0]!); i++) await ui.press(" ");
    await ui.waitFor(HINTS.en[0]!);
    await ui.press("h");
    await ui.waitFor(HINTS.en[1]!);
    expect(ui.session().store.state.hints).toEqual({ preflight: 2 });
  }, 60_000);
});
