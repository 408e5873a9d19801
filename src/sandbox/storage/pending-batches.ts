/**
 * PutLogEvents' durable fast path. A request's accepted events are stored as a few rows of log_batches (the batch
 * encoded, batch-codec.ts, in parts of at most 64 KiB) with their event ids reserved from log_events' AUTOINCREMENT
 * sequence, in the request's own transaction: a few rows and one fsync per request instead of a row per event in
 * three indexes.
 *
 * The events are indexed (exploded into log_events, with the ids reserved for them) later: in the background once
 * no batch has arrived for IDLE_MS or more than BACKLOG_BYTES wait, in slices so requests are answered in between;
 * and always first when anything reads events (settle()), so every reader sees exactly the rows it would have seen
 * had each batch been indexed at once. Deleting a group or stream deletes its pending batches with its events.
 */
import type { Statement } from "better-sqlite3";
import { decodeBatch, encodeBatch, type BatchEvent } from "./batch-codec.js";
import type { Db } from "./db.js";

/** How long ingestion must pause before pending batches are indexed in the background. */
export const IDLE_MS = 100;
/** Past this many message bytes waiting, indexing starts without waiting for a pause. */
const BACKLOG_BYTES = 4 * 1024 * 1024;
/** Background indexing works this long per turn of the event loop. */
const SLICE_MS = 8;
/** A batch is stored in rows of at most this many bytes (one row per request of up to ~600 short events). */
const ROW_BYTES = 64 * 1024;
/** Rows per multi-row INSERT when indexing (one statement call per 100 events: half the cost, measured). */
const INSERT_ROWS = 100;
const COLUMNS = 6;

interface BatchRow {
  first_id: number;
  group_id: number;
  stream_id: number;
  ingestion_time: number;
  events: Buffer;
}

const byDb = new WeakMap<Db, PendingBatches>();

/** The pending batches of one connection (LogsStore writes them; EventReads settles them before reading). */
export function pendingBatches(db: Db): PendingBatches {
  let pending = byDb.get(db);
  if (pending === undefined) {
    pending = new PendingBatches(db);
    byDb.set(db, pending);
  }
  return pending;
}

export class PendingBatches {
  readonly #db: Db;
  readonly #q: Record<"reserve" | "insert" | "any" | "oldest" | "remove" | "one" | "many", Statement>;
  #backlog = 0;
  #scratch: Buffer = Buffer.alloc(0);
  #timer: NodeJS.Timeout | undefined;
  #draining = false;

  constructor(db: Db) {
    this.#db = db;
    const insertEvents = (rows: number) =>
      db.prepare(
        "INSERT INTO log_events (id, group_id, stream_id, timestamp, ingestion_time, message) VALUES " +
          Array.from({ length: rows }, () => "(?, ?, ?, ?, ?, ?)").join(", "),
      );
    this.#q = {
      reserve: db.prepare("UPDATE sqlite_sequence SET seq = seq + ? WHERE name = 'log_events' RETURNING seq").pluck(),
      insert: db.prepare(
        "INSERT INTO log_batches (first_id, group_id, stream_id, ingestion_time, events) VALUES (?, ?, ?, ?, ?)",
      ),
      any: db.prepare("SELECT EXISTS (SELECT 1 FROM log_batches WHERE first_id <= ?)").pluck(),
      oldest: db.prepare("SELECT * FROM log_batches WHERE first_id <= ? ORDER BY first_id LIMIT 16"),
      remove: db.prepare("DELETE FROM log_batches WHERE first_id = ?"),
      one: insertEvents(1),
      many: insertEvents(INSERT_ROWS),
    };
    // Batches a previous run acknowledged and did not index (it stopped, or was killed) are indexed when idle.
    if (this.#q.any.get(Number.MAX_SAFE_INTEGER) === 1) this.#arm();
  }

