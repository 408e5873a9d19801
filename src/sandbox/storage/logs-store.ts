import { AwsError } from "../errors.js";
import type { Db } from "./db.js";
import { pendingBatches, type PendingBatches } from "./pending-batches.js";

export interface GroupRow {
  id: number;
  account_id: string;
  region: string;
  name: string;
  created_at: number;
  retention_days: number | null;
  kms_key_id: string | null;
  log_group_class: string;
  stored_bytes: number;
  /** 1 when deletion protection is on. */
  deletion_protection: number;
}

export interface StreamRow {
  id: number;
  group_id: number;
  name: string;
  created_at: number;
  first_event_at: number | null;
  last_event_at: number | null;
  last_ingestion_at: number | null;
  upload_seq: number;
}

export interface EventRow {
  id: number;
  stream_id: number;
  timestamp: number;
  ingestion_time: number;
  message: string;
}

export interface NewEvent {
  timestamp: number;
  message: string;
}

/** Told which group just received which events (Logs Insights discovery, metric filters). */
export type AppendListener = (groupId: number, events: readonly NewEvent[]) => void;

/** A PutLogEvents batch that has committed: its events got the consecutive ids firstId, firstId + 1, … */
export interface CommittedBatch {
  groupId: number;
  streamId: number;
  firstId: number;
  ingestionTime: number;
  events: readonly NewEvent[];
  /** The messages' UTF-8 bytes. */
  bytes: number;
}

export const groupNotFound = (): AwsError =>
  new AwsError("ResourceNotFoundException", "The specified log group does not exist.");
export const streamNotFound = (): AwsError =>
  new AwsError("ResourceNotFoundException", "The specified log stream does not exist.");

export const groupArn = (g: Pick<GroupRow, "region" | "account_id" | "name">): string =>
  `arn:aws:logs:${g.region}:${g.account_id}:log-group:${g.name}`;

/** Parses a log group ARN (with or without the trailing ":*"). */
export function parseGroupArn(arn: string): { region: string; accountId: string; name: string } | undefined {
  const m = /^arn:aws[a-z-]*:logs:([^:]+):(\d{12}):log-group:(.+?)(?::\*)?$/.exec(arn);
  return m ? { region: m[1] ?? "", accountId: m[2] ?? "", name: m[3] ?? "" } : undefined;
}

/** Log groups, streams and events in SQLite. Every write is one transaction; reads page through indexes. */
export class LogsStore {
  readonly #db: Db;
  readonly #q;
  readonly #pending: PendingBatches;
  readonly #appendListeners: AppendListener[] = [];
  readonly #commitListeners: ((batch: CommittedBatch) => void)[] = [];

