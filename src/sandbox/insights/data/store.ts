/**
 * The discovered fields of one log group, columnar, filled incrementally from the event source: each query
 * first pulls only the events that became visible since the last one. Messages themselves are not kept; a
 * query that needs `@message` (or a long string left in it) reads them back from the source.
 */
import type { InsightsEventSource, LogGroupRef, StoredLogEvent } from "../source.js";
import { Column, type ColumnSnapshot } from "./column.js";
import { discoverNodes, isLambdaGroup, type NodeEmit } from "./discover.js";

const INITIAL_CAPACITY = 1024;

/** A store's rows [0, n) and what describes them, as persist.ts writes and reads them. */
export interface StoreSnapshot {
  n: number;
  lastId: number;
  totalBytes: number;
  minTs: number;
  maxTs: number;
  streamNames: string[];
  ids: Float64Array<ArrayBuffer>;
  ts: Float64Array<ArrayBuffer>;
  ingest: Float64Array<ArrayBuffer>;
  streams: Uint32Array<ArrayBuffer>;
  bytes: Uint32Array<ArrayBuffer>;
  columns: [string, ColumnSnapshot][];
}

export class LogStore {
  readonly ref: LogGroupRef;
  /** The `@log` value: `account:group`. */
  readonly label: string;
  readonly lambda: boolean;
  n = 0;
  private capacity = INITIAL_CAPACITY;
  ids = new Float64Array(INITIAL_CAPACITY);
  ts = new Float64Array(INITIAL_CAPACITY);
  ingest = new Float64Array(INITIAL_CAPACITY);
  streams = new Uint32Array(INITIAL_CAPACITY);
  bytes = new Uint32Array(INITIAL_CAPACITY);
  readonly streamNames: string[] = [];
  private readonly streamIndex = new Map<string, number>();
  readonly columns = new Map<string, Column>();
  /** Stands in for a field this group has never seen: every row absent. */
  empty = new Column(INITIAL_CAPACITY);
  /** Sum of `bytes`: bytesScanned of a scan that covers the whole group. */
  totalBytes = 0;
  minTs = Number.POSITIVE_INFINITY;
  maxTs = Number.NEGATIVE_INFINITY;
  private lastId = 0;
  /** The source's reader of a catch-up that a deadline interrupted, and the id it reads up to. */
  private reader: Iterator<StoredLogEvent> | null = null;
  private readerUpTo = 0;
  private readonly emitRow: NodeEmit;
  private row = 0;
  /** Columns by path-node id, so a known path costs one array read per event. */
  private readonly byNode: (Column | undefined)[] = [];

  constructor(ref: LogGroupRef) {
    this.ref = ref;
    this.label = `${ref.accountId}:${ref.name}`;
    this.lambda = isLambdaGroup(ref.name);
    this.emitRow = (node, value) => {
      let column = node.id >= 0 ? this.byNode[node.id] : undefined;
      if (column === undefined) {
        column = this.column(node.path, true);
        if (node.id >= 0) this.byNode[node.id] = column;
      }
      if (typeof value === "number") column.setNumber(this.row, value);
      else column.setString(this.row, value);
    };
  }

  /** The column for `name`; `empty` unless `create`. */
  column(name: string, create = false): Column {
    let column = this.columns.get(name);
    if (column === undefined) {
      if (!create) return this.empty;
      column = new Column(this.capacity);
      this.columns.set(name, column);
    }
    return column;
  }

  /**
   * Pulls and discovers the events that became visible since the last refresh. With a `deadline`
   * (performance.now() milliseconds) it stops there and says so: false means "call again to catch up". The
   * reader is kept between calls, so a catch-up spread over many slices reads each event from the source once.
   * With `upTo`, events with higher ids need not be read (background discovery gets those from committed batches).
   */
  refresh(source: InsightsEventSource, deadline = Number.POSITIVE_INFINITY, upTo = Number.MAX_SAFE_INTEGER): boolean {
    let reader = this.reader ?? this.read(source, upTo);
    let count = 0;
    for (;;) {
      let step: IteratorResult<StoredLogEvent>;
      try {
        step = reader.next();
      } catch (error) {
        this.reader = null;
        throw error;
      }
      if (step.done === true) {
        this.reader = null;
        if (this.readerUpTo >= upTo) return true;
        // A reader that stopped short of what this caller needs: read on from where it stopped.
        reader = this.read(source, upTo);
        continue;
      }
      this.append(step.value);
      count += 1;
      if ((count & 1023) === 0 && performance.now() > deadline) return false;
    }
  }

