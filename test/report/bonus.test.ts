/**
 * Bonus items (an optional step's checks, manifest.bonus) are reported after the checklist and apart from it: the
 * checklist's summary, score and exit code never count them; JSON carries them as `bonus`, text and Markdown in a
 * section of their own.
 */
import { describe, expect, it } from "vitest";
import type { ChecklistItemResult } from "../../src/engine/events.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderText } from "../../src/report/text.js";
import { FAIL, PASS, PASS_BY_RUNNER, report } from "./sample.js";

const bonus: ChecklistItemResult[] = [
  {
    id: "bonus-top-tenant",
    label: { vi: "Thêm: tenant", en: "Bonus: the tenant" },
    stepId: "investigate",
    points: 1,
    result: PASS_BY_RUNNER,
    durationMs: 5,
    startedAt: "2026-03-01T10:00:05.000Z",
  },
  {
    id: "bonus-incident-alarm",
    label: { vi: "Thêm: alarm", en: "Bonus: the alarm" },
    stepId: "investigate",
    points: 1,
    result: FAIL,
    durationMs: 6,
    startedAt: "2026-03-01T10:00:06.000Z",
  },
];

describe("bonus items in the checklist report", () => {
  it("sit apart from the checklist and never change its summary", () => {
    const withBonus = report([PASS, PASS, PASS, PASS], { bonus });
    const without = report([PASS, PASS, PASS, PASS]);
    expect(withBonus.summary).toEqual(without.summary);
    expect(withBonus.items).toEqual(without.items);
    expect(withBonus.bonus?.summary).toMatchObject({ passed: 1, failed: 1, total: 2, doneByRunner: 1 });
    expect(withBonus.bonus?.items.map((item) => [item.id, item.status, item.doneBy])).toEqual([
      ["bonus-top-tenant", "pass", "runner"],
      ["bonus-incident-alarm", "fail", null],
    ]);
    expect(without.bonus).toBeUndefined();
    expect(report([PASS], { bonus: [] }).bonus).toBeUndefined();
  });

  it("show as their own section in text and Markdown, with their hints", () => {
    const r = report([PASS, PASS, PASS, PASS], { bonus });
    const text = renderText(r);
    expect(text).toContain("Verification checklist — 4/4 passed");
    expect(text).toContain("Bonus (not part of the checklist) — 1/2 passed");
    expect(text).toMatch(/1\. Bonus: the tenant · done by genai-lab/);
    expect(text).toContain(`hint: ${FAIL.hint.en}`);
    const md = renderMarkdown(r);
    expect(md).toContain("**Bonus (not part of the checklist)** · 1/2 passed");
    expect(md).toMatch(/\| 2 \| Bonus: the alarm \| ❌ fail \|/);
    // Items failing for the same cause (the bonus step never started) say it once, then point back to it.
    const third = { ...bonus[1]!, id: "bonus-other", label: { vi: "Thêm: khác", en: "Bonus: another" } };
    const same = renderText(report([PASS, PASS, PASS, PASS], { bonus: [...bonus, third] }));
    expect(same.split(`hint: ${FAIL.hint.en}`)).toHaveLength(2);
    expect(same).toMatch(/3\. Bonus: another\n {7}\(as for item 2\)\n?$/);
    const viSame = renderText(report([PASS, PASS, PASS, PASS], { bonus: [...bonus, third], lang: "vi" }));
    expect(viSame).toContain("(như mục 2)");
    const vi = renderText(report([PASS, PASS, PASS, PASS], { bonus, lang: "vi" }));
    expect(vi).toContain("Phần thêm (không tính vào checklist) — 1/2 mục đạt");
  });
});
