/**
 * Time periods as `bin()`, `datefloor()` and `dateceil()` take them: a number and a unit (`5m`, `1h`, `2hrs`).
 * The units and abbreviations are AWS's list; every unit longer than one character may take a plural `s`.
 */

export type PeriodUnit = "ms" | "s" | "m" | "h" | "d" | "w" | "mo" | "q" | "y";

export interface Period {
  amount: number;
  unit: PeriodUnit;
}

const UNITS: Readonly<Record<string, PeriodUnit>> = {
  millisecond: "ms",
  ms: "ms",
  msec: "ms",
  second: "s",
  s: "s",
  sec: "s",
  minute: "m",
  m: "m",
  min: "m",
  hour: "h",
  h: "h",
  hr: "h",
  day: "d",
  d: "d",
  week: "w",
  w: "w",
  month: "mo",
  mo: "mo",
  mon: "mo",
  quarter: "q",
  q: "q",
  qtr: "q",
  year: "y",
  y: "y",
  yr: "y",
};

/** The unit a suffix such as `m`, `mins` or `hrs` names, or undefined. */
export function periodUnit(suffix: string): PeriodUnit | undefined {
  const lower = suffix.toLowerCase();
  const direct = UNITS[lower];
  if (direct !== undefined) return direct;
  if (lower.length > 2 && lower.endsWith("s")) {
    const singular = lower.slice(0, -1);
    if (singular.length > 1) return UNITS[singular];
  }
  return undefined;
}

const FIXED_MS: Readonly<Record<Exclude<PeriodUnit, "mo" | "q" | "y">, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Length of a fixed period in milliseconds; undefined for calendar periods (months, quarters, years). */
export function fixedPeriodMs(period: Period): number | undefined {
  switch (period.unit) {
    case "mo":
    case "q":
    case "y":
      return undefined;
    case "ms":
    case "s":
    case "m":
    case "h":
    case "d":
    case "w":
      return FIXED_MS[period.unit] * period.amount;
  }
}

function monthsPer(period: Period): number {
  switch (period.unit) {
    case "mo":
      return period.amount;
    case "q":
      return 3 * period.amount;
    case "y":
      return 12 * period.amount;
    case "ms":
    case "s":
    case "m":
    case "h":
    case "d":
    case "w":
      return 0;
  }
}

/**
 * Floors epoch milliseconds to the period. Fixed periods align to the Unix epoch (so weeks start on Thursday,
 * a detail AWS leaves open); calendar periods align to UTC month starts counted from January 1970.
 */
export function floorToPeriod(ms: number, period: Period): number {
  const fixed = fixedPeriodMs(period);
  if (fixed !== undefined) return Math.floor(ms / fixed) * fixed;
  const step = monthsPer(period);
  const date = new Date(ms);
  const monthIndex = date.getUTCFullYear() * 12 + date.getUTCMonth() - 1970 * 12;
  const floored = Math.floor(monthIndex / step) * step + 1970 * 12;
  return Date.UTC(Math.floor(floored / 12), floored % 12, 1);
}

/** Rounds epoch milliseconds up to the period (a value already on a boundary stays put). */
export function ceilToPeriod(ms: number, period: Period): number {
  const floored = floorToPeriod(ms, period);
  if (floored === ms) return ms;
  const fixed = fixedPeriodMs(period);
  if (fixed !== undefined) return floored + fixed;
  const date = new Date(floored);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + monthsPer(period), 1);
}
