import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, SandboxStateError } from "../../../src/sandbox/storage/db.js";
import { EventReads } from "../../../src/sandbox/storage/event-reads.js";
import { createInsightsSource } from "../../../src/sandbox/storage/insights-source.js";
import { LogsStore } from "../../../src/sandbox/storage/logs-store.js";
import { MIGRATIONS } from "../../../src/sandbox/storage/migrations.js";

const dir = mkdtempSync(join(tmpdir(), "sandbox-storage-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the database", () => {
  it("migrates a new file to the current schema in WAL mode", () => {
    const db = openDatabase(join(dir, "a", "new.db"));
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("synchronous", { simple: true })).toBe(2);
    db.close();
  });

  it("refuses a database from a newer genai-lab, and a file that is not a database, with a clear error", () => {
    const path = join(dir, "newer.db");
    const db = openDatabase(path);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openDatabase(path)).toThrow(SandboxStateError);
    expect(() => openDatabase(path)).toThrow(/written by a newer genai-lab/);
    const junk = join(dir, "junk.db");
    writeFileSync(junk, "this is not sqlite at all, not even close".repeat(100));
    expect(() => openDatabase(junk)).toThrow(/unreadable or corrupt/);
  });
});

describe("the Insights event source", () => {
  it("finds groups by name or ARN within one account and Region, and streams events in visibility order", () => {
    const db = openDatabase(":memory:");
    const store = new LogsStore(db);
    const source = createInsightsSource(store, new EventReads(db));
    const g = store.createGroup("123456789012", "us-east-1", "/g", 1000);
    store.createGroup("123456789012", "eu-west-1", "/g", 1000);
    const a = store.createStream(g.id, "a", 1000);
    const b = store.createStream(g.id, "b", 1000);
    // Later-visible events may carry earlier timestamps: ids follow visibility, not event time.
    store.putEvents(g.id, a.id, [{ timestamp: 5000, message: "first" }], 6000);
    store.putEvents(
      g.id,
      b.id,
      [
        { timestamp: 1000, message: "second" },
        { timestamp: 2000, message: "third" },
      ],
      7000,
    );

    const ref = source.findLogGroup("123456789012", "us-east-1", "arn:aws:logs:us-east-1:123456789012:log-group:/g:*");
    expect(ref).toEqual({
      id: g.id,
      name: "/g",
      accountId: "123456789012",
      region: "us-east-1",
      arn: "arn:aws:logs:us-east-1:123456789012:log-group:/g",
      createdAt: 1000,
    });
    expect(source.findLogGroup("123456789012", "us-east-1", "/g")?.id).toBe(g.id);
    expect(
      source.findLogGroup("123456789012", "us-east-1", "arn:aws:logs:eu-west-1:123456789012:log-group:/g"),
    ).toBeUndefined();
    expect(source.findLogGroup("999999999999", "us-east-1", "/g")).toBeUndefined();

    const all = [...source.eventsAfter(g.id, 0)];
    expect(all.map((e) => [e.message, e.logStream, e.timestamp, e.ingestionTime])).toEqual([
      ["first", "a", 5000, 6000],
      ["second", "b", 1000, 7000],
      ["third", "b", 2000, 7000],
    ]);
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((x, y) => x - y));
    expect([...source.eventsAfter(g.id, all[0]!.id)].map((e) => e.message)).toEqual(["second", "third"]);
    db.close();
  });

  it("reads lazily in chunks, so the connection stays usable between items and large groups stream", () => {
    const db = openDatabase(":memory:");
    const store = new LogsStore(db);
    const source = createInsightsSource(store, new EventReads(db));
    const g = store.createGroup("123456789012", "us-east-1", "/big", 0);
    const s = store.createStream(g.id, "s", 0);
    store.putEvents(
      g.id,
      s.id,
      Array.from({ length: 12_000 }, (_, i) => ({ timestamp: i, message: `m${i}` })),
      1,
    );
    let n = 0;
    for (const e of source.eventsAfter(g.id, 0)) {
      if (n === 6000) store.putEvents(g.id, s.id, [{ timestamp: 99_999, message: "late" }], 2);
      n += 1;
      expect(e.message).toBeDefined();
    }
    expect(n).toBe(12_001);
    db.close();
  });

  it("reads given events by id in one go (skipping ids that are gone), and lists a Region's groups", () => {
    const db = openDatabase(":memory:");
    const store = new LogsStore(db);
    const source = createInsightsSource(store, new EventReads(db));
    const g = store.createGroup("123456789012", "us-east-1", "/b", 0);
    store.createGroup("123456789012", "us-east-1", "/a", 0);
    store.createGroup("123456789012", "eu-west-1", "/elsewhere", 0);
    const s = store.createStream(g.id, "s", 0);
    store.putEvents(
      g.id,
      s.id,
      Array.from({ length: 10 }, (_, i) => ({ timestamp: i, message: `m${i}` })),
      1,
    );
    const ids = [...source.eventsAfter(g.id, 0)].map((e) => e.id);
    const picked = [...source.eventsByIds!(g.id, [ids[7]!, ids[2]!, 999_999])];
    expect(picked.map((e) => [e.message, e.logStream]).sort()).toEqual([
      ["m2", "s"],
      ["m7", "s"],
    ]);
    expect(source.listLogGroups!("123456789012", "us-east-1").map((ref) => ref.name)).toEqual(["/a", "/b"]);
    db.close();
  });
});
