import { describe, expect, it } from "vitest";
import { R } from "../../src/report/strings.js";

describe("report words", () => {
  it("are translated: Vietnamese differs from English (with diacritics) except for names", () => {
    for (const [key, text] of Object.entries(R)) {
      expect(text.vi.trim(), key).not.toBe("");
      expect(text.en.trim(), key).not.toBe("");
      if (key === "requestId") continue;
      expect(text.vi, key).not.toBe(text.en);
      expect(text.vi, key).toMatch(/[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i);
    }
  });

  it("keep the same placeholders in both languages", () => {
    for (const [key, text] of Object.entries(R)) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(text.vi), key).toEqual(names(text.en));
    }
  });
});
