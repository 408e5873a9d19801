/** Small helpers for the words and commands a lab prints. */

/**
 * "1 record" / "2 records" (English; `plural` for irregular words). Vietnamese nouns do not inflect ("1 bản ghi" /
 * "5 bản ghi"), so only the English side needs it.
 */
export function enCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** One POSIX shell word, whatever it contains: CLI lines a lab prints must paste as they are. */
export function shq(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
