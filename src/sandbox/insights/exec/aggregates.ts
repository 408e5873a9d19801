/**
 * Aggregate functions of `stats`. Each keeps a small state per group, so a million events aggregate without
 * being kept (`pct` is the exception: it holds the group's numbers). An aggregate over no values is absent —
 * AWS omits e.g. `count(field)` from a row whose group never saw the field — except `count(*)`, which is 0.
 * Choices where AWS leaves the detail open: `count_distinct` is exact, `stddev` is the sample standard
 * deviation, `pct` is the nearest-rank percentile, `earliest`/`latest` pick among events where the value is
 * present (the first one seen on a timestamp tie).
 */
import { compareValues } from "./order.js";
import { toNumber, type Value } from "./values.js";

export interface Aggregator {
  /** Whether `add` reads the event's timestamp (the scan passes it only then). */
  readonly usesTime: boolean;
  /** Counts presence only: the scan may skip reading the value. */
  readonly presenceOnly: boolean;
  init(): unknown;
  add(state: unknown, value: Value | undefined, ts?: number): void;
  /** Fast path for a plain number, so the scan never boxes one into a mixed-type value. */
  addNumber?(state: unknown, x: number): void;
  /** Adds `n` events at once: an aggregate of the event count alone (`count(*)`), which the scan counts in runs. */
  addCount?(state: unknown, n: number): void;
  result(state: unknown): Value;
}

interface Counter {
  n: number;
}
interface Summer {
  s: number;
  k: number;
}
interface Picker {
  v: Value;
  t: number;
}
interface Moments {
  k: number;
  mean: number;
  m2: number;
}

const NUMERIC_TEXT = /^-?\d+(?:\.\d+)?$/;

/** Numeric-looking text picked by min/max prints as a number. */
function asNumberIfNumeric(v: Value): Value {
  return typeof v === "string" && NUMERIC_TEXT.test(v) ? Number(v) : v;
}

class CountStar implements Aggregator {
  readonly usesTime = false;
  readonly presenceOnly = false;
  init(): Counter {
    return { n: 0 };
  }
  add(state: unknown): void {
    (state as Counter).n += 1;
  }
  addCount(state: unknown, n: number): void {
    (state as Counter).n += n;
  }
  result(state: unknown): Value {
    return (state as Counter).n;
  }
}

class CountValues implements Aggregator {
  readonly usesTime = false;
  readonly presenceOnly = true;
  init(): Counter {
    return { n: 0 };
  }
  add(state: unknown, value: Value | undefined): void {
    if (value !== null && value !== undefined) (state as Counter).n += 1;
  }
  result(state: unknown): Value {
    const n = (state as Counter).n;
    return n === 0 ? null : n;
  }
}

class CountDistinct implements Aggregator {
  readonly usesTime = false;
  readonly presenceOnly = false;
  init(): Set<string | number> {
    return new Set();
  }
  add(state: unknown, value: Value | undefined): void {
    if (value === null || value === undefined) return;
    const key =
      typeof value === "boolean" ? (value ? 1 : 0) : typeof value === "object" ? JSON.stringify(value) : value;
    (state as Set<string | number>).add(key);
  }
  result(state: unknown): Value {
    const size = (state as Set<string | number>).size;
    return size === 0 ? null : size;
  }
}

class Sum implements Aggregator {
  readonly usesTime = false;
  readonly presenceOnly = false;
  constructor(private readonly average: boolean) {}
  init(): Summer {
    return { s: 0, k: 0 };
  }
  addNumber(state: unknown, x: number): void {
    const st = state as Summer;
    st.s += x;
    st.k += 1;
  }
  add(state: unknown, value: Value | undefined): void {
    const st = state as Summer;
    if (typeof value === "number") {
      st.s += value;
      st.k += 1;
    } else if (value !== null && value !== undefined) {
      const x = toNumber(value);
      if (x !== null) {
        st.s += x;
        st.k += 1;
      }
    }
  }
  result(state: unknown): Value {
    const st = state as Summer;
    if (st.k === 0) return null;
    return this.average ? st.s / st.k : st.s;
  }
}

class Extreme implements Aggregator {
  readonly usesTime: boolean;
  readonly presenceOnly = false;
  /** `sign` 1 keeps the largest value, -1 the smallest; `byTime` picks by timestamp instead of by value. */
  constructor(
    private readonly sign: 1 | -1,
    private readonly byTime: boolean,
    private readonly numericResult: boolean,
  ) {
    this.usesTime = byTime;
  }
  init(): Picker {
    return { v: null, t: 0 };
  }
  add(state: unknown, value: Value | undefined, ts = 0): void {
    if (value === null || value === undefined) return;
    const st = state as Picker;
    if (st.v === null) {
      st.v = value;
      st.t = ts;
      return;
    }
    const better = this.byTime ? (ts - st.t) * this.sign > 0 : compareValues(value, st.v) * this.sign > 0;
    if (better) {
      st.v = value;
      st.t = ts;
    }
  }
  result(state: unknown): Value {
    const v = (state as Picker).v;
    return this.numericResult && v !== null ? asNumberIfNumeric(v) : v;
  }
}

class StdDev implements Aggregator {
  readonly usesTime = false;
  readonly presenceOnly = false;
  init(): Moments {
    return { k: 0, mean: 0, m2: 0 };
  }
  add(state: unknown, value: Value | undefined): void {
    const x = typeof value === "number" ? value : toNumber(value);
    if (x === null) return;
    const st = state as Moments;
    st.k += 1;
    const delta = x - st.mean;
    st.mean += delta / st.k;
    st.m2 += delta * (x - st.mean);
  }
  result(state: unknown): Value {
    const st = state as Moments;
    if (st.k === 0) return null;
    return st.k === 1 ? 0 : Math.sqrt(st.m2 / (st.k - 1));
  }
}

class Percentile implements Aggregator {
  readonly usesTime = false;
  readonly presenceOnly = false;
  constructor(private readonly percent: number) {}
  init(): number[] {
    return [];
  }
  add(state: unknown, value: Value | undefined): void {
    const x = typeof value === "number" ? value : toNumber(value);
    if (x !== null) (state as number[]).push(x);
  }
  result(state: unknown): Value {
    const values = state as number[];
    if (values.length === 0) return null;
    values.sort((a, b) => a - b);
    const rank = Math.ceil((this.percent / 100) * values.length);
    return values[Math.min(values.length - 1, Math.max(0, rank - 1))] ?? null;
  }
}

/** The aggregator for a catalog aggregate name; `star` for `count(*)` / `count()`. */
export function makeAggregator(name: string, star: boolean, percent: number): Aggregator {
  switch (name) {
    case "count":
      return star ? new CountStar() : new CountValues();
    case "count_over_time":
      return new CountValues();
    case "sum_over_time":
      return new Sum(false);
    case "count_distinct":
    case "countdistinct":
      return new CountDistinct();
    case "sum":
      return new Sum(false);
    case "avg":
      return new Sum(true);
    case "min":
      return new Extreme(-1, false, true);
    case "max":
      return new Extreme(1, false, true);
    case "stddev":
      return new StdDev();
    case "pct":
      return new Percentile(percent);
    case "earliest":
      return new Extreme(-1, true, false);
    case "latest":
      return new Extreme(1, true, false);
    case "sortsfirst":
      return new Extreme(-1, false, false);
    case "sortslast":
      return new Extreme(1, false, false);
    default:
      throw new Error(`no aggregator for ${name}`);
  }
}
