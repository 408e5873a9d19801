/**
 * Counted nouns in both languages: English says "1 record" / "5 records"; Vietnamese nouns do not inflect
 * ("1 bản ghi" / "5 bản ghi"), so only the English side needs a plural.
 */
import type { Text } from "../../src/engine/text.js";

/** "1 record" / "2 records" (English); `plural` for irregular words. */
export function enCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** `n` with its noun in both languages: count(5, "bản ghi", "record") → { vi: "5 bản ghi", en: "5 records" }. */
export function count(n: number, vi: string, en: string, enPlural?: string): Text {
  return { vi: `${n} ${vi}`, en: enCount(n, en, enPlural) };
}
