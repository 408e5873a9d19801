/**
 * Logs Insights over 1,000,000 realistic invocation records in the sandbox's real SQLite store.
 *
 * 1. Ingest: the records go in as PutLogEvents would put them (batches of at most 1 MiB, AWS's limit), with the
 *    event loop turning between batches as it does between requests; the engine discovers fields in the
 *    background meanwhile. Reported: ingest time.
 * 2. The first query after the ingest (StartQuery until Complete): target within 2 s.
 * 3. Warm queries through the engine's API against hand-written loops over the same stored columns (the floors),
 *    interleaved: target within 1.5× of the floor.
 * 4. Peak RSS of the whole run: target ≤ 512 MiB.
 * 5. A cold engine (a restarted sandbox over the same database) answering its first query: it reads the fields the
 *    first engine saved instead of discovering every event again; target within 2 s too.
 * BENCH_EVENTS and BENCH_ROUNDS override the size (default 1,000,000) and rounds (default 9).
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setImmediate as turn } from "node:timers/promises";
import { fmtMs, median } from "../lib/stats.js";
import type { LogStore } from "../../src/sandbox/insights/data/store.js";
import { createInsightsEngine, type InsightsEngine, type ResultField } from "../../src/sandbox/insights/index.js";
import { openDatabase } from "../../src/sandbox/storage/db.js";
import { EventReads } from "../../src/sandbox/storage/event-reads.js";
import { fieldsCache } from "../../src/sandbox/storage/fields-cache.js";
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
/** PutLogEvents takes at most 1,048,576 bytes (messages plus 26 bytes each) per call. */
const BATCH_BYTES = 1_048_576;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const now = (): number => performance.now();

