/**
 * Values while a query runs: `null` (absent), numbers, strings and booleans. Comparisons and arithmetic
 * convert numeric-looking strings to numbers (AWS compares a parsed "200" with 200 numerically); anything
 * involving an absent value is absent itself (SQL-style three-valued logic), and `filter` keeps only `true`.
 */

/** What jsonParse() gives for a JSON object or array (AWS's MAP and LIST structure types). */
export type JsonValue = { readonly [key: string]: unknown } | readonly unknown[];

export type Value = string | number | boolean | null | JsonValue;

const NUMERIC = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

export function toNumber(v: Value | undefined): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return NUMERIC.test(v) ? Number(v) : null;
  if (typeof v === "boolean") return v ? 1 : 0;
  return null;
}

export function formatPlainNumber(n: number): string {
  return String(n);
}

export function toText(v: Value | undefined): string | null {
  if (typeof v === "string") return v;
  if (typeof v === "number") return formatPlainNumber(v);
  if (typeof v === "boolean") return v ? "1" : "0";
  if (v === null || v === undefined) return null;
  return JSON.stringify(v);
}

/** Truth of a condition; `null` stays unknown. */
export function truth(v: Value | undefined): boolean | null {
  if (v === true || v === false) return v;
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") return v.length > 0;
  return true;
}

/** What `filter` keeps. */
export function passes(v: Value | undefined): boolean {
  return v === true || (v !== null && v !== undefined && truth(v) === true);
}

function compareLoose(a: Value, b: Value): number {
  const na = toNumber(a);
  const nb = toNumber(b);
  if (na !== null && nb !== null) return na < nb ? -1 : na > nb ? 1 : 0;
  const sa = toText(a) ?? "";
  const sb = toText(b) ?? "";
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

export function eq(a: Value | undefined, b: Value | undefined): boolean | null {
  if (a === null || b === null || a === undefined || b === undefined) return null;
  if (typeof a === "number" && typeof b === "number") return a === b;
  if (typeof a === "string" && typeof b === "string" && a === b) return true;
  return compareLoose(a, b) === 0;
}

export function ne(a: Value | undefined, b: Value | undefined): boolean | null {
  const e = eq(a, b);
  return e === null ? null : !e;
}

export function lt(a: Value | undefined, b: Value | undefined): boolean | null {
  if (typeof a === "number" && typeof b === "number") return a < b;
  if (a === null || b === null || a === undefined || b === undefined) return null;
  return compareLoose(a, b) < 0;
}

export function le(a: Value | undefined, b: Value | undefined): boolean | null {
  if (typeof a === "number" && typeof b === "number") return a <= b;
  if (a === null || b === null || a === undefined || b === undefined) return null;
  return compareLoose(a, b) <= 0;
}

export function gt(a: Value | undefined, b: Value | undefined): boolean | null {
  if (typeof a === "number" && typeof b === "number") return a > b;
  if (a === null || b === null || a === undefined || b === undefined) return null;
  return compareLoose(a, b) > 0;
}

export function ge(a: Value | undefined, b: Value | undefined): boolean | null {
  if (typeof a === "number" && typeof b === "number") return a >= b;
  if (a === null || b === null || a === undefined || b === undefined) return null;
  return compareLoose(a, b) >= 0;
}

export function and3(a: Value | undefined, b: Value | undefined): boolean | null {
  const ta = truth(a);
  const tb = truth(b);
  if (ta === false || tb === false) return false;
  if (ta === null || tb === null) return null;
  return true;
}

export function or3(a: Value | undefined, b: Value | undefined): boolean | null {
  const ta = truth(a);
  const tb = truth(b);
  if (ta === true || tb === true) return true;
  if (ta === null || tb === null) return null;
  return false;
}

export function not3(a: Value | undefined): boolean | null {
  const t = truth(a);
  return t === null ? null : !t;
}

function arith(a: Value | undefined, b: Value | undefined, op: (x: number, y: number) => number): number | null {
  const x = typeof a === "number" ? a : toNumber(a);
  const y = typeof b === "number" ? b : toNumber(b);
  if (x === null || y === null) return null;
  const r = op(x, y);
  return Number.isFinite(r) ? r : null;
}

export const add = (a: Value | undefined, b: Value | undefined): number | null => arith(a, b, (x, y) => x + y);
export const sub = (a: Value | undefined, b: Value | undefined): number | null => arith(a, b, (x, y) => x - y);
export const mul = (a: Value | undefined, b: Value | undefined): number | null => arith(a, b, (x, y) => x * y);
/** Division by zero gives an absent value rather than Infinity (AWS leaves it open). */
export const div = (a: Value | undefined, b: Value | undefined): number | null => arith(a, b, (x, y) => x / y);
export const mod = (a: Value | undefined, b: Value | undefined): number | null => arith(a, b, (x, y) => x % y);
export const pow = (a: Value | undefined, b: Value | undefined): number | null => arith(a, b, (x, y) => x ** y);

export function neg(a: Value | undefined): number | null {
  const x = toNumber(a);
  return x === null ? null : -x;
}

/** `like "text"`: a case-sensitive substring match. */
export function likeText(x: Value | undefined, needle: string): boolean | null {
  const s = toText(x);
  return s === null ? null : s.includes(needle);
}

export function likeRegex(x: Value | undefined, regex: { test(text: string): boolean }): boolean | null {
  const s = toText(x);
  return s === null ? null : regex.test(s);
}

export function inList(x: Value | undefined, list: readonly Value[]): boolean | null {
  if (x === null || x === undefined) return null;
  for (const item of list) if (eq(x, item) === true) return true;
  return false;
}