  /** A reader of the source's events after the last one in, up to `upTo`, kept for the next refresh. */
  private read(source: InsightsEventSource, upTo: number): Iterator<StoredLogEvent> {
    this.readerUpTo = upTo;
    return (this.reader = source.eventsAfter(this.ref.id, this.lastId, upTo)[Symbol.iterator]());
  }

  /**
   * Discovers events handed over fresh (just committed, ids ascending), skipping those already in. False, with nothing
   * done, while a sliced catch-up is under way: its reader will read these too.
   */
  feed(events: readonly StoredLogEvent[]): boolean {
    if (this.reader !== null) return false;
    for (const event of events) this.append(event);
    return true;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const grow64 = (from: Float64Array): Float64Array<ArrayBuffer> => {
      const to = new Float64Array(capacity);
      to.set(from);
      return to;
    };
    const grow32 = (from: Uint32Array): Uint32Array<ArrayBuffer> => {
      const to = new Uint32Array(capacity);
      to.set(from);
      return to;
    };
    this.ids = grow64(this.ids);
    this.ts = grow64(this.ts);
    this.ingest = grow64(this.ingest);
    this.streams = grow32(this.streams);
    this.bytes = grow32(this.bytes);
    for (const column of this.columns.values()) column.grow(capacity);
    this.empty = new Column(capacity);
    this.capacity = capacity;
  }

  private append(event: StoredLogEvent): void {
    if (event.id <= this.lastId) return;
    if (this.n === this.capacity) this.grow();
    const row = this.n;
    this.row = row;
    this.ids[row] = event.id;
    this.ts[row] = event.timestamp;
    this.ingest[row] = event.ingestionTime;
    let stream = this.streamIndex.get(event.logStream);
    if (stream === undefined) {
      stream = this.streamNames.length;
      this.streamNames.push(event.logStream);
      this.streamIndex.set(event.logStream, stream);
    }
    this.streams[row] = stream;
    const bytes = Buffer.byteLength(event.message, "utf8");
    this.bytes[row] = bytes;
    this.totalBytes += bytes;
    if (event.timestamp < this.minTs) this.minTs = event.timestamp;
    if (event.timestamp > this.maxTs) this.maxTs = event.timestamp;
    discoverNodes(event.message, this.lambda, this.emitRow);
    this.lastId = event.id;
    this.n = row + 1;
  }

  /** Rows [0, n) as views (rows never change once appended, so the views stay true while rows are added). */
  snapshot(): StoreSnapshot {
    const n = this.n;
    return {
      n,
      lastId: this.lastId,
      totalBytes: this.totalBytes,
      minTs: this.minTs,
      maxTs: this.maxTs,
      streamNames: [...this.streamNames],
      ids: this.ids.subarray(0, n),
      ts: this.ts.subarray(0, n),
      ingest: this.ingest.subarray(0, n),
      streams: this.streams.subarray(0, n),
      bytes: this.bytes.subarray(0, n),
      columns: [...this.columns].map(([name, column]) => [name, column.snapshot(n)]),
    };
  }

  /** A store from a snapshot of at least one row (its arrays become the store's own; it grows from there). */
  static restore(ref: LogGroupRef, s: StoreSnapshot): LogStore {
    const store = new LogStore(ref);
    store.n = s.n;
    store.capacity = s.n;
    store.lastId = s.lastId;
    store.totalBytes = s.totalBytes;
    store.minTs = s.minTs;
    store.maxTs = s.maxTs;
    for (const name of s.streamNames) {
      store.streamIndex.set(name, store.streamNames.length);
      store.streamNames.push(name);
    }
    store.ids = s.ids;
    store.ts = s.ts;
    store.ingest = s.ingest;
    store.streams = s.streams;
    store.bytes = s.bytes;
    for (const [name, column] of s.columns) store.columns.set(name, Column.restore(column));
    store.empty = new Column(s.n);
    return store;
  }

  /** The message of one row, read back from the source (undefined if the event is gone). */
  message(source: InsightsEventSource, row: number): string | undefined {
    const id = this.ids[row] ?? 0;
    for (const event of source.eventsAfter(this.ref.id, id - 1)) return event.id === id ? event.message : undefined;
    return undefined;
  }

  /** The source's events from row `from` on, in row order (for scans that read every message). */
  eventsFrom(source: InsightsEventSource, from: number): Iterator<StoredLogEvent> {
    return source.eventsAfter(this.ref.id, (this.ids[from] ?? 1) - 1)[Symbol.iterator]();
  }
}
