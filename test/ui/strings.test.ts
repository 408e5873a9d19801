import { describe, expect, it } from "vitest";
import { S } from "../../src/ui/strings.js";

/** Values that are the same word in both languages on purpose (product names, AWS terms the seed keeps). */
const SAME = new Set([
  "target",
  "account",
  "region",
  "requestId",
  "profile",
  "helpChecklistLegend",
  "wayCli",
  "wayPython",
]);

describe("UI strings", () => {
  it("are complete in both languages, and differ where the words differ", () => {
    for (const [key, text] of Object.entries(S)) {
      expect(text.vi.trim(), `${key}.vi`).not.toBe("");
      expect(text.en.trim(), `${key}.en`).not.toBe("");
      if (!SAME.has(key)) expect(text.vi, `${key} is not translated`).not.toBe(text.en);
    }
  });

  it("write Vietnamese with its diacritics", () => {
    const vietnamese = Object.values(S)
      .map((text) => text.vi)
      .join(" ");
    expect(vietnamese).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
  });

  it("keep the same placeholders in both languages", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(S)) expect(placeholders(text.vi), key).toEqual(placeholders(text.en));
  });
});
