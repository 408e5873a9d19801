/** The compiled form of a query, as the planner hands it to the executor. */
import type { LogStore } from "../data/store.js";
import type { ValueKind } from "../lang/catalog.js";
import type { Aggregator } from "./aggregates.js";
import type { Format } from "./format.js";
import type { ReadContext } from "./helpers.js";
import type { ParsePattern } from "./parse-pattern.js";
import type { Row } from "./terminal.js";
import type { Value } from "./values.js";

/** What row functions may read besides the row: messages and fields of the row's event. */
export interface RowContext extends ReadContext {
  field(S: LogStore | null, i: number, name: string): Value;
}

export type RowFn = (R: Row, X: RowContext) => Value;
export type ItemFn = (A: readonly Value[]) => Value;

export interface OutputColumn {
  name: string;
  get: RowFn;
  format: Format;
}

export interface StatsSpec {
  aggs: Aggregator[];
  /** Row-level stats only: argument of each aggregate (null for count(*)) and the group keys. */
  argFns: (RowFn | null)[];
  keyFns: RowFn[];
  bySlots: number[];
  /** Index of the `bin()` group key: such results come newest first. */
  binIndex: number;
  items: { slot: number; fn: ItemFn }[];
  columns: OutputColumn[];
  slotCount: number;
}

export type RowStage =
  | { t: "filter"; fn: RowFn }
  | { t: "assign"; slot: number; fn: RowFn }
  | { t: "parse"; pattern: ParsePattern; source: RowFn; slots: number[] }
  | { t: "sort"; keys: RowFn[]; desc: boolean[] }
  | { t: "limit"; n: number }
  | { t: "dedup"; keys: RowFn[] }
  | { t: "unnest"; source: RowFn; slot: number }
  | { t: "stats"; spec: StatsSpec };

export type TerminalSpec =
  | { t: "top"; size: number | undefined; desc: boolean[]; unbounded?: boolean }
  | { t: "dedup"; size: number | undefined; desc: boolean[] }
  | { t: "stats"; spec: StatsSpec };

/** The generated scan: one call per slice of a log store (rows R0 to R1, exclusive), feeding the terminal. */
export type ScanFn = (S: LogStore, X: unknown, T0: number, T1: number, TERM: unknown, R0: number, R1: number) => void;

export interface Plan {
  scan: ScanFn;
  /** Discovered fields the scan reads: if one holds long strings, the scan streams messages. */
  eagerColumns: string[];
  usesMessage: boolean;
  terminal: TerminalSpec;
  rowStages: RowStage[];
  output: OutputColumn[];
  /** Rows are events (they carry @ptr), not stats results. */
  rawOutput: boolean;
  hasLimit: boolean;
  /**
   * `stats … by bin(p) offset d`: the scan reads the range moved back by d and each bin is labelled d later, so a
   * bin shows what happened d before its label (the same period one hour or day earlier).
   */
  timeShiftMs: number;
  slotKinds: ValueKind[];
}