  constructor(db: Db) {
    this.#db = db;
    this.#pending = pendingBatches(db);
    this.#q = {
      findGroup: db.prepare("SELECT * FROM log_groups WHERE account_id = ? AND region = ? AND name = ?"),
      groupById: db.prepare("SELECT * FROM log_groups WHERE id = ?"),
      insertGroup: db.prepare(
        "INSERT INTO log_groups (account_id, region, name, created_at, kms_key_id, log_group_class, deletion_protection) VALUES (?, ?, ?, ?, ?, ?, ?)",
      ),
      setProtection: db.prepare("UPDATE log_groups SET deletion_protection = ? WHERE id = ?"),
      insertTag: db.prepare("INSERT OR REPLACE INTO log_group_tags (group_id, key, value) VALUES (?, ?, ?)"),
      deleteTag: db.prepare("DELETE FROM log_group_tags WHERE group_id = ? AND key = ?"),
      tags: db.prepare("SELECT key, value FROM log_group_tags WHERE group_id = ? ORDER BY key"),
      setRetention: db.prepare("UPDATE log_groups SET retention_days = ? WHERE id = ?"),
      listGroups: db.prepare(
        "SELECT * FROM log_groups WHERE account_id = ? AND region = ? AND name > ? ORDER BY name LIMIT ?",
      ),
      findStream: db.prepare("SELECT * FROM log_streams WHERE group_id = ? AND name = ?"),
      insertStream: db.prepare("INSERT INTO log_streams (group_id, name, created_at) VALUES (?, ?, ?)"),
      streamsOf: db.prepare("SELECT * FROM log_streams WHERE group_id = ?"),
      insertEvent: db.prepare(
        "INSERT INTO log_events (group_id, stream_id, timestamp, ingestion_time, message) VALUES (?, ?, ?, ?, ?)",
      ),
      touchStream: db
        .prepare(
          `UPDATE log_streams SET
             first_event_at = MIN(COALESCE(first_event_at, @first), @first),
             last_event_at = MAX(COALESCE(last_event_at, @last), @last),
             last_ingestion_at = @ingested,
             upload_seq = upload_seq + 1
           WHERE id = @id RETURNING upload_seq`,
        )
        .pluck(),
      addBytes: db.prepare("UPDATE log_groups SET stored_bytes = stored_bytes + ? WHERE id = ?"),
      deleteGroupEvents: db.prepare("DELETE FROM log_events WHERE group_id = ?"),
      deleteGroupBatches: db.prepare("DELETE FROM log_batches WHERE group_id = ?"),
      deleteGroupStreams: db.prepare("DELETE FROM log_streams WHERE group_id = ?"),
      deleteGroupTags: db.prepare("DELETE FROM log_group_tags WHERE group_id = ?"),
      deleteGroup: db.prepare("DELETE FROM log_groups WHERE id = ?"),
      deleteStreamEvents: db.prepare("DELETE FROM log_events WHERE stream_id = ?"),
      deleteStreamBatches: db.prepare("DELETE FROM log_batches WHERE stream_id = ?"),
      deleteStream: db.prepare("DELETE FROM log_streams WHERE id = ?"),
    };
  }

  findGroup(accountId: string, region: string, name: string): GroupRow | undefined {
    return this.#q.findGroup.get(accountId, region, name) as GroupRow | undefined;
  }

  /** A group by name or ARN within one account and Region (ARNs of other accounts/Regions do not resolve). */
  resolveGroup(accountId: string, region: string, nameOrArn: string): GroupRow | undefined {
    if (!nameOrArn.startsWith("arn:")) return this.findGroup(accountId, region, nameOrArn);
    const parsed = parseGroupArn(nameOrArn);
    if (parsed === undefined || parsed.accountId !== accountId || parsed.region !== region) return undefined;
    return this.findGroup(accountId, region, parsed.name);
  }

  groupById(id: number): GroupRow | undefined {
    return this.#q.groupById.get(id) as GroupRow | undefined;
  }

  requireGroup(accountId: string, region: string, name: string): GroupRow {
    const g = this.findGroup(accountId, region, name);
    if (g === undefined) throw groupNotFound();
    return g;
  }

  createGroup(
    accountId: string,
    region: string,
    name: string,
    now: number,
    extra: { tags?: Record<string, string>; kmsKeyId?: string; logGroupClass?: string; protect?: boolean } = {},
  ): GroupRow {
    return this.#db
      .transaction(() => {
        if (this.findGroup(accountId, region, name) !== undefined) {
          throw new AwsError("ResourceAlreadyExistsException", "The specified log group already exists");
        }
        const info = this.#q.insertGroup.run(
          accountId,
          region,
          name,
          now,
          extra.kmsKeyId ?? null,
          extra.logGroupClass ?? "STANDARD",
          extra.protect === true ? 1 : 0,
        );
        const id = Number(info.lastInsertRowid);
        for (const [k, v] of Object.entries(extra.tags ?? {})) this.#q.insertTag.run(id, k, v);
        return this.groupById(id) as GroupRow;
      })
      .immediate();
  }

  deleteGroup(accountId: string, region: string, name: string): void {
    this.#db
      .transaction(() => {
        const g = this.requireGroup(accountId, region, name);
        // The message of the CloudWatch Logs User Guide, "Protecting log groups from deletion".
        if (g.deletion_protection === 1) {
          throw new AwsError(
            "ValidationException",
            "Cannot delete log group with deletion protection enabled. Disable deletion protection first.",
          );
        }
        this.#q.deleteGroupEvents.run(g.id);
        this.#q.deleteGroupBatches.run(g.id);
        this.#q.deleteGroupStreams.run(g.id);
        this.#q.deleteGroupTags.run(g.id);
        this.#q.deleteGroup.run(g.id);
      })
      .immediate();
  }

  /** Groups ordered by name, strictly after `after`, with an optional filter applied in SQL-sized chunks. */
  listGroups(
    accountId: string,
    region: string,
    after: string,
    limit: number,
    keep: (group: GroupRow) => boolean,
  ): GroupRow[] {
    const out: GroupRow[] = [];
    let cursor = after;
    for (;;) {
      const rows = this.#q.listGroups.all(accountId, region, cursor, 500) as GroupRow[];
      for (const row of rows) {
        if (keep(row)) out.push(row);
        if (out.length >= limit) return out;
      }
      if (rows.length < 500) return out;
      cursor = rows[rows.length - 1]?.name ?? cursor;
    }
  }

  setDeletionProtection(groupId: number, on: boolean): void {
    this.#q.setProtection.run(on ? 1 : 0, groupId);
  }

  setRetention(groupId: number, days: number | null): void {
    this.#q.setRetention.run(days, groupId);
  }

  tags(groupId: number): Record<string, string> {
    const out: Record<string, string> = {};
    for (const row of this.#q.tags.all(groupId) as { key: string; value: string }[]) out[row.key] = row.value;
    return out;
  }

  /** Adds or replaces tags; a group holds at most 50 (AWS's limit). */
  tag(groupId: number, tags: Record<string, string>): void {
    this.#db
      .transaction(() => {
        for (const [k, v] of Object.entries(tags)) this.#q.insertTag.run(groupId, k, v);
        if (Object.keys(this.tags(groupId)).length > 50) {
          throw new AwsError("TooManyTagsException", "A resource can have no more than 50 tags.");
        }
      })
      .immediate();
  }

  untag(groupId: number, keys: readonly string[]): void {
    this.#db
      .transaction(() => {
        for (const k of keys) this.#q.deleteTag.run(groupId, k);
      })
      .immediate();
  }

  findStream(groupId: number, name: string): StreamRow | undefined {
    return this.#q.findStream.get(groupId, name) as StreamRow | undefined;
  }

  createStream(groupId: number, name: string, now: number): StreamRow {
    return this.#db
      .transaction(() => {
        if (this.findStream(groupId, name) !== undefined) {
          throw new AwsError("ResourceAlreadyExistsException", "The specified log stream already exists");
        }
        this.#q.insertStream.run(groupId, name, now);
        return this.findStream(groupId, name) as StreamRow;
      })
      .immediate();
  }

  ensureStream(groupId: number, name: string, now: number): StreamRow {
    const existing = this.findStream(groupId, name);
    if (existing !== undefined) return existing;
    this.#q.insertStream.run(groupId, name, now);
    return this.findStream(groupId, name) as StreamRow;
  }

  deleteStream(groupId: number, name: string): void {
    this.#db
      .transaction(() => {
        const s = this.findStream(groupId, name);
        if (s === undefined) throw streamNotFound();
        this.#q.deleteStreamEvents.run(s.id);
        this.#q.deleteStreamBatches.run(s.id);
        this.#q.deleteStream.run(s.id);
      })
      .immediate();
  }

  streams(groupId: number): StreamRow[] {
    return this.#q.streamsOf.all(groupId) as StreamRow[];
  }

  /**
   * Appends events to a stream (call inside a transaction when batching with other writes). Returns the new
   * upload sequence number. Ids are assigned in insertion order, which is the order events become visible.
   */
  appendEvents(groupId: number, streamId: number, events: readonly NewEvent[], ingestionTime: number): number {
    if (events.length === 0) return 0;
    for (const e of events) this.#q.insertEvent.run(groupId, streamId, e.timestamp, ingestionTime, e.message);
    return this.#appended(groupId, streamId, events, ingestionTime, spanOf(events));
  }

  /**
   * Tells `listener` which group just received which events (Logs Insights discovers their fields in the background;
   * metric filters publish their datapoints). It runs inside the append's transaction, which may still roll back: a
   * listener only schedules work for later, or writes to the same database (its writes roll back with the append).
   */
  onAppend(listener: AppendListener): void {
    this.#appendListeners.push(listener);
  }

  /**
   * Tells `listener` about each putEvents batch once it has committed, with the ids its events got (Logs Insights
   * discovers their fields from these instead of reading them back).
   */
  onCommit(listener: (batch: CommittedBatch) => void): void {
    this.#commitListeners.push(listener);
  }

  /**
   * Durable append: one transaction, committed (and fsynced for file databases) before this returns. The batch is
   * stored as one row and indexed later (pending-batches.ts); readers see its events at once all the same.
   */
  putEvents(groupId: number, streamId: number, events: readonly NewEvent[], ingestionTime: number): number {
    if (events.length === 0) return 0;
    const span = spanOf(events);
    const { uploadSeq, firstId } = this.#db
      .transaction(() => {
        const firstId = this.#pending.add(groupId, streamId, events, ingestionTime, span.lengths);
        return { uploadSeq: this.#appended(groupId, streamId, events, ingestionTime, span), firstId };
      })
      .immediate();
    this.#pending.committed(span.bytes);
    const batch = { groupId, streamId, firstId, ingestionTime, events, bytes: span.bytes };
    for (const listener of this.#commitListeners) listener(batch);
    return uploadSeq;
  }

  /**
   * After an append's rows are written: the stream's event times and upload count, the group's stored bytes, and the
   * append listeners. Returns the new upload sequence number.
   */
  #appended(groupId: number, streamId: number, events: readonly NewEvent[], ingested: number, span: Span): number {
    const uploadSeq = this.#q.touchStream.get({ first: span.first, last: span.last, ingested, id: streamId }) as number;
    this.#q.addBytes.run(span.bytes, groupId);
    for (const listener of this.#appendListeners) listener(groupId, events);
    return uploadSeq;
  }

  transaction<T>(fn: () => T): T {
    return this.#db.transaction(fn).immediate();
  }
}

/** An append's earliest and latest event times, its messages' UTF-8 bytes, and each message's. */
interface Span {
  first: number;
  last: number;
  bytes: number;
  lengths: Uint32Array;
}

function spanOf(events: readonly NewEvent[]): Span {
  let first = Infinity;
  let last = -Infinity;
  let bytes = 0;
  const lengths = new Uint32Array(events.length);
  for (let i = 0; i < events.length; i += 1) {
    const e = events[i] as NewEvent;
    if (e.timestamp < first) first = e.timestamp;
    if (e.timestamp > last) last = e.timestamp;
    const length = Buffer.byteLength(e.message, "utf8");
    lengths[i] = length;
    bytes += length;
  }
  return { first, last, bytes, lengths };
}
