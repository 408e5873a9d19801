/**
 * Issue 11 item 11: a corrupt progress file was reported in the TUI as "Could not connect". It now says what is
 * wrong and where — the file, why it cannot be read, what to do — under a heading that does not blame the network.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ProgressStore } from "../../src/engine/store.js";
import { fakeTarget } from "../helpers/fixture-runner.js";
import { renderTui, unmountAll } from "../ui/tui-harness.js";

afterEach(unmountAll);

function corruptProgress(): string {
  const path = join(mkdtempSync(join(tmpdir(), "genai-lab-corrupt-")), "progress.json");
  writeFileSync(path, '{"formatVersion": 1, "lab": ');
  return path;
}

describe("a corrupt progress file in the TUI", () => {
  for (const lang of ["en", "vi"] as const) {
    it(`says what is wrong and where (${lang})`, async () => {
      const path = corruptProgress();
      const ui = await renderTui({
        lang,
        columns: 100,
        rows: 30,
        open: async () => ProgressStore.open(path, "fixture", fakeTarget) as never,
      });
      const frame = await ui.waitFor(lang === "en" ? "Could not open the lab" : "Không mở được bài lab");
      expect(frame).not.toContain(lang === "en" ? "Could not connect" : "Không kết nối được");
      // The path is long: compare without the line breaks the card wraps it at.
      const flat = frame.replace(/[│\s]+/g, "");
      expect(flat).toContain(path.replace(/\s+/g, ""));
      expect(frame).toContain(lang === "en" ? "Cannot read the state file" : "Không đọc được tệp trạng thái");
      expect(frame).toContain("genai-lab reset");
    });
  }
});
