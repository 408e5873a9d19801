/**
 * PutLogEvents batches stored as one row each and indexed later (pending-batches.ts): every reader sees exactly what
 * it sees once the batch is indexed, and what a row-per-event append (the other writers' path) gives; ids follow
 * visibility across both paths; deletes take pending batches with them; batches are indexed in the background once
 * ingestion pauses.
 */
import { describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../../src/sandbox/storage/db.js";
import { AFTER_ALL, BEFORE_ALL, EventReads } from "../../../src/sandbox/storage/event-reads.js";
import { LogsStore, type NewEvent } from "../../../src/sandbox/storage/logs-store.js";
import { IDLE_MS, pendingBatches } from "../../../src/sandbox/storage/pending-batches.js";
import { decodeBatch, encodeBatch } from "../../../src/sandbox/storage/batch-codec.js";

const T0 = 1_700_000_000_000;
const pendingRows = (db: Db): number => db.prepare("SELECT COUNT(*) FROM log_batches").pluck().get() as number;

function setup() {
  const db = openDatabase(":memory:");
  const logs = new LogsStore(db);
  const reads = new EventReads(db);
  const group = logs.createGroup("123456789012", "us-east-1", "/g", T0);
  const a = logs.ensureStream(group.id, "a", T0);
  const b = logs.ensureStream(group.id, "b", T0);
  return { db, logs, reads, group, a, b };
}

/** Three batches over two streams, with equal and out-of-order timestamps across batches, and non-ASCII text. */
const BATCHES: [stream: "a" | "b", events: NewEvent[]][] = [
  ["a", [100, 100, 250].map((t, i) => ({ timestamp: T0 + t, message: `a1-${i} {"n":${i}}` }))],
  ["b", [50, 100, 300].map((t, i) => ({ timestamp: T0 + t, message: `b1-${i} héllo ✓ 日本` }))],
  ["a", Array.from({ length: 250 }, (_, i) => ({ timestamp: T0 + 100 + i, message: `a2-${i}` }))],
];

/** Everything every reader of EventReads answers for the group, in pages of 7 so paging crosses batches. */
function readAll(s: ReturnType<typeof setup>) {
  const range = { from: 0, to: Number.MAX_SAFE_INTEGER };
  const page = <T extends { id: number; timestamp: number }>(next: (key: { timestamp: number; id: number }) => T[]) => {
    const out: T[] = [];
    let key = BEFORE_ALL;
    for (;;) {
      const rows = next(key);
      out.push(...rows);
      if (rows.length < 7) return out;
      const last = rows[rows.length - 1] as T;
      key = { timestamp: last.timestamp, id: last.id };
    }
  };
  const group = page((key) => s.reads.group(s.group.id, range, key, 7));
  const ids = group.map((e) => e.id);
  return {
    group,
    streamA: page((key) => s.reads.stream(s.a.id, range, key, "forward", 7)),
    streamBBackward: s.reads.stream(s.b.id, range, AFTER_ALL, "backward", 100),
    byIds: s.reads.byIds(s.group.id, ids.slice(2, 9)).sort((x, y) => x.id - y.id),
    afterId: s.reads.afterId(s.group.id, ids[3] ?? 0, 1000),
  };
}

describe("pending PutLogEvents batches", () => {
  it("encode and decode a batch as it was", () => {
    const events = BATCHES[1]![1];
    const lengths = Uint32Array.from(events, (e) => Buffer.byteLength(e.message));
    expect(decodeBatch(encodeBatch(events, lengths))).toEqual(events);
  });

  it("are seen by every reader exactly as indexed events and as row-per-event appends are", () => {
    const pending = setup();
    const direct = setup();
    for (const [stream, events] of BATCHES) {
      pending.logs.putEvents(pending.group.id, pending[stream].id, events, T0 + 1);
      direct.logs.transaction(() => direct.logs.appendEvents(direct.group.id, direct[stream].id, events, T0 + 1));
    }
    expect(pendingRows(pending.db)).toBe(3);
    const seen = readAll(pending);
    expect(pendingRows(pending.db)).toBe(0);
    expect(seen).toEqual(readAll(direct));
    expect(seen.group).toHaveLength(256);
    expect(seen.group.slice(0, 4).map((e) => e.message)).toEqual([
      "b1-0 héllo ✓ 日本",
      'a1-0 {"n":0}',
      'a1-1 {"n":1}',
      "b1-1 héllo ✓ 日本",
    ]);
    // Stream metadata and stored bytes are written with the batch, not when it is indexed.
    expect(pending.logs.streams(pending.group.id)).toEqual(direct.logs.streams(direct.group.id));
    expect(pending.logs.groupById(pending.group.id)?.stored_bytes).toBe(
      direct.logs.groupById(direct.group.id)?.stored_bytes,
    );
  });

  it("give ids in the order events became visible, interleaved with other writers' appends", () => {
    const s = setup();
    const first = s.logs.putEvents(s.group.id, s.a.id, [{ timestamp: T0 + 5, message: "put 1" }], T0);
    s.logs.transaction(() =>
      s.logs.appendEvents(s.group.id, s.b.id, [{ timestamp: T0 + 1, message: "delivered" }], T0),
    );
    const third = s.logs.putEvents(
      s.group.id,
      s.a.id,
      [
        { timestamp: T0, message: "put 2" },
        { timestamp: T0 + 9, message: "put 3" },
      ],
      T0,
    );
    expect([first, third]).toEqual([1, 2]); // upload sequence numbers, one per PutLogEvents
    expect(s.reads.afterId(s.group.id, 0, 100).map((e) => e.message)).toEqual(["put 1", "delivered", "put 2", "put 3"]);
    const ids = s.reads.afterId(s.group.id, 0, 100).map((e) => e.id);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(4);
  });

  it("store a large batch in several rows, read back whole and in order", () => {
    const s = setup();
    const events = Array.from({ length: 300 }, (_, i) => ({ timestamp: T0 + i, message: `${i} ${"é".repeat(250)}` }));
    const first = s.logs.putEvents(s.group.id, s.a.id, events, T0);
    expect(first).toBe(1);
    expect(pendingRows(s.db)).toBeGreaterThan(1);
    const rows = s.reads.afterId(s.group.id, 0, 1000);
    expect(rows.map((e) => e.message)).toEqual(events.map((e) => e.message));
    expect(rows.map((e) => e.id)).toEqual(events.map((_, i) => (rows[0]?.id ?? 0) + i));
  });

  it("keep duplicates: the same events put twice are stored twice, with ids of their own", () => {
    const s = setup();
    const events = [{ timestamp: T0, message: "same" }];
    s.logs.putEvents(s.group.id, s.a.id, events, T0);
    s.logs.putEvents(s.group.id, s.a.id, events, T0);
    const rows = s.reads.afterId(s.group.id, 0, 10);
    expect(rows.map((e) => e.message)).toEqual(["same", "same"]);
    expect(rows[1]!.id).toBe(rows[0]!.id + 1);
  });

  it("go with their stream or group when it is deleted before they are indexed", () => {
    const s = setup();
    s.logs.putEvents(s.group.id, s.a.id, [{ timestamp: T0, message: "a" }], T0);
    s.logs.putEvents(s.group.id, s.b.id, [{ timestamp: T0, message: "b" }], T0);
    s.logs.deleteStream(s.group.id, "a");
    expect(pendingRows(s.db)).toBe(1);
    expect(s.reads.afterId(s.group.id, 0, 10).map((e) => e.message)).toEqual(["b"]);
    s.logs.putEvents(s.group.id, s.b.id, [{ timestamp: T0, message: "b2" }], T0);
    s.logs.deleteGroup("123456789012", "us-east-1", "/g");
    expect(pendingRows(s.db)).toBe(0);
    expect(s.db.prepare("SELECT COUNT(*) FROM log_events").pluck().get()).toBe(0);
  });

  it("a read up to an id indexes only the batches it needs", () => {
    const s = setup();
    s.logs.putEvents(s.group.id, s.a.id, [{ timestamp: T0, message: "one" }], T0);
    s.logs.putEvents(s.group.id, s.a.id, [{ timestamp: T0, message: "two" }], T0);
    expect(s.reads.afterId(s.group.id, 0, 10, 1).map((e) => e.message)).toEqual(["one"]);
    expect(pendingRows(s.db)).toBe(1);
    expect(s.reads.lastEventId()).toBe(2);
  });

  it("are indexed in the background once ingestion pauses", async () => {
    const s = setup();
    for (const [stream, events] of BATCHES) s.logs.putEvents(s.group.id, s[stream].id, events, T0);
    expect(pendingRows(s.db)).toBe(3);
    await new Promise((r) => setTimeout(r, IDLE_MS + 200));
    expect(pendingRows(s.db)).toBe(0);
    expect(s.db.prepare("SELECT COUNT(*) FROM log_events").pluck().get()).toBe(256);
    pendingBatches(s.db).settle(); // nothing left: a no-op
    expect(s.reads.afterId(s.group.id, 0, 1000)).toHaveLength(256);
  });
});
