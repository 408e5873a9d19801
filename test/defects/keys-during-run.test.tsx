/**
 * Issue 11 item 14: keys pressed during a run were dropped while the status line said they would wait. Now the
 * keys that only look around (steps, hints, details, language) work during a run, and the keys that would start
 * AWS calls (Enter, c) are locked — the status line says so, and pressing one says it was not kept — in both
 * languages. Nothing is queued: a second Enter pressed impatiently must never start a second (billable) run later.
 */
import { afterEach, describe, expect, it } from "vitest";
import { S } from "../../src/ui/strings.js";
import { KEY } from "../helpers/render.js";
import { startedTui, unmountAll, waitUntil } from "../ui/tui-harness.js";

afterEach(unmountAll);

const flat = (frame: string) => frame.replace(/\s+/g, " ");

describe("keys during a run", () => {
  for (const lang of ["en", "vi"] as const) {
    it(`locks Enter and c with a message, keeps nothing for later, and lets the learner look around (${lang})`, async () => {
      const tui = await startedTui({ params: { slowMs: 1500 } });
      if (lang === "vi") {
        await tui.press("l");
        await tui.waitFor("Bước 1 · Tạo một thứ");
      }
      await tui.press(KEY.enter);
      await tui.waitFor((f) => flat(f).includes(flat(S.locked[lang])));
      let runs = 0;
      tui.fixture.runner.subscribe((event) => {
        if (event.type === "run-started") runs += 1;
      });
      await tui.press(KEY.enter);
      await tui.waitFor((f) => flat(f).includes(flat(S.keyLocked[lang].replace("{key}", "Enter"))));
      await tui.press("c");
      await tui.waitFor((f) => flat(f).includes(flat(S.keyLocked[lang].replace("{key}", "c"))));
      // Looking around works: the next step's page, then back.
      await tui.press("j");
      await tui.waitFor(lang === "en" ? "Step 2 · Use the thing" : "Bước 2 · Dùng thứ đó");
      await tui.press("k");
      await waitUntil(() => !tui.controller.getState().running, 10_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(runs).toBe(0); // the locked Enter and c were not kept to run later
    }, 30_000);
  }
});
