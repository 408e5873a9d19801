/**
 * Streaming through the sandbox, as a client sees it (the real JS SDK over HTTP/2):
 *   time to first byte — from send() to the first text delta the caller can print;
 *   throughput — text deltas and output tokens per second while the reply streams.
 * Three cases: the simulated model on its real-time timeline (what a learner sees), the simulated model unpaced
 * (the sandbox's own ceiling), and a real model behind --model-endpoint (an in-process OpenAI-compatible server that
 * streams instantly), whose time to first byte is the translation overhead.
 */
import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import { startSandbox } from "../../src/sandbox/index.js";
import type { RunningSandbox } from "../../src/sandbox/index.js";
import { startFakeOpenAi } from "../../test/fixtures/fake-openai.js";
import { median } from "../lib/stats.js";

const MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
const body = (maxTokens: number) =>
  JSON.stringify({
    anthropic_version: "bedrock-2023-05-31",
    max_tokens: maxTokens,
    messages: [{ role: "user", content: "Explain RAG in simple terms." }],
  });

export interface StreamRun {
  /** ms from send() to the first text delta. */
  ttfb: number;
  /** ms from the first to the last text delta. */
  span: number;
  deltas: number;
  outputTokens: number;
  /** What the stream itself reported (amazon-bedrock-invocationMetrics.firstByteLatency). */
  reportedFirstByte: number;
}

async function streamOnce(client: BedrockRuntimeClient, maxTokens: number): Promise<StreamRun> {
  const t0 = performance.now();
  const out = await client.send(new InvokeModelWithResponseStreamCommand({ modelId: MODEL, body: body(maxTokens) }));
  let first = 0;
  let last = 0;
  let deltas = 0;
  let metrics: Record<string, number> = {};
  for await (const part of out.body ?? []) {
    const chunk = JSON.parse(new TextDecoder().decode(part.chunk?.bytes)) as Record<string, unknown>;
    if (chunk.type === "content_block_delta") {
      const now = performance.now() - t0;
      if (deltas === 0) first = now;
      last = now;
      deltas += 1;
    }
    if (chunk.type === "message_stop") metrics = chunk["amazon-bedrock-invocationMetrics"] as Record<string, number>;
  }
  return {
    ttfb: first,
    span: last - first,
    deltas,
    outputTokens: metrics.outputTokenCount ?? 0,
    reportedFirstByte: metrics.firstByteLatency ?? 0,
  };
}

export interface StreamFigures {
  ttfbMs: number;
  reportedFirstByteMs: number;
  deltasPerSecond: number;
  tokensPerSecond: number;
  /** Whole streams per second, `concurrency` at a time. */
  streamsPerSecond: number;
}

async function measure(sandbox: RunningSandbox, runs: number, concurrency: number, maxTokens: number) {
  const client = new BedrockRuntimeClient({
    endpoint: sandbox.endpoint,
    region: "us-east-1",
    credentials: sandbox.credentials,
  });
  await streamOnce(client, maxTokens);
  const results: StreamRun[] = [];
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < runs) {
        next += 1;
        results.push(await streamOnce(client, maxTokens));
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  client.destroy();
  return {
    ttfbMs: median(results.map((r) => r.ttfb)),
    reportedFirstByteMs: median(results.map((r) => r.reportedFirstByte)),
    deltasPerSecond: median(results.map((r) => (r.deltas - 1) / Math.max(r.span / 1000, 1e-6))),
    // Streaming speed once text flows: tokens after the first delta over the time they took.
    tokensPerSecond: median(
      results.map((r) => (r.outputTokens * (r.deltas - 1)) / Math.max(r.deltas, 1) / Math.max(r.span / 1000, 1e-6)),
    ),
    streamsPerSecond: results.length / elapsed,
  } satisfies StreamFigures;
}

export async function streamingBench(): Promise<string[]> {
  const paced = await startSandbox({ port: 0, env: {}, streamTimeScale: 1 });
  const realTime = await measure(paced, 5, 1, 200);
  await paced.close();
  const unpaced = await startSandbox({ port: 0, env: {}, streamTimeScale: 0 });
  const fast1 = await measure(unpaced, 100, 1, 400);
  const fast8 = await measure(unpaced, 200, 8, 400);
  await unpaced.close();
  const fake = await startFakeOpenAi();
  fake.set({
    pieces: Array.from({ length: 200 }, (_, i) => ` word${i}`),
    usage: { prompt_tokens: 12, completion_tokens: 200 },
  });
  const backed = await startSandbox({ port: 0, env: {}, modelEndpoint: fake.url, modelMap: "*=bench" });
  const real = await measure(backed, 50, 1, 400);
  await backed.close();
  await fake.close();
  const n = (x: number) => Math.round(x).toLocaleString("en-US");
  return [
    "Streams (InvokeModelWithResponseStream, JS SDK over HTTP/2; medians)",
    `  simulated, real time (5 runs):  TTFB ${n(realTime.ttfbMs)} ms (the model's simulated ${n(realTime.reportedFirstByteMs)} ms + ` +
      `${n(realTime.ttfbMs - realTime.reportedFirstByteMs)} ms), then ${n(realTime.tokensPerSecond)} output tokens/s`,
    `  simulated, unpaced (100 runs): TTFB ${fast1.ttfbMs.toFixed(1)} ms, ${n(fast1.deltasPerSecond)} deltas/s, ` +
      `${n(fast1.streamsPerSecond)} streams/s; 8 in flight: ${n(fast8.streamsPerSecond)} streams/s`,
    `  real model (fake OpenAI server, 200 SSE chunks, 50 runs): TTFB ${real.ttfbMs.toFixed(1)} ms, ` +
      `${n(real.deltasPerSecond)} deltas/s, ${n(real.streamsPerSecond)} streams/s`,
  ];
}
