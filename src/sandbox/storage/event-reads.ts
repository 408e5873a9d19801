import type { Db } from "./db.js";
import type { EventRow } from "./logs-store.js";

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

/** Keyset-paged reads over one stream or one group, in both directions, through the (…, timestamp) indexes. */
export class EventReads {
  readonly #q;

  constructor(db: Db) {
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
      afterId: db.prepare(`SELECT ${COLUMNS} FROM log_events WHERE group_id = ? AND id > ? ORDER BY id LIMIT ?`),
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
    const stmt = direction === "forward" ? this.#q.streamForward : this.#q.streamBackward;
    return stmt.all(streamId, range.from, range.to, key.timestamp, key.timestamp, key.id, limit) as EventRow[];
  }

  /** Events of a group strictly after `key`, ascending. */
  group(groupId: number, range: TimeRange, key: EventKey, limit: number): EventRow[] {
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
    return this.#q.byIds.all(groupId, JSON.stringify(ids)) as EventRow[];
  }

  /** Events of a group with id > afterId in id order (visibility order), in chunks. */
  afterId(groupId: number, afterId: number, limit: number): EventRow[] {
    return this.#q.afterId.all(groupId, afterId, limit) as EventRow[];
  }
}

export const BEFORE_ALL: EventKey = { timestamp: Number.MIN_SAFE_INTEGER, id: 0 };
export const AFTER_ALL: EventKey = { timestamp: Number.MAX_SAFE_INTEGER, id: Number.MAX_SAFE_INTEGER };
