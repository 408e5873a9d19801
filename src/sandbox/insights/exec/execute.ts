/**
 * Runs a plan over log stores in slices: first the stores catch up with the source (field discovery of new
 * events), then the generated scan over each store a run of rows at a time, then the terminal, the row stages
 * and the result rows in AWS's shape. `step(deadline)` does as much as fits before the deadline and says whether
 * the run is over, so the engine can answer other requests between slices. Without a `limit`, results stop at
 * 10,000 rows (AWS's default, applied silently); StartQuery's `limit` caps them further.
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
/** Rows per scan call at first; the size then adapts so that one call takes about SLICE_TARGET_MS. */
const FIRST_CHUNK = 4096;
const SLICE_TARGET_MS = 8;
const MAX_CHUNK = 1 << 20;

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

export interface ExecutionResult {
  rows: ResultField[][];
  statistics: QueryStatistics;
}

/** Where the scan's rows go, and how the kept ones come out as rows. */
function makeTerminal(spec: TerminalSpec, cap: number): { sink: TopN | Dedup | Groups; rows(): Row[] } {
  switch (spec.t) {
    case "top": {
      // Before unnest every event is kept: the row count is only known after it.
      const top = new TopN(
        spec.unbounded === true ? Number.POSITIVE_INFINITY : Math.min(spec.size ?? cap, cap),
        spec.desc,
      );
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

export class Execution {
  private readonly X: RunContext;
  private readonly cap: number;
  private readonly terminal: ReturnType<typeof makeTerminal>;
  private refreshed = 0;
  private store = 0;
  private row = 0;
  private chunk = FIRST_CHUNK;
  result: ExecutionResult | undefined;

  private readonly request: ExecuteRequest;

  constructor(
    private readonly plan: Plan,
    request: ExecuteRequest,
  ) {
    const shift = plan.timeShiftMs;
    this.request = shift === 0 ? request : { ...request, fromMs: request.fromMs - shift, toMs: request.toMs - shift };
    this.X = new RunContext(request.source, plan.eagerColumns, plan.usesMessage);
    this.cap = request.apiLimit ?? (plan.hasLimit ? Number.POSITIVE_INFINITY : DEFAULT_ROW_LIMIT);
    this.terminal = makeTerminal(plan.terminal, this.cap);
  }

  /** The counts so far (GetQueryResults reports them while the query runs). */
  statistics(): QueryStatistics {
    return { recordsMatched: this.X.matched, recordsScanned: this.X.scanned, bytesScanned: this.X.bytes };
  }

  /** Works until `deadline` (performance.now() milliseconds); true once the result is ready. */
  step(deadline: number): boolean {
    if (this.result !== undefined) return true;
    const { stores, source } = this.request;
    while (this.refreshed < stores.length) {
      if (!(stores[this.refreshed] as LogStore).refresh(source, deadline)) return false;
      this.refreshed += 1;
    }
    while (this.store < stores.length) {
      if (performance.now() >= deadline) return false;
      this.scanSome(stores[this.store] as LogStore);
    }
    this.result = this.finish();
    return true;
  }

  private scanSome(S: LogStore): void {
    const { fromMs, toMs } = this.request;
    if (S.n === 0 || S.maxTs < fromMs || S.minTs > toMs || this.row >= S.n) {
      this.X.release();
      this.store += 1;
      this.row = 0;
      return;
    }
    const from = this.row;
    const to = Math.min(S.n, from + this.chunk);
    const started = performance.now();
    this.plan.scan(S, this.X, fromMs, toMs, this.terminal.sink, from, to);
    const took = performance.now() - started;
    // Aim each call at SLICE_TARGET_MS: a cheap scan takes big strides, a regex over every message small ones.
    const rate = (to - from) / Math.max(took, 0.05);
    this.chunk = Math.max(256, Math.min(MAX_CHUNK, Math.floor(rate * SLICE_TARGET_MS)));
    this.row = to;
  }

  private finish(): ExecutionResult {
    const { plan, X, cap } = this;
    X.release();
    let rows = this.terminal.rows();
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
    return { rows: results, statistics: this.statistics() };
  }
}

/** Runs a plan to the end in one go (tests and tools; the engine runs executions in slices). */
export function execute(plan: Plan, request: ExecuteRequest): ExecutionResult {
  const execution = new Execution(plan, request);
  while (!execution.step(Number.POSITIVE_INFINITY));
  return execution.result as ExecutionResult;
}