  /**
   * Stores a batch; call inside the request's transaction. Returns the id of its first event (the others follow,
   * consecutive). `byteLengths[i]` is the UTF-8 length of message i.
   */
  add(
    groupId: number,
    streamId: number,
    events: readonly BatchEvent[],
    ingestionTime: number,
    byteLengths: Uint32Array,
  ): number {
    const last = this.#q.reserve.get(events.length) as number;
    const firstId = last - events.length + 1;
    // Rows of at most ROW_BYTES, encoded into one buffer reused from row to row (SQLite copies what it is bound):
    // megabyte buffers made and freed per request (here, in SQLite and when indexing) fragmented the heap, adding
    // ~80 MiB to the Insights benchmark's peak RSS.
    for (let start = 0; start < events.length;) {
      let end = start + 1;
      let size = 16 + (byteLengths[start] as number);
      while (end < events.length && size + 12 + (byteLengths[end] as number) <= ROW_BYTES) {
        size += 12 + (byteLengths[end] as number);
        end += 1;
      }
      const part = start === 0 && end === events.length ? events : events.slice(start, end);
      const encoded = encodeBatch(part, byteLengths.subarray(start, end), this.#scratch);
      if (encoded.buffer !== this.#scratch.buffer) this.#scratch = encoded;
      this.#q.insert.run(firstId + start, groupId, streamId, ingestionTime, encoded);
      start = end;
    }
    return firstId;
  }

  /** After the batch's transaction committed: schedules its indexing. */
  committed(bytes: number): void {
    this.#backlog += bytes;
    if (this.#backlog > BACKLOG_BYTES) this.#drainSoon();
    else this.#arm();
  }

  /** Indexes the pending batches whose first event id is at most `upTo` (all of them by default), now, before a read. */
  settle(upTo = Number.MAX_SAFE_INTEGER): void {
    if (this.#q.any.get(upTo) === 1) this.#indexUntil(Number.POSITIVE_INFINITY, upTo);
  }

  #arm(): void {
    if (this.#timer === undefined) {
      this.#timer = setTimeout(() => this.#drainSoon(), IDLE_MS);
      this.#timer.unref();
    } else {
      this.#timer.refresh();
    }
  }

  #drainSoon(): void {
    if (this.#draining) return;
    this.#draining = true;
    const step = (): void => {
      if (!this.#db.open) return;
      let done = true;
      try {
        done = this.#indexUntil(performance.now() + SLICE_MS);
      } catch {
        // The database is busy or closing: the next read settles what is left.
      }
      if (done) {
        this.#draining = false;
        this.#backlog = 0;
      } else setImmediate(step);
    };
    setImmediate(step);
  }

  /**
   * Indexes the oldest pending batches (those starting at most at id `upTo`) until `deadline` (performance.now() ms);
   * true once none is left.
   */
  #indexUntil(deadline: number, upTo = Number.MAX_SAFE_INTEGER): boolean {
    return this.#db
      .transaction(() => {
        for (;;) {
          const rows = this.#q.oldest.all(upTo) as BatchRow[];
          for (const row of rows) {
            this.#explode(row);
            this.#q.remove.run(row.first_id);
          }
          if (rows.length === 0) return true;
          if (performance.now() >= deadline) return false;
        }
      })
      .immediate();
  }

  #explode(row: BatchRow): void {
    const events = decodeBatch(row.events);
    const whole = events.length - (events.length % INSERT_ROWS);
    const values: unknown[] = new Array<unknown>(INSERT_ROWS * COLUMNS);
    for (let i = 0; i < events.length; i += 1) {
      const e = events[i] as BatchEvent;
      const id = row.first_id + i;
      if (i < whole) {
        const at = (i % INSERT_ROWS) * COLUMNS;
        values[at] = id;
        values[at + 1] = row.group_id;
        values[at + 2] = row.stream_id;
        values[at + 3] = e.timestamp;
        values[at + 4] = row.ingestion_time;
        values[at + 5] = e.message;
        if (at === (INSERT_ROWS - 1) * COLUMNS) this.#q.many.run(values);
      } else {
        this.#q.one.run(id, row.group_id, row.stream_id, e.timestamp, row.ingestion_time, e.message);
      }
    }
  }
}
