/** The runtime helpers generated code calls as `H.name(...)`; small, so V8 inlines them into the scan loop. */
import { ABSENT, LAZY, RAW, type Column } from "../data/column.js";
import type { LogStore } from "../data/store.js";
import { ceilToPeriod, floorToPeriod, type Period } from "../lang/periods.js";
import { path } from "./json.js";
import { encodePointer } from "./pointer.js";
import * as V from "./values.js";

/** What generated code needs from the running query to read what is not in the columns. */
export interface ReadContext {
  /** The message of row `i` of `S` (from the current scan if it streams messages, else read back). */
  message(S: LogStore, i: number): string | null;
  /** A long string value left in the message. */
  lazy(S: LogStore, i: number, name: string): V.Value;
}

function floorMs(ts: number | null, ms: number): number | null {
  return ts === null ? null : Math.floor(ts / ms) * ms;
}

function floorPeriod(ts: number | null, period: Period): number | null {
  return ts === null ? null : floorToPeriod(ts, period);
}

function dateceil(v: V.Value, period: Period): number | null {
  const x = V.toNumber(v);
  return x === null ? null : ceilToPeriod(x, period);
}

/** Column codes other than numbers and dictionary strings. */
function slow(column: Column, code: number, i: number, X: ReadContext, S: LogStore, name: string): V.Value {
  switch (code) {
    case ABSENT:
      return null;
    case RAW:
      return column.raw?.get(i) ?? null;
    case LAZY:
      return X.lazy(S, i, name);
    default:
      return column.get(i) ?? null;
  }
}

export const H = {
  toNumber: V.toNumber,
  neg: V.neg,
  not3: V.not3,
  and3: V.and3,
  or3: V.or3,
  add: V.add,
  sub: V.sub,
  mul: V.mul,
  div: V.div,
  mod: V.mod,
  pow: V.pow,
  eq: V.eq,
  ne: V.ne,
  lt: V.lt,
  le: V.le,
  gt: V.gt,
  ge: V.ge,
  likeText: V.likeText,
  likeRegex: V.likeRegex,
  inList: V.inList,
  passes: V.passes,
  floorMs,
  floorPeriod,
  path,
  shift: (ts: number | null, ms: number): number | null => (ts === null ? null : ts + ms),
  dateceil,
  slow,
  msg: (X: ReadContext, S: LogStore, i: number): string | null => X.message(S, i),
  ptr: (S: LogStore, i: number): string => encodePointer(S.ref.id, S.ids[i] ?? 0),
};
