/**
 * Runs a plan over log stores: the generated scan per store, the terminal, the row stages, then the
 * result rows in AWS's shape. Without a `limit`, results stop at 10,000 rows (AWS's default, applied
 * silently); StartQuery's `limit` caps them further.
 */
import type { LogStore } from "../data/store.js";
import type { InsightsEventSource } from "../source.js";
import { formatValue } from "./format.js";
import { encodePointer } from "./pointer.js";
import type { Plan } from "./plan-types.js";
import { finalizeStats, runRowStage } from "./row-stages.js";
import { RunContext } from "./run-context.js";
import { Dedup, Groups, TopN, type Row } from "./terminal.js";

export const DEFAULT_ROW_LIMIT = 10_000;

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

export function execute(
  plan: Plan,
  request: ExecuteRequest,
): { rows: ResultField[][]; statistics: QueryStatistics } {
  const X = new RunContext(request.source, plan.eagerColumns, plan.usesMessage);
  const cap = request.apiLimit ?? (plan.hasLimit ? Number.POSITIVE_INFINITY : DEFAULT_ROW_LIMIT);
  const spec = plan.terminal;
  let terminal: TopN | Dedup | Groups;
  switch (spec.t) {
    case "top":
      terminal = new TopN(Math.min(spec.size ?? cap, cap), spec.desc);
      break;
    case "dedup":
      terminal = new Dedup(Math.min(spec.size ?? cap, cap), spec.desc);
      break;
    case "stats":
      terminal = new Groups(spec.spec.aggs);
      break;
  }
  for (const S of request.stores) {
    if (S.n === 0 || S.maxTs < request.fromMs || S.minTs > request.toMs) continue;
    plan.scan(S, X, request.fromMs, request.toMs, terminal);
  }
  let rows: Row[];
  if (terminal instanceof Groups) {
    if (spec.t === "stats" && spec.spec.bySlots.length === 0) terminal.group0();
    rows = spec.t === "stats" ? finalizeStats(spec.spec, terminal.all()) : [];
  } else {
    rows = terminal.rows();
  }
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
    if (plan.rawOutput && R.S !== null)
      fields.push({ field: "@ptr", value: encodePointer(R.S.ref.id, R.id) });
    if (fields.length > 0) results.push(fields);
  }
  return {
    rows: results,
    statistics: { recordsMatched: X.matched, recordsScanned: X.scanned, bytesScanned: X.bytes },
  };
}
