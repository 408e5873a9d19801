/**
 * Assembles the generated scan: one function per query, called once per log group, with that group's
 * columns bound to locals at the top and the query's stages inlined in the loop body. When the query must
 * read messages (a `@message` reference, or a field whose long values stay in the message), the loop walks
 * the source's events alongside the rows, from the first to the last row in the time range.
 * Each call covers rows [R0, R1) of the group, so a long scan runs in slices between which the sandbox answers
 * other requests.
 */
import type { Aggregator } from "./aggregates.js";
import type { Consts } from "./codegen.js";
import { FUNCTIONS } from "./functions.js";
import { H } from "./helpers.js";
import type { ScanFn } from "./plan-types.js";

export interface ScanParts {
  stages: string[];
  /** Per-group setup after the column bindings (memo tables, the group table of a stats key). */
  setup: string[];
  terminal: string;
  /** After the loop, once per call (a stats terminal's counts held back in the loop). */
  end: string;
  eventSlots: number;
  aggCount: number;
}

let generation = 0;

function scanSource(parts: ScanParts, columns: readonly string[], K: Consts): string {
  const columnSetup = columns.map((name, c) => {
    const v = `c${c}`;
    return `const ${v} = S.column(${K.add(name)}), ${v}c = ${v}.codes, ${v}n = ${v}.nums, ${v}d = ${v}.dict, ${v}k = ${K.add(name)};`;
  });
  const aggs = Array.from({ length: parts.aggCount }, (_, j) => `const A${j} = A[${j}];`);
  const slots = Array.from({ length: parts.eventSlots }, (_, s) => `e${s} = null`);
  // Without a filter every scanned event matches: no per-event counter needed.
  const filters = parts.stages.some((stage) => stage.includes("continue"));
  const body = [...parts.stages, filters ? "matched++;" : "", parts.terminal];
  // Bookkeeping stays out of this function (X.count): code that first runs after an on-stack-replaced loop has
  // no type feedback yet, and V8 would bail out of the optimised scan there again and again.
  const loop = (head: string[]): string[] => [
    "for (let i = lo; i < hi; i++) {",
    "const t = TS[i];",
    ...head,
    ...body,
    "}",
  ];
  return [
    // A unique first line: V8 shares compiled code between identical sources, and two plans must not share
    // type feedback.
    `"use strict"; // scan ${generation++}`,
    "const NO = [];",
    ...aggs,
    "return function scan(S, X, T0, T1, TERM, R0, R1) {",
    "const TS = S.ts, IT = S.ingest, SC = S.streams, SN = S.streamNames, LOG = S.label, BY = S.bytes, ID = S.ids;",
    ...columnSetup,
    ...parts.setup,
    "let k = 0, m = null, st = null, kv = null, LK = X.NONE, LS = null, o0 = null, oo = null, kvn = 0, LKN = NaN;",
    slots.length > 0 ? `let ${slots.join(", ")};` : "",
    "let scanned = 0, matched = -1, bytes = 0, lo = R0, hi = R1;",
    // Three copies of the loop: streaming messages; a store wholly inside the range (no per-event range test
    // or counting); a store partly inside it.
    "if (X.streams(S)) {",
    filters ? "matched = 0;" : "",
    "lo = X.open(S, T0, T1, R0, R1); hi = X.end;",
    ...loop(["if (t < T0 || t > T1) continue;", "scanned++; bytes += BY[i];", "X.moveTo(ID[i]);"]),
    "X.close();",
    "} else if (X.covers(S, T0, T1)) {",
    filters ? "matched = 0;" : "",
    ...loop([]),
    "scanned = -1;",
    "} else {",
    filters ? "matched = 0;" : "",
    ...loop(["if (t < T0 || t > T1) continue;", "scanned++; bytes += BY[i];"]),
    "}",
    parts.end,
    "X.count(S, scanned, matched, bytes, R0, R1);",
    "};",
  ].join("\n");
}

export function buildScan(
  parts: ScanParts,
  columns: readonly string[],
  K: Consts,
  aggs: readonly Aggregator[],
): ScanFn {
  const source = scanSource(parts, columns, K);
  const factory = new Function("K", "H", "F", "A", source) as (
    k: unknown[],
    h: typeof H,
    f: typeof FUNCTIONS,
    a: readonly Aggregator[],
  ) => ScanFn;
  return factory(K.list, H, FUNCTIONS, aggs);
}
