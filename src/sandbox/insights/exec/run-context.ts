/**
 * What one execution of a plan carries: the statistics counters the scan adds to, and reads of what the
 * columns do not hold — messages (streamed alongside the rows during a scan, or fetched one by one for
 * output rows) and long string values left in them (re-discovered from the message, cached per event).
 */
import { discoverFields, type FieldValue } from "../data/discover.js";
import type { LogStore } from "../data/store.js";
import type { InsightsEventSource, StoredLogEvent } from "../source.js";
import { CoveredBytes } from "./covered-bytes.js";
import type { RowContext } from "./plan-types.js";
import type { Value } from "./values.js";

/** Rows a source may read to answer one `eventsAfter(id - 1)` for a single message (the SQLite one reads in chunks). */
const SINGLE_READ_ROWS = 5000;

export class RunContext implements RowContext {
  /** A value no group key can be: the "no previous key" marker of the generated loop. */
  readonly NONE: unknown = Symbol("none");
  scanned = 0;
  matched = 0;
  /** bytesScanned of the rows scanned with a range test (`covered` holds the rest). */
  private rangeBytes = 0;
  private readonly covered = new CoveredBytes();
  /** Where a streamed scan stops (one past the last row in range). */
  end = 0;
  private iterator: Iterator<StoredLogEvent> | null = null;
  private current: StoredLogEvent | null = null;
  private currentStore: LogStore | null = null;
  private fetched: { S: LogStore; i: number; message: string | null } | null = null;
  /** Result rows whose messages are read together on the first miss (rows by store, then messages by row). */
  private readonly wanted = new Map<LogStore, Set<number>>();
  private readonly messages = new Map<LogStore, Map<number, string>>();
  private discovered: { S: LogStore; i: number; fields: Map<string, FieldValue> } | null = null;

  constructor(
    private readonly source: InsightsEventSource,
    private readonly streamedColumns: readonly string[],
    private readonly usesMessage: boolean,
  ) {}

  /** Whether every event of `S` lies inside the range (then the scan skips the per-event range test). */
  covers(S: LogStore, T0: number, T1: number): boolean {
    return S.minTs >= T0 && S.maxTs <= T1;
  }

  /** Adds a slice's counts; `scanned` -1: every row R0..R1; `matched` -1: every scanned event (no filter). */
  count(S: LogStore, scanned: number, matched: number, bytes: number, R0: number, R1: number): void {
    let records = scanned;
    if (scanned < 0) {
      records = R1 - R0;
      this.covered.add(S, R0, R1);
    } else this.rangeBytes += bytes;
    this.scanned += records;
    this.matched += matched < 0 ? records : matched;
  }

  /** bytesScanned so far. */
  get bytes(): number {
    return this.rangeBytes + this.covered.total();
  }

  /** Whether the scan of `S` must read every message. */
  streams(S: LogStore): boolean {
    return this.usesMessage || this.streamedColumns.some((name) => S.column(name).lazyCount > 0);
  }

  open(S: LogStore, T0: number, T1: number, R0: number, R1: number): number {
    let lo = -1;
    let hi = -1;
    for (let i = R0; i < R1; i++) {
      const t = S.ts[i] as number;
      if (t >= T0 && t <= T1) {
        if (lo < 0) lo = i;
        hi = i;
      }
    }
    this.end = hi + 1;
    if (lo < 0) return 0;
    // A scan runs in slices: the next slice carries on with the previous one's reader (one SQLite read of 5,000
    // messages serves several slices) unless it has already passed this slice's first event.
    const firstId = S.ids[lo] as number;
    const resume =
      this.iterator !== null && this.currentStore === S && (this.current === null || this.current.id < firstId);
    if (!resume) {
      this.release();
      this.iterator = S.eventsFrom(this.source, lo);
    }
    this.currentStore = S;
    return lo;
  }

  moveTo(id: number): void {
    const iterator = this.iterator;
    if (iterator === null) return;
    while (this.current === null || this.current.id < id) {
      const step = iterator.next();
      if (step.done === true) {
        this.iterator = null;
        return;
      }
      this.current = step.value;
    }
  }

  /** The end of one slice of a streaming scan: the reader stays open for the next slice. */
  close(): void {}

  /** Done with streaming (the store's scan is over): closes the reader. */
  release(): void {
    this.iterator?.return?.();
    this.iterator = null;
    this.current = null;
    this.currentStore = null;
  }

  /** The rows results will be made of: a message any of them needs is read in one pass for all. */
  expect(rows: readonly { S: LogStore | null; i: number }[]): void {
    for (const { S, i } of rows) {
      if (S === null) continue;
      let set = this.wanted.get(S);
      if (set === undefined) {
        set = new Set();
        this.wanted.set(S, set);
      }
      set.add(i);
    }
  }

  message(S: LogStore, i: number): string | null {
    const id = S.ids[i];
    if (this.current !== null && this.currentStore === S && this.current.id === id) return this.current.message;
    if (this.wanted.get(S)?.has(i) === true) {
      let cached = this.messages.get(S);
      if (cached === undefined) cached = this.fill(S);
      return cached.get(i) ?? null;
    }
    const fetched = this.fetched;
    if (fetched !== null && fetched.S === S && fetched.i === i) return fetched.message;
    const message = S.message(this.source, i) ?? null;
    this.fetched = { S, i, message };
    return message;
  }

  /**
   * Reads the messages of every wanted row of `S`: by id when the source can, else in one forward pass from the
   * lowest wanted row to the highest — unless rows are so few and far apart that reading each is cheaper.
   */
  private fill(S: LogStore): Map<number, string> {
    const rows = [...(this.wanted.get(S) ?? [])].sort((a, b) => a - b);
    const byId = new Map(rows.map((i) => [S.ids[i] as number, i]));
    const found = new Map<number, string>();
    this.messages.set(S, found);
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (first === undefined || last === undefined) return found;
    const take = (event: StoredLogEvent): void => {
      const row = byId.get(event.id);
      if (row !== undefined) found.set(row, event.message);
    };
    if (this.source.eventsByIds !== undefined) {
      for (const event of this.source.eventsByIds(S.ref.id, [...byId.keys()])) take(event);
    } else if (rows.length * SINGLE_READ_ROWS < last - first + 1) {
      for (const i of rows) {
        const message = S.message(this.source, i);
        if (message !== undefined) found.set(i, message);
      }
    } else {
      const lastId = S.ids[last] as number;
      for (const event of this.source.eventsAfter(S.ref.id, (S.ids[first] as number) - 1)) {
        if (event.id > lastId) break;
        take(event);
      }
    }
    return found;
  }

  lazy(S: LogStore, i: number, name: string): Value {
    let cached = this.discovered;
    if (cached === null || cached.S !== S || cached.i !== i) {
      const fields = new Map<string, FieldValue>();
      const message = this.message(S, i);
      if (message !== null) discoverFields(message, S.lambda, (n, v) => fields.set(n, v));
      cached = { S, i, fields };
      this.discovered = cached;
    }
    return cached.fields.get(name) ?? null;
  }

  field(S: LogStore | null, i: number, name: string): Value {
    if (S === null) return null;
    const value = S.column(name).get(i);
    return value === undefined ? this.lazy(S, i, name) : value;
  }
}
