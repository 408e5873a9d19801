/**
 * The functions the language knows: their arity, argument rules and result kind. Names are case-insensitive
 * (AWS's own examples write `BIN(5m)` and `bin(5m)`), so the catalog is keyed by the lower-case name.
 */

/** Static kind of a value, used to format results: timestamps print as dates, booleans as 1/0. */
export type ValueKind = "ts" | "num" | "str" | "bool" | "any";

/** How an argument must be written: any expression, a period literal (`5m`), or a number literal. */
export type ArgRule = "expr" | "period" | "number";

export interface ScalarSig {
  kind: "scalar";
  min: number;
  max: number;
  args: readonly ArgRule[];
  result: ValueKind;
}

/** `count` for integral counts, `number` for numeric aggregates (printed rounded), `raw` for picked values. */
export type AggFormat = "count" | "number" | "raw";

export interface AggSig {
  kind: "agg";
  min: number;
  max: number;
  args: readonly ArgRule[];
  format: AggFormat;
}

export type Sig = ScalarSig | AggSig;

const scalar = (min: number, max: number, result: ValueKind, args: readonly ArgRule[] = []): ScalarSig => ({
  kind: "scalar",
  min,
  max,
  args,
  result,
});
const agg = (min: number, max: number, format: AggFormat, args: readonly ArgRule[] = []): AggSig => ({
  kind: "agg",
  min,
  max,
  args,
  format,
});

const MANY = Number.POSITIVE_INFINITY;

export const CATALOG: ReadonlyMap<string, Sig> = new Map<string, Sig>([
  ["strlen", scalar(1, 1, "num")],
  ["toupper", scalar(1, 1, "str")],
  ["tolower", scalar(1, 1, "str")],
  ["concat", scalar(1, MANY, "str")],
  ["substr", scalar(2, 3, "str")],
  ["replace", scalar(3, 3, "str")],
  ["trim", scalar(1, 2, "str")],
  ["ltrim", scalar(1, 2, "str")],
  ["rtrim", scalar(1, 2, "str")],
  ["strcontains", scalar(2, 2, "num")],
  ["isempty", scalar(1, 1, "num")],
  ["isblank", scalar(1, 1, "num")],
  ["ispresent", scalar(1, 1, "bool")],
  ["coalesce", scalar(1, MANY, "any")],
  ["abs", scalar(1, 1, "num")],
  ["ceil", scalar(1, 1, "num")],
  ["floor", scalar(1, 1, "num")],
  ["round", scalar(1, 2, "num", ["expr", "number"])],
  ["greatest", scalar(1, MANY, "num")],
  ["least", scalar(1, MANY, "num")],
  ["log", scalar(1, 1, "num")],
  ["sqrt", scalar(1, 1, "num")],
  ["bin", scalar(1, 1, "ts", ["period"])],
  ["datefloor", scalar(2, 2, "ts", ["expr", "period"])],
  ["dateceil", scalar(2, 2, "ts", ["expr", "period"])],
  ["frommillis", scalar(1, 1, "ts")],
  ["tomillis", scalar(1, 1, "num")],
  ["jsonparse", scalar(1, 1, "any")],
  ["isvalidip", scalar(1, 1, "bool")],
  ["isvalidipv4", scalar(1, 1, "bool")],
  ["isvalidipv6", scalar(1, 1, "bool")],
  ["isipinsubnet", scalar(2, 2, "bool")],
  ["isipv4insubnet", scalar(2, 2, "bool")],
  ["isipv6insubnet", scalar(2, 2, "bool")],
  ["count", agg(0, 1, "count")],
  ["count_distinct", agg(1, 1, "count")],
  ["countdistinct", agg(1, 1, "count")],
  ["sum", agg(1, 1, "number")],
  ["avg", agg(1, 1, "number")],
  ["min", agg(1, 1, "number")],
  ["max", agg(1, 1, "number")],
  ["stddev", agg(1, 1, "number")],
  ["pct", agg(2, 2, "number", ["expr", "number"])],
  ["earliest", agg(1, 1, "raw")],
  ["latest", agg(1, 1, "raw")],
  ["sortsfirst", agg(1, 1, "raw")],
  ["sortslast", agg(1, 1, "raw")],
  // Time-series functions: per-bin count and sum when grouped by bin() (CWL_QuerySyntax-timeseries-functions).
  ["count_over_time", agg(1, 1, "count")],
  ["sum_over_time", agg(1, 1, "number")],
]);

/** Real Logs Insights functions this sandbox does not implement: named in the error instead of "unknown". */
export const NOT_IMPLEMENTED: ReadonlySet<string> = new Set([
  "if",
  "case",
  "jsonstringify",
  "split",
  "regex_replace",
  "startswith",
  "endswith",
  "now",
  "tonumber",
  "values",
  "rate",
  "histogram",
  "md5",
  "sha256",
]);

export function argRule(sig: Sig, index: number): ArgRule {
  return sig.args[index] ?? "expr";
}
