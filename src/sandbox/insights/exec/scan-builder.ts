/**
 * Assembles the generated scan: one function per query, called once per log group, with that group's
 * columns bound to locals at the top and the query's stages inlined in the loop body. When the query must
 * read messages (a `@message` reference, or a field whose long values stay in the message), the loop walks
 * the source's events alongside the rows, from the first to the last row in the time range.
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
  eventSlots: number;
  aggCount: number;
}

export function scanSource(parts: ScanParts, columns: readonly string[], K: Consts): string {
  const columnSetup = columns.map((name, c) => {
    const v = `c${c}`;
    return `const ${v} = S.column(${K.add(name)}), ${v}c = ${v}.codes, ${v}n = ${v}.nums, ${v}d = ${v}.dict, ${v}k = ${K.add(name)};`;
  });
  const aggs = Array.from({ length: parts.aggCount }, (_, j) => `const A${j} = A[${j}];`);
  const slots = Array.from({ length: parts.eventSlots }, (_, s) => `e${s} = null`);
  return [
    '"use strict";',
    "const NO = [];",
    ...aggs,
    "return function scan(S, X, T0, T1, TERM) {",
    "const TS = S.ts, IT = S.ingest, SC = S.streams, SN = S.streamNames, LOG = S.label, BY = S.bytes, ID = S.ids;",
    ...columnSetup,
    ...parts.setup,
    "let k = 0, m = null, grp = null, st = null, kv = null, LK = X.NONE, LG = null, o0 = null, oo = null;",
    slots.length > 0 ? `let ${slots.join(", ")};` : "",
    "let scanned = 0, matched = 0, bytes = 0;",
    "const streamed = X.streams(S);",
    "let lo = 0, hi = S.n;",
    "if (streamed) { lo = X.open(S, T0, T1); hi = X.end; }",
    "for (let i = lo; i < hi; i++) {",
    "const t = TS[i];",
    "if (t < T0 || t > T1) continue;",
    "scanned++; bytes += BY[i];",
    "if (streamed) X.moveTo(ID[i]);",
    ...parts.stages,
    "matched++;",
    parts.terminal,
    "}",
    "if (streamed) X.close();",
    "X.scanned += scanned; X.matched += matched; X.bytes += bytes;",
    "};",
  ].join("\n");
}

export function buildScan(parts: ScanParts, columns: readonly string[], K: Consts, aggs: readonly Aggregator[]): ScanFn {
  const source = scanSource(parts, columns, K);
  const factory = new Function("K", "H", "F", "A", source) as (k: unknown[], h: typeof H, f: typeof FUNCTIONS, a: readonly Aggregator[]) => ScanFn;
  return factory(K.list, H, FUNCTIONS, aggs);
}