const dir = mkdtempSync(join(tmpdir(), "genai-lab-insights-bench-"));
let failed = false;
try {
  const db = openDatabase(join(dir, "sandbox.db"));
  const logs = new LogsStore(db);
  const reads = new EventReads(db);
  const source = createInsightsSource(logs, reads, fieldsCache(db, reads));
  const stores = new Map<number, LogStore>();
  const engine = createInsightsEngine(source, Date.now, { stores });
  const group = logs.createGroup(ACCOUNT, REGION, GROUP, START_MS - 86_400_000);
  const stream = logs.ensureStream(group.id, STREAM, START_MS);
  const next = createRecords();

  const ingestStart = now();
  let bytes = 0;
  let batches = 0;
  let batch: { timestamp: number; message: string }[] = [];
  let batchBytes = 0;
  const flush = async (): Promise<void> => {
    const last = batch[batch.length - 1];
    if (last === undefined) return;
    logs.putEvents(group.id, stream.id, batch, last.timestamp + 5000);
    batches += 1;
    batch = [];
    batchBytes = 0;
    await turn();
  };
  for (let i = 0; i < EVENTS; i++) {
    const record = next(i, EVENTS);
    const size = Buffer.byteLength(record.message) + 26;
    if (batchBytes + size > BATCH_BYTES) await flush();
    batch.push(record);
    batchBytes += size;
    bytes += record.message.length;
  }
  await flush();
  const ingestMs = now() - ingestStart;
  console.log(
    `ingest: ${EVENTS.toLocaleString("en")} invocation records (${(bytes / EVENTS).toFixed(0)} B avg) in ${batches} PutLogEvents-sized batches, ${fmtMs(ingestMs)} (${((EVENTS / ingestMs) * 1000).toFixed(0)} events/s), fields discovered in the background meanwhile`,
  );

  const range = { startTime: Math.floor(START_MS / 1000), endTime: Math.floor(END_MS / 1000) };
  const run = async (e: InsightsEngine, query: string): Promise<ResultField[][]> => {
    const id = e.startQuery(ACCOUNT, REGION, { logGroupName: GROUP, queryString: query, ...range });
    for (;;) {
      const response = e.getQueryResults(ACCOUNT, REGION, id);
      if (response.status === "Complete") return response.results;
      if (response.status !== "Scheduled" && response.status !== "Running") throw new Error(`query ${response.status}`);
      await turn();
    }
  };
  const timed = async (e: InsightsEngine, query: string): Promise<number> => {
    const started = now();
    await run(e, query);
    return now() - started;
  };

  const firstQuery = "stats sum(input.inputTokenCount), sum(output.outputTokenCount) by modelId";
  const firstMs = await timed(engine, firstQuery);
  const firstOk = firstMs <= 2000;
  if (!firstOk) failed = true;
  console.log(
    `first query after the ingest (${firstQuery}): ${fmtMs(firstMs)}   target ≤ 2000 ms: ${firstOk ? "yes" : "NO"}`,
  );

  // In a function of its own, so that its references to the store end before the cold-engine part.
  const warm = async (S: LogStore): Promise<void> => {
    let arrays = 8 * 3 * S.ids.length + 4 * 2 * S.ids.length;
    for (const column of S.columns.values())
      arrays += column.codes.byteLength + (column.nums?.byteLength ?? 0) + (column.raw?.byteLength ?? 0);
    gc();
    console.log(
      `discovered fields: ${S.columns.size} columns, ${(arrays / MiB).toFixed(0)} MiB of typed arrays; JS heap ${(process.memoryUsage().heapUsed / MiB).toFixed(0)} MiB; RSS ${(process.memoryUsage().rss / MiB).toFixed(0)} MiB`,
    );

    const from = START_MS;
    const to = END_MS + 999;
    const cases: [string, string, () => Rows, number, boolean][] = [
      ["(a) count by hour", "stats count(*) by bin(1h)", () => countByHour(S, from, to), ROUNDS, true],
      ["(b) tokens by model", firstQuery, () => tokensByModel(S, from, to), ROUNDS, true],
      [
        "(c) filter+sort+limit",
        "filter output.outputTokenCount > 100 | sort @timestamp desc | limit 20",
        () => newestLongAnswers(S, source, from, to),
        ROUNDS,
        true,
      ],
      [
        "(d) parse+stats",
        'parse identity.arn "arn:aws:sts::*:assumed-role/*/*" as acct, role, session | stats count(*), sum(input.inputTokenCount) by session',
        () => callsBySession(S, from, to),
        ROUNDS,
        true,
      ],
      [
        "(d') parse @message+stats",
        'parse @message /"operation":"(?<op>[A-Za-z]+)"/ | stats count(*) by op',
        () => countByOperation(S, source, from, to),
        3,
        false,
      ],
    ];
    console.log(`\nwarm queries, medians of interleaved rounds (engine, floor, engine, floor, …)`);
    console.log(`${"query".padEnd(26)} ${"engine".padStart(11)} ${"floor".padStart(11)}   ratio   ≤ 1.5×`);
    for (const [name, query, floor, rounds, target] of cases) {
      const same = JSON.stringify(await run(engine, query)) === JSON.stringify(floor());
      if (!same) throw new Error(`${name}: the engine and the floor disagree`);
      const engineMs: number[] = [];
      const floorMs: number[] = [];
      for (let r = 0; r < rounds; r++) {
        engineMs.push(await timed(engine, query));
        const started = now();
        floor();
        floorMs.push(now() - started);
      }
      const e = median(engineMs);
      const f = median(floorMs);
      const rssNow = process.memoryUsage().rss / MiB;
      const ok = e / f <= 1.5;
      if (target && !ok) failed = true;
      console.log(
        `${name.padEnd(26)} ${fmtMs(e).padStart(11)} ${fmtMs(f).padStart(11)}   ${(e / f).toFixed(2)}×   ${ok ? "yes" : "no"}   (RSS ${rssNow.toFixed(0)} MiB, peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)})${target ? "" : "   informational: RE2 over every message vs V8's backtracking RegExp"}`,
      );
    }
  };
  await warm([...stores.values()][0] as LogStore);

  const peak = process.resourceUsage().maxRSS / 1024;
  const peakOk = peak <= 512;
  if (!peakOk) failed = true;
  console.log(`\nmemory: peak RSS ${peak.toFixed(0)} MiB   target ≤ 512 MiB: ${peakOk ? "yes" : "NO"}`);

  // The sandbox saves discovered fields by itself once discovery pauses (during the warm queries here); persist()
  // waits for that save, or makes it.
  const saveStart = now();
  await engine.persist();
  const saveMs = now() - saveStart;
  const savedBytes = statSync(join(dir, "sandbox.db.insights", `${group.id}.fields`)).size;
  stores.clear();
  gc();
  const cold = createInsightsEngine(source, Date.now, { background: false });
  const coldMs = await timed(cold, firstQuery);
  const coldOk = coldMs <= 2000;
  if (!coldOk) failed = true;
  console.log(
    `restarted: a cold engine over this database (a restarted sandbox) reads the saved fields (${(savedBytes / MiB).toFixed(0)} MiB; waited ${fmtMs(saveMs)} for the save) and answers the same first query in ${fmtMs(coldMs)}   target ≤ 2000 ms: ${coldOk ? "yes" : "NO"}   (peak RSS now ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB: both engines' arrays in this one process)`,
  );
  await engine.idle();
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;
