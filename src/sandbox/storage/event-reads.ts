import type { Db } from "./db.js";
import type { EventRow } from "./logs-store.js";
import { pendingBatches, type PendingBatches } from "./pending-batches.js";

/** A position in (timestamp, id) order: events sort by time, ties by the order they became visible. */
export interface EventKey {
  timestamp: number;
  id: number;
}

export interface TimeRange {
  /** Inclusive. */
  from: number;
  /** Exclusive. */
  to: number;
}

const COLUMNS = "id, stream_id, timestamp, ingestion_time, message";

/**
 * Keyset-paged reads over one stream or one group, in both directions, through the (…, timestamp) indexes. Each read
 * first indexes the PutLogEvents batches still pending (pending-batches.ts), so it sees every acknowledged event.
 */
export class EventReads {
  readonly #q;
  readonly #pending: PendingBatches;

  constructor(db: Db) {
    this.#pending = pendingBatches(db);
    this.#q = {
      streamForward: db.prepare(
        `SELECT ${COLUMNS} FROM log_events WHERE stream_id = ? AND timestamp >= ? AND timestamp < ?
           AND (timestamp > ? OR (timestamp = ? AND id > ?)) ORDER BY timestamp, id LIMIT ?`,
      ),
      streamBackward: db.prepare(
        `SELECT ${COLUMNS} FROM log_events WHERE stream_id = ? AND timestamp >= ? AND timestamp < ?
           AND (timestamp < ? OR (timestamp = ? AND id < ?)) ORDER BY timestamp DESC, id DESC LIMIT ?`,
      ),
      groupForward: db.prepare(
        `SELECT ${COLUMNS} FROM log_events WHERE group_id = ? AND timestamp >= ? AND timestamp < ?
           AND (timestamp > ? OR (timestamp = ? AND id > ?)) ORDER BY timestamp, id LIMIT ?`,
      ),
      afterId: db.prepare(
        `SELECT ${COLUMNS} FROM log_events WHERE group_id = ? AND id > ? AND id <= ? ORDER BY id LIMIT ?`,
      ),
      lastId: db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'log_events'").pluck(),
      countUpTo: db.prepare("SELECT COUNT(*) FROM log_events WHERE group_id = ? AND id <= ?").pluck(),
      byIds: db.prepare(
        `SELECT ${COLUMNS} FROM log_events WHERE group_id = ? AND id IN (SELECT value FROM json_each(?))`,
      ),
    };
  }

  /** Events of a stream strictly after `key` (forward) or strictly before it (backward), nearest first. */
  stream(
    streamId: number,
    range: TimeRange,
    key: EventKey,
    direction: "forward" | "backward",
    limit: number,
  ): EventRow[] {
    this.#pending.settle();
    const stmt = direction === "forward" ? this.#q.streamForward : this.#q.streamBackward;
    return stmt.all(streamId, range.from, range.to, key.timestamp, key.timestamp, key.id, limit) as EventRow[];
  }

  /** Events of a group strictly after `key`, ascending. */
  group(groupId: number, range: TimeRange, key: EventKey, limit: number): EventRow[] {
    this.#pending.settle();
    return this.#q.groupForward.all(
      groupId,
      range.from,
      range.to,
      key.timestamp,
      key.timestamp,
      key.id,
      limit,
    ) as EventRow[];
  }

  /** The group's events with these ids (any order; ids that no longer exist are skipped). One query per call. */
  byIds(groupId: number, ids: readonly number[]): EventRow[] {
    this.#pending.settle();
    return this.#q.byIds.all(groupId, JSON.stringify(ids)) as EventRow[];
  }

  /** Events of a group with afterId < id ≤ upTo in id order (visibility order), in chunks. */
  afterId(groupId: number, afterId: number, limit: number, upTo = Number.MAX_SAFE_INTEGER): EventRow[] {
    this.#pending.settle(upTo);
    return this.#q.afterId.all(groupId, afterId, upTo, limit) as EventRow[];
  }

  /** How many of the group's events have an id ≤ upTo. */
  countUpTo(groupId: number, upTo: number): number {
    this.#pending.settle(upTo);
    return Number(this.#q.countUpTo.get(groupId, upTo));
  }

  /** The highest event id handed out so far (0 before the first). */
  lastEventId(): number {
    return Number(this.#q.lastId.get() ?? 0);
  }
}

export const BEFORE_ALL: EventKey = { timestamp: Number.MIN_SAFE_INTEGER, id: 0 };
export const AFTER_ALL: EventKey = { timestamp: Number.MAX_SAFE_INTEGER, id: Number.MAX_SAFE_INTEGER };
