/**
 * Runs a plan over log stores: the generated scan per store, the terminal, the row stages, then the
 * result rows in AWS's shape. Without a `limit`, results stop at 10,000 rows (AWS's default, applied
 * silently); StartQuery's `limit` caps them further.
 */
import type { LogStore } from "../data/store.js";
import type { InsightsEventSource } from "../source.js";
import { formatValue } from "./format.js";
import { encodePointer } from "./pointer.js";
import type { Plan, TerminalSpec } from "./plan-types.js";
import { runRowStage, statsRows } from "./row-stages.js";
import { RunContext } from "./run-context.js";
import { Dedup, Groups, TopN, type Row } from "./terminal.js";

const DEFAULT_ROW_LIMIT = 10_000;

export interface ResultField {
  field: string;
  value: string;
}

export interface QueryStatistics {
  recordsMatched: number;
  recordsScanned: number;
  bytesScanned: number;
}

export interface ExecuteRequest {
  stores: readonly LogStore[];
  source: InsightsEventSource;
  /** Inclusive bounds, epoch milliseconds. */
  fromMs: number;
  toMs: number;
  apiLimit: number | undefined;
}

/** Where the scan's rows go, and how the kept ones come out as rows. */
function makeTerminal(spec: TerminalSpec, cap: number): { sink: TopN | Dedup | Groups; rows(): Row[] } {
  switch (spec.t) {
    case "top": {
      const top = new TopN(Math.min(spec.size ?? cap, cap), spec.desc);
      return { sink: top, rows: () => top.rows() };
    }
    case "dedup": {
      const dedup = new Dedup(Math.min(spec.size ?? cap, cap), spec.desc);
      return { sink: dedup, rows: () => dedup.rows() };
    }
    case "stats": {
      const groups = new Groups(spec.spec.aggs);
      return { sink: groups, rows: () => statsRows(spec.spec, groups) };
    }
  }
}

export function execute(plan: Plan, request: ExecuteRequest): { rows: ResultField[][]; statistics: QueryStatistics } {
  const X = new RunContext(request.source, plan.eagerColumns, plan.usesMessage);
  const cap = request.apiLimit ?? (plan.hasLimit ? Number.POSITIVE_INFINITY : DEFAULT_ROW_LIMIT);
  const terminal = makeTerminal(plan.terminal, cap);
  for (const S of request.stores) {
    if (S.n === 0 || S.maxTs < request.fromMs || S.minTs > request.toMs) continue;
    plan.scan(S, X, request.fromMs, request.toMs, terminal.sink);
  }
  let rows = terminal.rows();
  for (const stage of plan.rowStages) rows = runRowStage(stage, rows, X);
  if (rows.length > cap) rows = rows.slice(0, cap);
  X.expect(rows);
  const results: ResultField[][] = [];
  for (const R of rows) {
    const fields: ResultField[] = [];
    for (const column of plan.output) {
      const value = formatValue(column.get(R, X), column.format);
      if (value !== null) fields.push({ field: column.name, value });
    }
    if (plan.rawOutput && R.S !== null) fields.push({ field: "@ptr", value: encodePointer(R.S.ref.id, R.id) });
    if (fields.length > 0) results.push(fields);
  }
  return {
    rows: results,
    statistics: { recordsMatched: X.matched, recordsScanned: X.scanned, bytesScanned: X.bytes },
  };
}
