/**
 * Background discovery from committed PutLogEvents batches (storage → engine, no read-back): the store ends up with
 * exactly the group's committed events, in id order, whatever else wrote to the group (another writer, a rollback,
 * a store that started over an existing database), and batches that committed after a catch-up are not read back.
 */
import { describe, expect, it } from "vitest";
import type { LogStore } from "../../../src/sandbox/insights/data/store.js";
import { createInsightsEngine } from "../../../src/sandbox/insights/index.js";
import type { InsightsEventSource, StoredLogEvent } from "../../../src/sandbox/insights/source.js";
import { openDatabase } from "../../../src/sandbox/storage/db.js";
import { EventReads } from "../../../src/sandbox/storage/event-reads.js";
import { createInsightsSource } from "../../../src/sandbox/storage/insights-source.js";
import { LogsStore } from "../../../src/sandbox/storage/logs-store.js";
import { pendingBatches } from "../../../src/sandbox/storage/pending-batches.js";

const T0 = 1_700_000_000_000;

function setup() {
  const db = openDatabase(":memory:");
  const logs = new LogsStore(db);
  const inner = createInsightsSource(logs, new EventReads(db));
  let readBack = 0;
  // Counts the events the engine reads back from storage.
  const source: InsightsEventSource = {
    ...inner,
    eventsAfter: function* (groupId: number, afterId: number): Iterable<StoredLogEvent> {
      for (const event of inner.eventsAfter(groupId, afterId)) {
        readBack += 1;
        yield event;
      }
    },
  };
  const group = logs.createGroup("123456789012", "us-east-1", "/g", T0);
  const stream = logs.ensureStream(group.id, "s", T0);
  const batch = (from: number, n: number) =>
    Array.from({ length: n }, (_, i) => ({ timestamp: T0 + from + i, message: `{"n":${from + i}}` }));
  // The ids in log_events once every pending PutLogEvents batch is indexed.
  const storedIds = () => {
    pendingBatches(db).settle();
    return (
      db.prepare("SELECT id FROM log_events WHERE group_id = ? ORDER BY id").pluck().all(group.id) as number[]
    ).map(Number);
  };
  // One PutLogEvents request of events from..from+n-1 into the group's stream.
  const put = (from: number, n: number) => logs.putEvents(group.id, stream.id, batch(from, n), T0);
  return { db, logs, source, group, stream, batch, put, storedIds, readBack: () => readBack };
}

/** An engine over `source` (clock at T0), with its stores in view. */
function startEngine(source: InsightsEventSource) {
  const stores = new Map<number, LogStore>();
  return { stores, engine: createInsightsEngine(source, () => T0, { stores }) };
}

const idsOf = (store: LogStore | undefined): number[] => Array.from(store?.ids.subarray(0, store.n) ?? []);

describe("discovery from committed batches", () => {
  it("discovers batches that committed after a catch-up without reading them back", async () => {
    const s = setup();
    const { stores, engine } = startEngine(s.source);
    s.put(0, 10);
    await engine.idle();
    const afterFirst = s.readBack();
    expect(afterFirst).toBe(10);
    for (let b = 1; b <= 5; b += 1) s.put(b * 1000, 250);
    await engine.idle();
    expect(s.readBack()).toBe(afterFirst);
    const store = stores.get(s.group.id);
    expect(store?.n).toBe(10 + 5 * 250);
    expect(idsOf(store)).toEqual(s.storedIds());
    expect(store?.streamNames).toEqual(["s"]);
    expect(store?.columns.get("n")?.nums?.[store.n - 1]).toBe(5 * 1000 + 249);
  });

  it("reads from storage when another writer or a rollback touched the group in between", async () => {
    const s = setup();
    const { stores, engine } = startEngine(s.source);
    s.put(0, 5);
    await engine.idle();
    s.put(100, 5);
    s.logs.transaction(() => s.logs.appendEvents(s.group.id, s.stream.id, s.batch(200, 5), T0));
    expect(() =>
      s.logs.transaction(() => {
        s.logs.appendEvents(s.group.id, s.stream.id, s.batch(300, 5), T0);
        throw new Error("rolled back");
      }),
    ).toThrow("rolled back");
    s.put(400, 5);
    await engine.idle();
    expect(idsOf(stores.get(s.group.id))).toEqual(s.storedIds());
    expect(s.storedIds()).toHaveLength(20);
  });

  it("a new engine over events already stored discovers them too, not only the batches that follow", async () => {
    const s = setup();
    s.put(0, 50);
    const { stores, engine } = startEngine(s.source);
    s.put(100, 50);
    s.put(200, 50);
    await engine.idle();
    expect(idsOf(stores.get(s.group.id))).toEqual(s.storedIds());
    expect(stores.get(s.group.id)?.n).toBe(150);
  });
});
