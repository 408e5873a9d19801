/**
 * Result values as GetQueryResults prints them: every value a string; timestamps as `YYYY-MM-DD HH:MM:SS.mmm`
 * in UTC; booleans as 1/0 (AWS documents `ispresent(x) as isRes` giving 0 or 1); numeric aggregates rounded to
 * four decimals (AWS prints `min()`/`max()` that way while `earliest()`/`latest()` print the raw value).
 */
import type { ValueKind } from "../lang/catalog.js";
import { formatPlainNumber, type Value } from "./values.js";

/** How a result column prints: `ts` a date, `agg` a rounded aggregate, `plain` the value as it is. */
export type Format = "ts" | "agg" | "plain";

export function formatOf(kind: ValueKind): Format {
  return kind === "ts" ? "ts" : "plain";
}

export function formatTimestamp(ms: number): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return formatPlainNumber(ms);
  const iso = date.toISOString();
  if (iso.length !== 24) return formatPlainNumber(ms);
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

export function roundAggregate(n: number): string {
  if (Number.isInteger(n) || Math.abs(n) >= 1e15) return formatPlainNumber(n);
  return formatPlainNumber(Math.round(n * 10_000) / 10_000);
}

const NUMERIC_TEXT = /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

export function formatValue(v: Value | undefined, format: Format): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "boolean") return v ? "1" : "0";
  // A MAP or LIST from jsonParse() prints as JSON.
  if (typeof v === "object") return JSON.stringify(v);
  switch (format) {
    case "ts":
      return typeof v === "number" ? formatTimestamp(v) : v;
    case "agg":
      if (typeof v === "number") return roundAggregate(v);
      return NUMERIC_TEXT.test(v) ? roundAggregate(Number(v)) : v;
    case "plain":
      return typeof v === "number" ? formatPlainNumber(v) : v;
  }
}
