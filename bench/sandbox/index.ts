/**
 * Sandbox throughput over loopback with the real SDK clients:
 *   PutLogEvents — events/s in batches of 1,000 (file database: WAL + synchronous=FULL, and in memory);
 *   InvokeModel  — round trips/s (HTTP/2, as the Bedrock Runtime client speaks it), sequential and 8 in flight;
 *   streams      — time to first byte and throughput (streaming.ts).
 * Prints the median of several runs. `npm run bench -- sandbox`
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { startSandbox } from "../../src/sandbox/index.js";
import type { RunningSandbox } from "../../src/sandbox/index.js";
import { median } from "../lib/stats.js";
import { streamingBench } from "./streaming.js";

const RUNS = 5;
const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");

async function putLogEvents(sandbox: RunningSandbox): Promise<number> {
  const logs = new CloudWatchLogsClient({
    endpoint: sandbox.endpoint,
    region: "us-east-1",
    credentials: sandbox.credentials,
  });
  await logs.send(new CreateLogGroupCommand({ logGroupName: "/bench" }));
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const stream = `s${run}`;
    await logs.send(new CreateLogStreamCommand({ logGroupName: "/bench", logStreamName: stream }));
    const batches = 20;
    const t0 = performance.now();
    for (let b = 0; b < batches; b += 1) {
      const now = Date.now();
      const logEvents = Array.from({ length: 1000 }, (_, i) => ({
        timestamp: now,
        message: `{"run":${run},"batch":${b},"i":${i},"level":"INFO","msg":"invocation completed in 412 ms"}`,
      }));
      await logs.send(new PutLogEventsCommand({ logGroupName: "/bench", logStreamName: stream, logEvents }));
    }
    rates.push((batches * 1000) / ((performance.now() - t0) / 1000));
  }
  logs.destroy();
  return median(rates);
}

async function invokeModel(sandbox: RunningSandbox, concurrency: number): Promise<number> {
  const runtime = new BedrockRuntimeClient({
    endpoint: sandbox.endpoint,
    region: "us-east-1",
    credentials: sandbox.credentials,
  });
  const body = JSON.stringify({
    anthropic_version: "bedrock-2023-05-31",
    max_tokens: 128,
    messages: [{ role: "user", content: "What is Amazon Bedrock?" }],
  });
  const call = () =>
    runtime.send(new InvokeModelCommand({ modelId: "us.anthropic.claude-sonnet-4-5-20250929-v1:0", body }));
  await call();
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const calls = 200;
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < calls) {
          next += 1;
          await call();
        }
      }),
    );
    rates.push(calls / ((performance.now() - t0) / 1000));
  }
  runtime.destroy();
  return median(rates);
}

const dir = mkdtempSync(join(tmpdir(), "sandbox-bench-"));
try {
  const file = await startSandbox({ port: 0, dbPath: join(dir, "bench.db"), env: {}, deliveryDelayMs: 0 });
  const memory = await startSandbox({ port: 0, dbPath: ":memory:", env: {}, deliveryDelayMs: 0 });
  const putFile = await putLogEvents(file);
  const putMemory = await putLogEvents(memory);
  const invoke1 = await invokeModel(file, 1);
  const invoke8 = await invokeModel(file, 8);
  await file.close();
  await memory.close();
  const streams = await streamingBench();
  process.stdout.write(
    [
      `PutLogEvents, batches of 1,000 (median of ${RUNS} runs × 20 batches)`,
      `  file (WAL, synchronous=FULL): ${fmt(putFile)} events/s`,
      `  in memory:                    ${fmt(putMemory)} events/s   (file/memory = ${(putFile / putMemory).toFixed(2)})`,
      `InvokeModel round trips over HTTP/2 (median of ${RUNS} runs × 200 calls)`,
      `  sequential:   ${fmt(invoke1)} calls/s`,
      `  8 in flight:  ${fmt(invoke8)} calls/s   (×${(invoke8 / invoke1).toFixed(2)})`,
      ...streams,
      "",
    ].join("\n"),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
