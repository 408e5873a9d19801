/**
 * Scalar functions. An absent argument makes the result absent, except in the functions whose point is
 * absence (`ispresent`, `isempty`, `isblank`, `coalesce`). `substr` counts from 0, as AWS's example
 * `substr("xyZfooxyZ", 3, 3)` = "foo" shows; `strcontains` gives 1 or 0.
 */
import { IP_FUNCTIONS } from "./ip.js";
import { jsonParse } from "./json.js";
import { toNumber, toText, type Value } from "./values.js";

type Fn = (...args: (Value | undefined)[]) => Value;

function codePoints(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) count += 1;
  }
  return count;
}

function trimSet(s: string, chars: string | null, left: boolean, right: boolean): string {
  if (chars === null) return left && right ? s.trim() : left ? s.trimStart() : s.trimEnd();
  let start = 0;
  let end = s.length;
  if (left) while (start < end && chars.includes(s[start] as string)) start += 1;
  if (right) while (end > start && chars.includes(s[end - 1] as string)) end -= 1;
  return s.slice(start, end);
}

function trimmer(left: boolean, right: boolean): Fn {
  return (s, chars) => {
    const str = toText(s);
    if (str === null) return null;
    return trimSet(str, chars === undefined ? null : toText(chars), left, right);
  };
}

function numeric(op: (x: number) => number): Fn {
  return (a) => {
    const x = toNumber(a);
    if (x === null) return null;
    const r = op(x);
    return Number.isFinite(r) ? r : null;
  };
}

function extreme(pick: (a: number, b: number) => number): Fn {
  return (...args) => {
    let best: number | null = null;
    for (const arg of args) {
      const x = toNumber(arg);
      if (x !== null) best = best === null ? x : pick(best, x);
    }
    return best;
  };
}

export const FUNCTIONS: Readonly<Record<string, Fn>> = {
  strlen: (s) => {
    const str = toText(s);
    return str === null ? null : codePoints(str);
  },
  toupper: (s) => toText(s)?.toUpperCase() ?? null,
  tolower: (s) => toText(s)?.toLowerCase() ?? null,
  concat: (...args) => {
    let out = "";
    for (const arg of args) {
      const str = toText(arg);
      if (str === null) return null;
      out += str;
    }
    return out;
  },
  substr: (s, start, length) => {
    const str = toText(s);
    const from = toNumber(start);
    if (str === null || from === null) return null;
    const begin = Math.max(0, Math.trunc(from));
    if (length === undefined) return str.slice(begin);
    const len = toNumber(length);
    return len === null ? null : str.slice(begin, begin + Math.max(0, Math.trunc(len)));
  },
  replace: (s, search, replacement) => {
    const str = toText(s);
    const find = toText(search);
    const by = toText(replacement);
    if (str === null || find === null || by === null) return null;
    return find === "" ? str : str.split(find).join(by);
  },
  trim: trimmer(true, true),
  ltrim: trimmer(true, false),
  rtrim: trimmer(false, true),
  strcontains: (s, search) => {
    const str = toText(s);
    const find = toText(search);
    if (str === null || find === null) return null;
    return str.includes(find) ? 1 : 0;
  },
  isempty: (v) => (v === null || v === undefined || toText(v) === "" ? 1 : 0),
  isblank: (v) => (v === null || v === undefined || (toText(v) ?? "").trim() === "" ? 1 : 0),
  ispresent: (v) => v !== null && v !== undefined,
  coalesce: (...args) => {
    for (const arg of args) if (arg !== null && arg !== undefined) return arg;
    return null;
  },
  abs: numeric(Math.abs),
  ceil: numeric(Math.ceil),
  floor: numeric(Math.floor),
  round: (a, digits) => {
    const x = toNumber(a);
    if (x === null) return null;
    const d = digits === undefined ? 0 : (toNumber(digits) ?? 0);
    const factor = 10 ** Math.trunc(d);
    return Math.round(x * factor) / factor;
  },
  greatest: extreme(Math.max),
  least: extreme(Math.min),
  log: numeric((x) => (x > 0 ? Math.log(x) : Number.NaN)),
  sqrt: numeric((x) => (x >= 0 ? Math.sqrt(x) : Number.NaN)),
  frommillis: toNumber,
  tomillis: toNumber,
  ...IP_FUNCTIONS,
  jsonparse: jsonParse,
};
