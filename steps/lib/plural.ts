/**
 * Counted nouns: English says "1 record" / "5 records"; Vietnamese nouns do not inflect ("1 bản ghi" / "5 bản ghi"),
 * so only the English side needs a plural.
 */

/** "1 record" / "2 records" (English); `plural` for irregular words. */
export function enCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
