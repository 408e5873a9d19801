/**
 * Field discovery happens once per event, as events arrive: each query pulls only the events that became
 * visible since the last one; a re-created group starts over; JSON is capped at 200 fields; long strings
 * stay in the message and are read back when a query needs them. Plus GetLogRecord through @ptr.
 */
import { describe, expect, it } from "vitest";
import { Column, LAZY, LAZY_MIN_LENGTH } from "../../../src/sandbox/insights/data/column.js";
import { discoverFields } from "../../../src/sandbox/insights/data/discover.js";
import { LogStore } from "../../../src/sandbox/insights/data/store.js";
import { createInsightsEngine, type StartQueryRequest } from "../../../src/sandbox/insights/index.js";
import type { InsightsEventSource } from "../../../src/sandbox/insights/source.js";
import { awsError, finish, pairs } from "./helpers/cases.js";
import { ACCOUNT, BEDROCK_GROUP, DAY, DAY_MS, fixtureSource, REGION } from "./helpers/fixtures.js";
import { MemorySource } from "./helpers/memory-source.js";

const q = (group: string, query: string): StartQueryRequest => ({
  logGroupNames: [group],
  queryString: query,
  ...DAY,
});

/** Wraps a source to record the afterId of every eventsAfter call. */
function spying(source: MemorySource): { source: InsightsEventSource; afterIds: number[] } {
  const afterIds: number[] = [];
  return {
    afterIds,
    source: {
      findLogGroup: (a, r, n) => source.findLogGroup(a, r, n),
      eventsAfter: (groupId, afterId) => {
        afterIds.push(afterId);
        return source.eventsAfter(groupId, afterId);
      },
    },
  };
}

describe("incremental discovery", () => {
  it("a query reads only the events that arrived since the previous query", async () => {
    const memory = new MemorySource();
    memory.createGroup("/inc", DAY_MS);
    memory.put("/inc", [{ timestamp: DAY_MS + 1, message: '{"tokens": 5}' }]);
    const { source, afterIds } = spying(memory);
    const engine = createInsightsEngine(source, () => DAY_MS);
    expect(pairs(await finish(engine, q("/inc", "stats sum(tokens)")))).toEqual([[["sum(tokens)", "5"]]]);
    memory.put("/inc", [{ timestamp: DAY_MS + 2, message: '{"tokens": 7}' }]);
    expect(pairs(await finish(engine, q("/inc", "stats sum(tokens)")))).toEqual([[["sum(tokens)", "12"]]]);
    expect(afterIds).toEqual([0, 1]);
  });

  it("a deleted and re-created group (new id) starts from nothing", async () => {
    const memory = new MemorySource();
    memory.createGroup("/again", DAY_MS);
    memory.put("/again", [{ timestamp: DAY_MS + 1, message: '{"v": 1}' }]);
    const engine = createInsightsEngine(memory, () => DAY_MS);
    expect(pairs(await finish(engine, q("/again", "stats count(*)")))).toEqual([[["count(*)", "1"]]]);
    memory.deleteGroup("/again");
    memory.createGroup("/again", DAY_MS);
    memory.put("/again", [
      { timestamp: DAY_MS + 5, message: '{"v": 2}' },
      { timestamp: DAY_MS + 6, message: '{"v": 3}' },
    ]);
    expect(pairs(await finish(engine, q("/again", "stats count(*), sum(v)")))).toEqual([
      [
        ["count(*)", "2"],
        ["sum(v)", "5"],
      ],
    ]);
  });

  it("discovers at most 200 fields per JSON event, in document order", () => {
    const fields: string[] = [];
    const big = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`f${i}`, i]));
    discoverFields(JSON.stringify(big), false, (name) => fields.push(name));
    expect(fields).toHaveLength(200);
    expect(fields[199]).toBe("f199");
  });

  it("a JSON key starting with @ is discovered with a second @", () => {
    const found: [string, string | number][] = [];
    discoverFields('{"@type":"custom","nested":{"@x":1}}', false, (name, value) => found.push([name, value]));
    expect(found).toEqual([
      ["@@type", "custom"],
      ["nested.@x", 1],
    ]);
  });

  it("plain text and JSON arrays give no fields; booleans become true/false", () => {
    const found: string[] = [];
    discoverFields("just text", false, (n) => found.push(n));
    discoverFields("[1,2]", false, (n) => found.push(n));
    discoverFields('{"ok":true,"bad":false}', false, (n, v) => found.push(`${n}=${v}`));
    expect(found).toEqual(["ok=true", "bad=false"]);
  });

  it("a field with more distinct values than a dictionary holds switches to per-row strings and stays exact", async () => {
    const memory = new MemorySource();
    memory.createGroup("/many", DAY_MS);
    memory.put(
      "/many",
      Array.from({ length: 60_000 }, (_, i) => ({ timestamp: DAY_MS + i, message: `{"id":"r-${i}"}` })),
    );
    const engine = createInsightsEngine(memory, () => DAY_MS);
    expect(pairs(await finish(engine, q("/many", "stats count_distinct(id)")))).toEqual([
      [["count_distinct(id)", "60000"]],
    ]);
    expect(pairs(await finish(engine, q("/many", 'filter id = "r-59999" or id = "r-7" | stats count(*)')))).toEqual([
      [["count(*)", "2"]],
    ]);
  });
});

