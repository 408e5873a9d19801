/**
 * Sandbox throughput over loopback:
 *   PutLogEvents — events/s in batches of 1,000, requests signed in advance (put-log-events.ts) so the server is what
 *                  is timed: `genai-lab sandbox` in its own process against the moto server (moto.ts) in one
 *                  interleaved run (target: the sandbox ≥ 5× moto's throughput, issue 17; exits 1 when it is
 *                  missed), with two bounds taking turns with them: the ceiling (ceiling.ts: reads and answers, no
 *                  server is faster through this client) and the bound (bound/index.ts: the sandbox's own front
 *                  door, SigV4, JSON decoding and validation, nothing stored), then in process (file database:
 *                  WAL + synchronous=FULL, and in memory), interleaved;
 *   InvokeModel  — round trips/s (HTTP/2, as the Bedrock Runtime client speaks it), sequential and 8 in flight;
 *   streams      — time to first byte and throughput (streaming.ts).
 * Prints the median of several runs, and the load average before and after. `npm run bench -- sandbox`
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { startSandbox } from "../../src/sandbox/index.js";
import type { RunningSandbox } from "../../src/sandbox/index.js";
import { median } from "../lib/stats.js";
import { machineLoad, reportTargets } from "../lib/targets.js";
import { SANDBOX_DEFAULTS } from "../../src/sandbox/context.js";
import { startCeiling, startPortServer, type ServerProcess } from "./ceiling.js";
import { startMoto, type Moto } from "./moto.js";
import { startSandboxProcess, type SandboxProcess } from "./process.js";
import { BATCHES, BATCH_SIZE, putLogEventsWorkload, type Endpoint } from "./put-log-events.js";
import { streamingBench } from "./streaming.js";

const RUNS = 5;
/** PutLogEvents runs per target: each is short (20,000 events), and the first ones warm the JIT up. */
const PUT_RUNS = 9;
const bin = fileURLToPath(new URL("../../../bin/genai-lab.js", import.meta.url));
const boundServer = fileURLToPath(new URL("./bound/index.js", import.meta.url));
const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");

/**
 * Events/s of PUT_RUNS runs against each target, the targets taking turns run by run, `pauseMs` between two runs (not
 * timed).
 */
async function putLogEvents(targets: Record<string, Endpoint>, pauseMs = 0): Promise<Record<string, number[]>> {
  const workloads = Object.fromEntries(
    await Promise.all(Object.entries(targets).map(async ([name, t]) => [name, await putLogEventsWorkload(t)] as const)),
  );
  const rates: Record<string, number[]> = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
  for (let run = 0; run < PUT_RUNS; run += 1) {
    for (const [name, workload] of Object.entries(workloads)) {
      rates[name]!.push(await workload.run(run));
      if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
  for (const workload of Object.values(workloads)) workload.close();
  return rates;
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
let moto: Moto | undefined;
let standalone: SandboxProcess | undefined;
let ceiling: ServerProcess | undefined;
let bound: ServerProcess | undefined;
try {
  const file = await startSandbox({ port: 0, dbPath: join(dir, "bench.db"), env: {}, deliveryDelayMs: 0 });
  const memory = await startSandbox({ port: 0, dbPath: ":memory:", env: {}, deliveryDelayMs: 0 });
  moto = await startMoto();
  standalone = await startSandboxProcess(bin, join(dir, "standalone"));
  ceiling = await startCeiling();
  bound = await startPortServer([boundServer], {
    accessKeyId: SANDBOX_DEFAULTS.accessKeyId,
    secretAccessKey: SANDBOX_DEFAULTS.secretAccessKey,
  });
  console.log(`before: ${machineLoad()}`);
  // The processes first, with nothing else in this process (the client): the in-process sandboxes index and
  // discover in the background once their own runs pause, which would take turns with the client's event loop.
  // Between their runs, a pause lets that work finish before the other one's run.
  const put = await putLogEvents({
    standalone,
    moto: { endpoint: moto.endpoint, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } },
    bound,
    ceiling,
  });
  await ceiling.stop();
  ceiling = undefined;
  await bound.stop();
  bound = undefined;
  Object.assign(put, await putLogEvents({ file, memory }, 1000));
  await standalone.stop();
  standalone = undefined;
  await moto.stop();
  const motoVersion = moto.version;
  moto = undefined;
  const putFile = median(put.file!);
  const putMemory = median(put.memory!);
  const invoke1 = await invokeModel(file, 1);
  const invoke8 = await invokeModel(file, 8);
  await file.close();
  await memory.close();
  const streams = await streamingBench();
  process.stdout.write(
    [
      `PutLogEvents, batches of ${fmt(BATCH_SIZE)}, signed in advance, one in flight (median of ${PUT_RUNS} runs × ${BATCHES} batches; processes interleaved, then in-process interleaved)`,
      `  in process, file (WAL, synchronous=FULL): ${fmt(putFile)} events/s`,
      `  in process, in memory:                    ${fmt(putMemory)} events/s   (file/memory = ${(putFile / putMemory).toFixed(2)})`,
      `  genai-lab sandbox (own process, file):    ${fmt(median(put.standalone!))} events/s   (runs: ${put.standalone!.map(fmt).join(", ")})`,
      `  moto ${motoVersion} server (own process):      ${fmt(median(put.moto!))} events/s   (runs: ${put.moto!.map(fmt).join(", ")})`,
      `  bound (own process, stores nothing):       ${fmt(median(put.bound!))} events/s   (${(median(put.bound!) / median(put.moto!)).toFixed(2)}× moto: the sandbox's front door, SigV4, JSON and validation alone; the sandbox reaches ${Math.round((100 * median(put.standalone!)) / median(put.bound!))}% of it)`,
      `  ceiling (own process, reads and answers):  ${fmt(median(put.ceiling!))} events/s   (${(median(put.ceiling!) / median(put.moto!)).toFixed(2)}× moto: no server is faster through this client)`,
      `InvokeModel round trips over HTTP/2 (median of ${RUNS} runs × 200 calls)`,
      `  sequential:   ${fmt(invoke1)} calls/s`,
      `  8 in flight:  ${fmt(invoke8)} calls/s   (×${(invoke8 / invoke1).toFixed(2)})`,
      ...streams,
      "",
    ].join("\n"),
  );
  console.log(`after:  ${machineLoad()}`);
  const failed = reportTargets([
    {
      name: "PutLogEvents: genai-lab sandbox",
      samples: put.standalone!,
      base: put.moto!,
      baseName: `the moto ${motoVersion} server`,
      format: (n) => `${fmt(n)}/s`,
      atLeast: 5,
    },
  ]);
  if (failed > 0) process.exitCode = 1;
} finally {
  await moto?.stop();
  await standalone?.stop();
  await ceiling?.stop();
  await bound?.stop();
  rmSync(dir, { recursive: true, force: true });
}
