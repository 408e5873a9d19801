/**
 * Evaluates a metric math tree over one grid of periods. A value is a scalar, one time series (a value or nothing
 * per period) or an array of series; operators work point by point (a period missing on either side is missing),
 * as "Using metric math" describes:
 *   arithmetic + - * / ^, comparisons (1 or 0), AND / OR / NOT
 *   ABS CEIL FLOOR LOG LOG10 SQRT       element-wise
 *   SUM AVG MIN MAX STDDEV              over an array: one series; over one series: a scalar
 *   FILL(s, v | REPEAT | LINEAR)        fill the missing periods
 *   IF(c, a[, b])                       a where c is non-zero, else b (else missing)
 *   METRICS(["text"])                   the metric queries (whose id contains text)
 *   DIFF, RATE, RUNNING_SUM, PERIOD
 * Anything else (SEARCH, ANOMALY_DETECTION_BAND, INSIGHT_RULE_METRIC, …) is refused by name.
 */
import type { MathNode } from "./parse.js";

export type Series = (number | undefined)[];
export type MathValue =
  | { kind: "scalar"; value: number }
  | { kind: "series"; values: Series }
  | { kind: "array"; series: Series[] }
  | { kind: "string"; value: string };

export class MathEvaluationError extends Error {
  override readonly name = "MathEvaluationError";
}

export interface MathContext {
  /** Periods in the grid. */
  length: number;
  periodSec: number;
  /** The value of another query, by id (undefined when there is none). */
  resolve(id: string): MathValue | undefined;
  /** Ids of the queries that read a metric (for METRICS()). */
  metricIds(): readonly string[];
}

const ok = (v: number): number | undefined => (Number.isFinite(v) ? v : undefined);

function map(value: MathValue, fn: (v: number) => number | undefined): MathValue {
  switch (value.kind) {
    case "scalar":
      return { kind: "scalar", value: fn(value.value) ?? Number.NaN };
    case "series":
      return { kind: "series", values: value.values.map((v) => (v === undefined ? undefined : fn(v))) };
    case "array":
      return { kind: "array", series: value.series.map((s) => s.map((v) => (v === undefined ? undefined : fn(v)))) };
    case "string":
      throw new MathEvaluationError("A string is not a number.");
  }
}

function combine(
  a: MathValue,
  b: MathValue,
  fn: (x: number, y: number) => number | undefined,
  length: number,
): MathValue {
  if (a.kind === "string" || b.kind === "string") throw new MathEvaluationError("A string is not a number.");
  if (a.kind === "scalar" && b.kind === "scalar") return { kind: "scalar", value: fn(a.value, b.value) ?? Number.NaN };
  if (a.kind === "array" || b.kind === "array") {
    const left = a.kind === "array" ? a.series : null;
    const right = b.kind === "array" ? b.series : null;
    const count = Math.max(left?.length ?? 0, right?.length ?? 0);
    const series = Array.from({ length: count }, (_, i) => {
      const x: MathValue = left ? { kind: "series", values: left[i] ?? [] } : a;
      const y: MathValue = right ? { kind: "series", values: right[i] ?? [] } : b;
      const r = combine(x, y, fn, length);
      return r.kind === "series"
        ? r.values
        : Array<number | undefined>(length).fill(r.kind === "scalar" ? r.value : undefined);
    });
    return { kind: "array", series };
  }
  const at = (v: MathValue, i: number): number | undefined =>
    v.kind === "scalar" ? v.value : v.kind === "series" ? v.values[i] : undefined;
  const values = Array.from({ length }, (_, i) => {
    const x = at(a, i);
    const y = at(b, i);
    return x === undefined || y === undefined ? undefined : fn(x, y);
  });
  return { kind: "series", values };
}

const BINARY: Record<string, (x: number, y: number) => number | undefined> = {
  "+": (x, y) => x + y,
  "-": (x, y) => x - y,
  "*": (x, y) => x * y,
  "/": (x, y) => ok(x / y),
  "^": (x, y) => ok(x ** y),
  "==": (x, y) => Number(x === y),
  "!=": (x, y) => Number(x !== y),
  "<": (x, y) => Number(x < y),
  "<=": (x, y) => Number(x <= y),
  ">": (x, y) => Number(x > y),
  ">=": (x, y) => Number(x >= y),
  AND: (x, y) => Number(x !== 0 && y !== 0),
  OR: (x, y) => Number(x !== 0 || y !== 0),
};

const ELEMENTWISE: Record<string, (v: number) => number | undefined> = {
  ABS: Math.abs,
  CEIL: Math.ceil,
  FLOOR: Math.floor,
  LOG: (v) => ok(Math.log(v)),
  LOG10: (v) => ok(Math.log10(v)),
  SQRT: (v) => ok(Math.sqrt(v)),
};

function aggregate(name: string, values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const total = values.reduce((s, v) => s + v, 0);
  switch (name) {
    case "SUM":
      return total;
    case "AVG":
      return total / values.length;
    case "MIN":
      return Math.min(...values);
    case "MAX":
      return Math.max(...values);
    default: {
      const mean = total / values.length;
      return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
    }
  }
}

