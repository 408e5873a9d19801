/**
 * Logs Insights over 1,000,000 realistic invocation records in the sandbox's real SQLite store. Measures, in
 * one run, four queries through the engine's API (StartQuery + GetQueryResults until Complete) against
 * hand-written loops over the same stored columns (the floor), interleaved; plus the one-off load (field
 * discovery) and memory. Targets: each query within 3× of its floor and under 1 s; peak RSS under 1 GiB.
 * BENCH_EVENTS and BENCH_ROUNDS override the size (default 1,000,000) and rounds (default 9).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fmtMs, interleave, median } from "../lib/stats.js";
import type { LogStore } from "../../src/sandbox/insights/data/store.js";
import { createInsightsEngine, type InsightsEngine, type ResultField } from "../../src/sandbox/insights/index.js";
import { openDatabase } from "../../src/sandbox/storage/db.js";
import { EventReads } from "../../src/sandbox/storage/event-reads.js";
import { createInsightsSource } from "../../src/sandbox/storage/insights-source.js";
import { LogsStore } from "../../src/sandbox/storage/logs-store.js";
import {
  callsBySession,
  countByHour,
  countByOperation,
  newestLongAnswers,
  tokensByModel,
  type Rows,
} from "./floors.js";
import { ACCOUNT, createRecords, END_MS, GROUP, REGION, START_MS, STREAM } from "./records.js";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const MiB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function elapsed<T>(fn: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

const dir = mkdtempSync(join(tmpdir(), "genai-lab-insights-bench-"));
try {
  const db = openDatabase(join(dir, "sandbox.db"));
  const logs = new LogsStore(db);
  const group = logs.createGroup(ACCOUNT, REGION, GROUP, START_MS - 86_400_000);
  const stream = logs.ensureStream(group.id, STREAM, START_MS);
  const next = createRecords();
  const insert = elapsed(() => {
    let bytes = 0;
    for (let from = 0; from < EVENTS; from += 10_000) {
      const batch = Array.from({ length: Math.min(10_000, EVENTS - from) }, (_, k) => next(from + k, EVENTS));
      for (const e of batch) bytes += e.message.length;
      logs.transaction(() =>
        logs.appendEvents(group.id, stream.id, batch, (batch[batch.length - 1]?.timestamp ?? 0) + 5000),
      );
    }
    return bytes;
  });
  gc();
  const rssInserted = process.memoryUsage().rss / MiB;
  console.log(
    `store: SQLite (the sandbox's LogsStore), ${EVENTS.toLocaleString("en")} invocation records, ${(insert.value / EVENTS).toFixed(0)} B/record avg, inserted in ${fmtMs(insert.ms)} (RSS after inserting: ${rssInserted.toFixed(0)} MiB)`,
  );

  const source = createInsightsSource(logs, new EventReads(db));
  const stores = new Map<number, LogStore>();
  const engine = createInsightsEngine(source, Date.now, { stores });
  const range = { startTime: Math.floor(START_MS / 1000), endTime: Math.floor(END_MS / 1000) };
  const run = (e: InsightsEngine, query: string): ResultField[][] => {
    const id = e.startQuery(ACCOUNT, REGION, { logGroupName: GROUP, queryString: query, ...range });
    for (;;) {
      const response = e.getQueryResults(ACCOUNT, REGION, id);
      if (response.status === "Complete") return response.results;
      if (response.status !== "Scheduled" && response.status !== "Running") throw new Error(`query ${response.status}`);
    }
  };

  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const load = elapsed(() => run(engine, "stats count(*)"));
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  console.log(
    `load (one-off field discovery through the first query): ${fmtMs(load.ms)} (${((load.ms * 1000) / EVENTS).toFixed(1)} µs/event)`,
  );
  const S = [...stores.values()][0] as LogStore;
  let arrays = 5 * 8 * S.ids.length;
  for (const column of S.columns.values()) arrays += column.codes.byteLength + (column.nums?.byteLength ?? 0);
  console.log(
    `discovered fields held in memory: ${((heapAfter - heapBefore) / MiB).toFixed(0)} MiB of JS heap + ${(arrays / MiB).toFixed(0)} MiB of typed arrays (${((heapAfter - heapBefore + arrays) / EVENTS).toFixed(0)} B/event; RSS now ${(process.memoryUsage().rss / MiB).toFixed(0)} MiB)`,
  );

  const from = START_MS;
  const to = END_MS + 999;
  const cases: [string, string, () => Rows, number][] = [
    ["(a) count by hour", "stats count(*) by bin(1h)", () => countByHour(S, from, to), ROUNDS],
    [
      "(b) tokens by model",
      "stats sum(input.inputTokenCount), sum(output.outputTokenCount) by modelId",
      () => tokensByModel(S, from, to),
      ROUNDS,
    ],
    [
      "(c) filter+sort+limit",
      "filter output.outputTokenCount > 100 | sort @timestamp desc | limit 20",
      () => newestLongAnswers(S, source, from, to),
      ROUNDS,
    ],
    [
      "(d) parse+stats",
      'parse identity.arn "arn:aws:sts::*:assumed-role/*/*" as acct, role, session | stats count(*), sum(input.inputTokenCount) by session',
      () => callsBySession(S, from, to),
      ROUNDS,
    ],
    [
      "(d') parse @message+stats",
      'parse @message /"operation":"(?<op>[A-Za-z]+)"/ | stats count(*) by op',
      () => countByOperation(S, source, from, to),
      3,
    ],
  ];
  console.log(`\nrounds: ${ROUNDS} (interleaved engine/floor; (d') ${3})`);
  console.log(`${"query".padEnd(26)} ${"engine".padStart(11)} ${"floor".padStart(11)}   ratio   < 1 s`);
  let failed = false;
  for (const [name, query, floor, rounds] of cases) {
    const same = JSON.stringify(run(engine, query)) === JSON.stringify(floor());
    if (!same) throw new Error(`${name}: the engine and the floor disagree`);
    const samples = interleave(
      { engine: () => elapsed(() => run(engine, query)).ms, floor: () => elapsed(floor).ms },
      rounds,
    );
    const e = median(samples.engine);
    const f = median(samples.floor);
    const target = !name.startsWith("(d')");
    const ok = e / f <= 3 && e < 1000;
    if (target && !ok) failed = true;
    console.log(
      `${name.padEnd(26)} ${fmtMs(e).padStart(11)} ${fmtMs(f).padStart(11)}   ${(e / f).toFixed(2)}×   ${e < 1000 ? "yes" : "no"}${target ? "" : "   (informational: reads every message)"}`,
    );
  }
  gc();
  const usage = process.memoryUsage();
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(
    `\nmemory: peak RSS ${peak.toFixed(0)} MiB (target < 1024), now RSS ${(usage.rss / MiB).toFixed(0)} MiB, heap ${(usage.heapUsed / MiB).toFixed(0)} MiB`,
  );
  if (peak >= 1024) failed = true;
  db.close();
  if (failed) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
