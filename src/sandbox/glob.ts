/**
 * Wildcard matching without backtracking, for patterns that requests choose (filter patterns, IAM policies).
 * A regex built from a glob (`*a*a*a*b` → /^.*a.*a.*a.*b$/) backtracks: over 600 characters it ran 40 s on the one
 * event loop. Here the pattern is split at its stars and each piece is found leftmost, in order:
 *
 *   globMatch("*a*a*b", "xaxab")   pieces "", "a", "a", "b"
 *     prefix ""  ok · "a" found at 1 · "a" found at 3 · suffix "b" ends the text → true
 *
 * Taking the leftmost place of each middle piece is always right: it leaves the most text for the pieces after it.
 * Cost: one indexOf per piece, so linear in the text for `*`-only globs. With `?` (IAM), a piece holding `?` is
 * searched position by position, O(text × piece) at worst, and both are bounded by their request's size limits.
 */
export interface GlobOptions {
  /** `?` matches exactly one character (IAM). Filter patterns have no `?`. */
  question?: boolean;
  ignoreCase?: boolean;
}

export function globMatch(pattern: string, text: string, options: GlobOptions = {}): boolean {
  const p = options.ignoreCase ? pattern.toLowerCase() : pattern;
  const t = options.ignoreCase ? text.toLowerCase() : text;
  const q = options.question === true;
  const pieces = p.split("*");
  const first = pieces[0] ?? "";
  if (pieces.length === 1) return first.length === t.length && pieceAt(first, t, 0, q);
  const last = pieces[pieces.length - 1] ?? "";
  const end = t.length - last.length;
  if (first.length > end || !pieceAt(first, t, 0, q) || !pieceAt(last, t, end, q)) return false;
  let pos = first.length;
  for (let i = 1; i < pieces.length - 1; i += 1) {
    const piece = pieces[i] ?? "";
    const at = find(piece, t, pos, end, q);
    if (at < 0) return false;
    pos = at + piece.length;
  }
  return true;
}

/** Whether `piece` matches `text` at `at` (`?` as any one character when `q`). */
function pieceAt(piece: string, text: string, at: number, q: boolean): boolean {
  if (!q || !piece.includes("?")) return text.startsWith(piece, at);
  if (at + piece.length > text.length) return false;
  for (let i = 0; i < piece.length; i += 1) {
    if (piece[i] !== "?" && piece[i] !== text[at + i]) return false;
  }
  return true;
}

/** The leftmost index ≥ from where `piece` matches and ends by `end`, or -1. */
function find(piece: string, text: string, from: number, end: number, q: boolean): number {
  if (!q || !piece.includes("?")) {
    const at = text.indexOf(piece, from);
    return at >= 0 && at + piece.length <= end ? at : -1;
  }
  for (let at = from; at + piece.length <= end; at += 1) if (pieceAt(piece, text, at, q)) return at;
  return -1;
}