describe("column storage", () => {
  it("codes take one byte per row until a dictionary grows past 252 values, then widen without losing rows", () => {
    const column = new Column(2000);
    column.setNumber(0, 7);
    for (let row = 1; row < 2000; row++) column.setString(row, `v${row % 300}`);
    expect(column.codes).toBeInstanceOf(Uint16Array);
    expect(column.get(0)).toBe(7);
    expect(column.get(1)).toBe("v1");
    expect(column.get(1999)).toBe(`v${1999 % 300}`);
    expect(new Column(10).codes).toBeInstanceOf(Uint8Array);
  });

  it("whole numbers take 4 bytes; the first fraction or big number widens to doubles, keeping earlier rows", () => {
    const column = new Column(4);
    column.setNumber(0, 128);
    expect(column.nums).toBeInstanceOf(Int32Array);
    column.setNumber(1, 1534.21);
    column.setNumber(2, 1755248710000);
    expect(column.nums).toBeInstanceOf(Float64Array);
    expect([column.get(0), column.get(1), column.get(2), column.get(3)]).toEqual([128, 1534.21, 1755248710000, null]);
  });
});

describe("long strings stay in the message", () => {
  it("a value longer than the threshold is not stored, only marked", () => {
    const column = new Column(4);
    column.setString(0, "short");
    column.setString(1, "x".repeat(LAZY_MIN_LENGTH + 1));
    expect(column.get(0)).toBe("short");
    expect(column.codes[1]).toBe(LAZY);
    expect(column.get(1)).toBeUndefined();
    expect(column.lazyCount).toBe(1);
  });

  it("grouping by a long text reads it back from each message", async () => {
    const memory = new MemorySource();
    memory.createGroup("/long", DAY_MS);
    const a = "a".repeat(300);
    const b = "b".repeat(300);
    memory.put(
      "/long",
      [a, b, a].map((text, i) => ({ timestamp: DAY_MS + i, message: JSON.stringify({ text }) })),
    );
    const engine = createInsightsEngine(memory, () => DAY_MS);
    expect(pairs(await finish(engine, q("/long", "stats count(*) by text")))).toEqual([
      [
        ["text", a],
        ["count(*)", "2"],
      ],
      [
        ["text", b],
        ["count(*)", "1"],
      ],
    ]);
    const store = new LogStore({
      id: 1,
      name: "/long",
      accountId: ACCOUNT,
      region: REGION,
      arn: "",
      createdAt: 0,
    });
    store.refresh(memory);
    expect(store.column("text").lazyCount).toBe(3);
  });
});

describe("GetLogRecord", () => {
  it("returns every field of the record a result's @ptr points at, timestamps in epoch milliseconds", async () => {
    const engine = createInsightsEngine(fixtureSource(), () => DAY_MS);
    const response = await finish(engine, q(BEDROCK_GROUP, "fields requestId | limit 1"));
    const pointer = response.results[0]?.find((f) => f.field === "@ptr")?.value as string;
    const record = engine.getLogRecord(ACCOUNT, REGION, pointer);
    expect(record["@timestamp"]).toBe(String(Date.UTC(2025, 7, 15, 12)));
    expect(record["@ingestionTime"]).toBe(String(Date.UTC(2025, 7, 15, 12, 0, 5)));
    expect(record["@log"]).toBe(`${ACCOUNT}:${BEDROCK_GROUP}`);
    expect(record["@logStream"]).toBe("aws/bedrock/modelinvocations");
    expect(record["input.inputTokenCount"]).toBe("20");
    expect(record["requestMetadata.team"]).toBe("support");
    expect(JSON.parse(record["@message"] as string)).toMatchObject({
      requestId: "0b5a7c3e-1d2f-4a6b-9c8d-000000000008",
    });
  });

  it("a pointer that is not ours is InvalidParameterException; one from another account is ResourceNotFoundException", async () => {
    const engine = createInsightsEngine(fixtureSource(), () => DAY_MS);
    const response = await finish(engine, q(BEDROCK_GROUP, "fields requestId | limit 1"));
    const pointer = response.results[0]?.find((f) => f.field === "@ptr")?.value as string;
    expect(awsError(() => engine.getLogRecord(ACCOUNT, REGION, "bm90IGEgcG9pbnRlcg==")).code).toBe(
      "InvalidParameterException",
    );
    expect(awsError(() => engine.getLogRecord("210987654321", REGION, pointer)).code).toBe("ResourceNotFoundException");
  });
});

