/**
 * Issue 11 item 20: at 60×18 the welcome card lost its Enter prompt and the checklist showed 2 of its 4 items,
 * with no "too small" message. At 60×18 (the smallest size the TUI draws) everything that matters now fits: the
 * card keeps its prompt, the lab screen shows every step and every checklist item — idle and while a step runs.
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

const STEPS = [0, 1, 2, 3, 4, 5, 6]; // preflight, four lab steps, the bonus investigation, cleanup
const stepRows = (frame: string) => STEPS.filter((n) => new RegExp(`[○◐✓✗!] ${n} `).test(frame));
const items = (frame: string) => (frame.match(/\[[ ✓✗!◐]\]/g) ?? []).length;

describe("a 60×18 terminal", () => {
  for (const lang of ["vi", "en"] as const) {
    it(`fits the welcome card's prompt and the whole step list and checklist (${lang})`, async () => {
      ui = await realTui({ lang, columns: 60, rows: 18 });
      const card = await ui.waitFor(S.welcomeStart[lang]);
      expect(card.split("\n").length).toBeLessThanOrEqual(17);
      expect(card).toContain(S.target[lang]);
      await ui.press(KEY.enter);
      const main = await ui.waitFor(S.stepsPanel[lang]);
      expect(stepRows(main)).toEqual(STEPS);
      expect(items(main)).toBe(4);
      for (const line of main.split("\n")) expect([...line].length).toBeLessThanOrEqual(60);

      // While a step runs the footer grows (the lock note): the panels still fit.
      const answering = setInterval(() => ui?.controller.getState().confirm?.answer(true), 5);
      await ui.press(KEY.enter);
      const running = await ui.waitFor(S.locked[lang].slice(0, 12));
      clearInterval(answering);
      expect(stepRows(running)).toEqual(STEPS);
      expect(items(running)).toBe(4);
      await ui.press(KEY.ctrlC);
    }, 60_000);
  }
});
