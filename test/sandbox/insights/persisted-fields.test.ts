/**
 * Discovered fields kept across restarts (data/persist.ts, storage/fields-cache.ts): a restarted engine reads the
 * saved fields instead of discovering every event again, discovers only what arrived since, and answers as an engine
 * that discovered everything; a file that no longer matches the events (a stream deleted since, a torn write) is
 * not used.
 */
import { existsSync, mkdtempSync, rmSync, truncateSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  createInsightsEngine,
  type InsightsEventSource,
  type StoredLogEvent,
} from "../../../src/sandbox/insights/index.js";
import { openDatabase } from "../../../src/sandbox/storage/db.js";
import { EventReads } from "../../../src/sandbox/storage/event-reads.js";
import { fieldsCache } from "../../../src/sandbox/storage/fields-cache.js";
import { createInsightsSource } from "../../../src/sandbox/storage/insights-source.js";
import { LogsStore } from "../../../src/sandbox/storage/logs-store.js";
import { finish } from "./helpers/cases.js";
import { ACCOUNT, REGION } from "./helpers/fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "insights-fields-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const T0 = 1_700_000_000_000;
const QUERY = {
  logGroupName: "/g",
  queryString: "stats count(*), sum(tokens), count_distinct(requestId) by model, @logStream | sort model, @logStream",
  startTime: T0 / 1000 - 60,
  endTime: T0 / 1000 + 3600,
};

function open(path: string) {
  const db = openDatabase(path);
  const logs = new LogsStore(db);
  const reads = new EventReads(db);
  const inner = createInsightsSource(logs, reads, fieldsCache(db, reads));
  let readBack = 0;
  // Counts the events an engine reads from storage (discovery reads them; saved fields do not need them).
  const source: InsightsEventSource = {
    ...inner,
    eventsAfter: function* (groupId: number, afterId: number, upTo?: number): Iterable<StoredLogEvent> {
      for (const event of inner.eventsAfter(groupId, afterId, upTo)) {
        readBack += 1;
        yield event;
      }
    },
  };
  return { db, logs, source, readBack: () => readBack };
}

const events = (from: number, n: number, model: string) =>
  Array.from({ length: n }, (_, i) => ({
    timestamp: T0 + from + i,
    message: JSON.stringify({ model, tokens: i % 7, requestId: `req-${from + i}`, note: "x".repeat(i % 300) }),
  }));

/** A database with group /g, streams a and b holding `counts` events each, queried once and its fields saved. */
async function saved(path: string, counts: { a: number; b: number }) {
  const first = open(path);
  const group = first.logs.createGroup(ACCOUNT, REGION, "/g", T0 - 1000);
  const a = first.logs.ensureStream(group.id, "a", T0);
  const b = first.logs.ensureStream(group.id, "b", T0);
  first.logs.putEvents(group.id, a.id, events(0, counts.a, "haiku"), T0);
  first.logs.putEvents(group.id, b.id, events(5000, counts.b, "sonnet"), T0);
  const engine = createInsightsEngine(first.source, () => T0);
  const before = await finish(engine, QUERY);
  await engine.persist();
  return { ...first, group, a, before };
}

describe("discovered fields across a restart", () => {
  it("are read back instead of discovered again, and what arrived since is discovered", async () => {
    const path = join(dir, "restart.db");
    // 1,500 request ids: past the dictionary, so they are kept packed.
    const { db, group, a, before } = await saved(path, { a: 1500, b: 300 });
    expect(before.results.length).toBe(2);
    expect(existsSync(`${path}.insights/${group.id}.fields`)).toBe(true);
    db.close();

    const second = open(path);
    const restarted = createInsightsEngine(second.source, () => T0, { background: false });
    expect(await finish(restarted, QUERY)).toEqual(before);
    expect(second.readBack()).toBe(0);

    second.logs.putEvents(group.id, a.id, events(2000, 50, "nova"), T0);
    const after = await finish(restarted, QUERY);
    expect(second.readBack()).toBe(50);
    // An engine that discovers every event itself answers the same.
    const rediscovered = createInsightsEngine({ ...second.source, fields: undefined }, () => T0, { background: false });
    expect(await finish(rediscovered, QUERY)).toEqual(after);
    expect(second.readBack()).toBe(50 + 1850);
    expect(after.results.length).toBe(3);
    second.db.close();
  });

  it("are not used once events they cover are deleted, or when the file is torn", async () => {
    const path = join(dir, "stale.db");
    const { db, logs, group } = await saved(path, { a: 100, b: 100 });
    logs.deleteStream(group.id, "b");
    db.close();

    const second = open(path);
    const restarted = createInsightsEngine(second.source, () => T0, { background: false });
    const rows = (await finish(restarted, QUERY)).results;
    expect(rows.map((r) => r.find((f) => f.field === "model")?.value)).toEqual(["haiku"]);
    expect(second.readBack()).toBe(100);
    second.db.close();

    truncateSync(`${path}.insights/${group.id}.fields`, 1000);
    const third = open(path);
    const again = createInsightsEngine(third.source, () => T0, { background: false });
    expect((await finish(again, QUERY)).results).toEqual(rows);
    expect(third.readBack()).toBe(100);
    third.db.close();
  });
});