describe("messages of result rows", () => {
  function bigGroup(source: MemorySource): void {
    source.createGroup("/msgs", DAY_MS);
    source.put(
      "/msgs",
      Array.from({ length: 20_000 }, (_, i) => ({ timestamp: DAY_MS + i, message: `line ${i}` })),
    );
  }

  it("are read in one forward pass when the source cannot read by id", async () => {
    const memory = new MemorySource();
    bigGroup(memory);
    const engine = createInsightsEngine(memory, () => DAY_MS);
    await finish(engine, q("/msgs", "stats count(*)"));
    const before = memory.calls;
    const response = await finish(engine, q("/msgs", "fields @message | sort @timestamp asc | limit 50"));
    expect(response.results[49]?.[0]).toEqual({ field: "@message", value: "line 49" });
    expect(memory.calls - before).toBe(2);
  });

  it("are read by id when the source offers eventsByIds", async () => {
    const memory = new MemorySource().withEventsByIds();
    bigGroup(memory);
    const engine = createInsightsEngine(memory, () => DAY_MS);
    const response = await finish(engine, q("/msgs", 'filter @message like "99" | sort @timestamp asc | limit 3'));
    expect(pairs(response).map((row) => row[1])).toEqual([
      ["@message", "line 99"],
      ["@message", "line 199"],
      ["@message", "line 299"],
    ]);
    expect(memory.byIdCalls).toBe(1);
  });
});

describe("catching up with many new events", () => {
  it("spreads discovery over many short slices, Running meanwhile, then Complete without being polled", async () => {
    const memory = new MemorySource();
    memory.createGroup("/flood", DAY_MS);
    memory.put(
      "/flood",
      Array.from({ length: 30_000 }, (_, i) => ({ timestamp: DAY_MS + i, message: `{"n":${i}}` })),
    );
    const engine = createInsightsEngine(memory, () => DAY_MS, { sliceMs: 1 });
    const id = engine.startQuery(ACCOUNT, REGION, q("/flood", "stats count(*), max(n)"));
    const statuses = new Set<string>();
    let turns = 0;
    // DescribeQueries only looks (GetQueryResults would lend the query a slice of its own).
    const status = () => engine.describeQueries(ACCOUNT, REGION, {}).queries[0]?.status ?? "";
    while (status() !== "Complete") {
      statuses.add(status());
      turns += 1;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(statuses.has("Running")).toBe(true);
    // 1 ms slices (discovery checks its deadline every 1,024 events): the loop got many turns in between.
    expect(turns).toBeGreaterThan(5);
    expect(pairs(engine.getQueryResults(ACCOUNT, REGION, id))).toEqual([
      [
        ["count(*)", "30000"],
        ["max(n)", "29999"],
      ],
    ]);
  });
});

describe("background discovery", () => {
  it("discovers appended events without a query, so the first query after an ingest reads nothing new", async () => {
    const memory = new MemorySource().withAppendNotices();
    memory.createGroup("/ingest", DAY_MS);
    const stores = new Map<number, LogStore>();
    const engine = createInsightsEngine(memory, () => DAY_MS, { stores });
    memory.put(
      "/ingest",
      Array.from({ length: 5_000 }, (_, i) => ({ timestamp: DAY_MS + i, message: `{"n":${i}}` })),
    );
    await engine.idle();
    expect(stores.get(1)?.n).toBe(5_000);
    expect(stores.get(1)?.columns.has("n")).toBe(true);
    const reads = memory.calls;
    const id = engine.startQuery(ACCOUNT, REGION, q("/ingest", "stats sum(n)"));
    await engine.idle();
    expect(pairs(engine.getQueryResults(ACCOUNT, REGION, id))).toEqual([[["sum(n)", String((4999 * 5000) / 2)]]]);
    // One read to learn that nothing new arrived, not a re-read of the 5,000 events.
    expect(memory.calls - reads).toBe(1);
  });

  it("is off with background: false (a store is only filled by a query)", async () => {
    const memory = new MemorySource().withAppendNotices();
    memory.createGroup("/quiet", DAY_MS);
    const stores = new Map<number, LogStore>();
    const engine = createInsightsEngine(memory, () => DAY_MS, { stores, background: false });
    memory.put("/quiet", [{ timestamp: DAY_MS, message: "{}" }]);
    await engine.idle();
    expect(stores.size).toBe(0);
  });
});