const present = (values: Series): number[] => values.filter((v): v is number => v !== undefined);

function asSeries(value: MathValue, length: number, what: string): Series {
  if (value.kind === "series") return value.values;
  if (value.kind === "scalar") return Array<number | undefined>(length).fill(value.value);
  throw new MathEvaluationError(`${what} takes a single time series.`);
}

function fill(series: Series, how: MathValue): Series {
  if (how.kind === "scalar") return series.map((v) => v ?? how.value);
  if (how.kind === "string" || how.kind === "array")
    throw new MathEvaluationError("FILL takes a number, REPEAT or LINEAR.");
  return series.map((v, i) => v ?? how.values[i]);
}

function fillKeyword(series: Series, keyword: string): Series {
  if (keyword === "REPEAT") {
    let last: number | undefined;
    return series.map((v) => (v === undefined ? last : (last = v)));
  }
  return series.map((v, i) => {
    if (v !== undefined) return v;
    let before = i - 1;
    while (before >= 0 && series[before] === undefined) before -= 1;
    let after = i + 1;
    while (after < series.length && series[after] === undefined) after += 1;
    const a = series[before];
    const b = series[after];
    if (a === undefined || b === undefined) return undefined;
    return a + ((b - a) * (i - before)) / (after - before);
  });
}

export function evaluateMath(node: MathNode, ctx: MathContext): MathValue {
  const ev = (n: MathNode): MathValue => evaluateMath(n, ctx);
  switch (node.kind) {
    case "number":
      return { kind: "scalar", value: node.value };
    case "string":
      return { kind: "string", value: node.value };
    case "id": {
      const value = ctx.resolve(node.name);
      if (value === undefined) throw new MathEvaluationError(`Unknown metric or expression id: ${node.name}.`);
      return value;
    }
    case "array":
      return { kind: "array", series: node.items.map((item) => asSeries(ev(item), ctx.length, "An array item")) };
    case "unary":
      return map(ev(node.arg), node.op === "-" ? (v) => -v : (v) => Number(v === 0));
    case "binary": {
      const fn = BINARY[node.op];
      if (fn === undefined) throw new MathEvaluationError(`Unknown operator ${node.op}.`);
      return combine(ev(node.left), ev(node.right), fn, ctx.length);
    }
    case "call":
      return call(node.name, node.args, ctx, ev);
  }
}

function call(name: string, args: readonly MathNode[], ctx: MathContext, ev: (n: MathNode) => MathValue): MathValue {
  const arg = (i: number): MathValue => {
    const node = args[i];
    if (node === undefined) throw new MathEvaluationError(`${name} needs more arguments.`);
    return ev(node);
  };
  const elementwise = ELEMENTWISE[name];
  if (elementwise !== undefined) return map(arg(0), elementwise);
  switch (name) {
    case "SUM":
    case "AVG":
    case "MIN":
    case "MAX":
    case "STDDEV": {
      const value = arg(0);
      if (value.kind === "array") {
        const values = Array.from({ length: ctx.length }, (_, i) =>
          aggregate(name, present(value.series.map((s) => s[i]))),
        );
        return { kind: "series", values };
      }
      if (value.kind === "series")
        return { kind: "scalar", value: aggregate(name, present(value.values)) ?? Number.NaN };
      return value;
    }
    case "METRICS": {
      const filter = args.length > 0 ? arg(0) : undefined;
      const text = filter?.kind === "string" ? filter.value : "";
      const series = ctx
        .metricIds()
        .filter((id) => id.includes(text))
        .map((id) => asSeries(ctx.resolve(id) ?? { kind: "series", values: [] }, ctx.length, "METRICS()"));
      return { kind: "array", series };
    }
    case "FILL": {
      const series = asSeries(arg(0), ctx.length, "FILL");
      const how = args[1];
      if (how?.kind === "id" && ["REPEAT", "LINEAR"].includes(how.name.toUpperCase()))
        return { kind: "series", values: fillKeyword(series, how.name.toUpperCase()) };
      return { kind: "series", values: fill(series, arg(1)) };
    }
    case "IF": {
      const cond = asSeries(arg(0), ctx.length, "IF");
      const yes = asSeries(arg(1), ctx.length, "IF");
      const no = args.length > 2 ? asSeries(arg(2), ctx.length, "IF") : undefined;
      return { kind: "series", values: cond.map((c, i) => (c === undefined ? undefined : c !== 0 ? yes[i] : no?.[i])) };
    }
    case "DIFF":
    case "RATE": {
      const series = asSeries(arg(0), ctx.length, name);
      const values = series.map((v, i) => {
        const previous = series[i - 1];
        if (v === undefined || previous === undefined) return undefined;
        return name === "DIFF" ? v - previous : (v - previous) / ctx.periodSec;
      });
      return { kind: "series", values };
    }
    case "RUNNING_SUM": {
      let total = 0;
      return { kind: "series", values: asSeries(arg(0), ctx.length, name).map((v) => (total += v ?? 0)) };
    }
    case "PERIOD":
      return map(arg(0), () => ctx.periodSec);
    default:
      throw new MathEvaluationError(`The metric math function ${name} is not supported by the genai-lab sandbox.`);
  }
}
