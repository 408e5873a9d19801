/**
 * AWS's sort order ("an updated version of natural sorting"): every non-number sorts before every number;
 * numbers compare numerically; other values are cut into runs of digits and runs of letters (any other
 * character is a run of its own) and compared run by run — digit runs by length, then value; everything
 * else by Unicode code units. Absent values sort last in both directions (AWS leaves that open).
 */
import { toText, type Value } from "./values.js";

const NUMBER_VALUE = /^-?\d+(?:\.\d+)?$/;

function numberOf(v: Value): number | null {
  if (v === null) return null;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "object") return null;
  return NUMBER_VALUE.test(v) ? Number(v) : null;
}

function runEnd(s: string, from: number): number {
  const c = s.charCodeAt(from);
  const digit = c >= 48 && c <= 57;
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (!digit && !letter) return from + 1;
  let end = from + 1;
  while (end < s.length) {
    const d = s.charCodeAt(end);
    const sameKind = digit ? d >= 48 && d <= 57 : (d >= 65 && d <= 90) || (d >= 97 && d <= 122);
    if (!sameKind) break;
    end += 1;
  }
  return end;
}

function isDigitRun(run: string): boolean {
  const c = run.charCodeAt(0);
  return c >= 48 && c <= 57;
}

function naturalCompare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ie = runEnd(a, i);
    const je = runEnd(b, j);
    const ra = a.slice(i, ie);
    const rb = b.slice(j, je);
    if (ra !== rb) {
      if (isDigitRun(ra) && isDigitRun(rb)) {
        if (ra.length !== rb.length) return ra.length - rb.length;
        return ra < rb ? -1 : 1;
      }
      return ra < rb ? -1 : 1;
    }
    i = ie;
    j = je;
  }
  return a.length - i - (b.length - j);
}

/** Ascending comparison of two present values. */
export function compareValues(a: Value, b: Value): number {
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const na = numberOf(a);
  const nb = numberOf(b);
  if (na !== null && nb !== null) {
    if (na !== nb) return na < nb ? -1 : 1;
    const sa = toText(a) ?? "";
    const sb = toText(b) ?? "";
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  }
  if (na !== null) return 1;
  if (nb !== null) return -1;
  return naturalCompare(toText(a) ?? "", toText(b) ?? "");
}

/** Comparison for a sort key: direction applies to present values; absent values always go last. */
export function compareKey(a: Value | undefined, b: Value | undefined, desc: boolean): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  const c = compareValues(a, b);
  return desc ? -c : c;
}
