/** One POSIX shell word, whatever it contains: the CLI lines the lab prints must paste as they are. */
export function shq(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
