/** Both streams through the real JS SDK over HTTP: incremental delivery, usage, determinism and mid-stream errors. */
import {
  ConverseCommand,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
} from "@aws-sdk/client-bedrock-runtime";
import type { ConverseStreamOutput } from "@aws-sdk/client-bedrock-runtime";
import { describe, expect, it } from "vitest";
import { textTokens } from "../../../src/sandbox/model/index.js";
import { clients, sandboxForFile, startTestSandbox } from "../helpers.js";
import type { Arrival } from "./stream-helpers.js";
import {
  anthropicText,
  CLAUDE,
  claudeBody,
  converseStream,
  HAIKU,
  invokeStream,
  NOVA,
  novaBody,
} from "./stream-helpers.js";

/** A tenth of real time: Haiku's ~0.4 s to first token and ~1 s overall take ~40 ms and ~100 ms. */
const SCALE = 0.1;
const { sandbox, c } = await sandboxForFile({ streamTimeScale: SCALE });

const PROMPT = "Explain RAG in simple terms.";

describe("InvokeModelWithResponseStream (Anthropic)", () => {
  it("delivers the reply incrementally: first token after the scaled first-byte latency, the rest over time", async () => {
    const r = await invokeStream(c.runtime, HAIKU, claudeBody(PROMPT));
    expect(r.error).toBeUndefined();
    expect(r.contentType).toBe("application/json");
    const deltas = r.events.filter(({ event }) => event.type === "content_block_delta");
    expect(deltas.length).toBeGreaterThan(10);
    const metrics = r.events.at(-1)!.event["amazon-bedrock-invocationMetrics"] as Record<string, number>;
    const first = deltas[0]!.at;
    const last = deltas.at(-1)!.at;
    // Headers come at once (as on Bedrock); the first token only after the simulated time to first token.
    expect(r.headersAt).toBeLessThan(first);
    expect(first).toBeGreaterThanOrEqual(metrics.firstByteLatency! * SCALE * 0.9);
    // The tokens are spread over the generation time, not sent in one burst.
    const span = (metrics.invocationLatency! - metrics.firstByteLatency!) * SCALE;
    expect(last - first).toBeGreaterThanOrEqual(span * 0.6);
    expect(r.events.at(-1)!.at).toBeGreaterThanOrEqual(metrics.invocationLatency! * SCALE * 0.9);
  });

  it("carries the same text, usage and stop reason as InvokeModel, and Bedrock's invocation metrics", async () => {
    const body = claudeBody(PROMPT, 60);
    const r = await invokeStream(c.runtime, CLAUDE, body);
    const whole = JSON.parse(
      Buffer.from((await c.runtime.send(new InvokeModelCommand({ modelId: CLAUDE, body }))).body).toString(),
    ) as { content: { text: string }[]; stop_reason: string; usage: { input_tokens: number; output_tokens: number } };
    expect(anthropicText(r.events)).toBe(whole.content[0]!.text);
    const byType = (type: string) => r.events.find(({ event }) => event.type === type)!.event;
    expect(byType("message_start")).toMatchObject({
      message: { type: "message", role: "assistant", content: [], usage: { input_tokens: whole.usage.input_tokens } },
    });
    expect(byType("message_delta")).toEqual({
      type: "message_delta",
      delta: { stop_reason: "max_tokens", stop_sequence: null },
      usage: { output_tokens: 60 },
    });
    expect(byType("message_stop")).toEqual({
      type: "message_stop",
      "amazon-bedrock-invocationMetrics": {
        inputTokenCount: whole.usage.input_tokens,
        outputTokenCount: 60,
        invocationLatency: expect.any(Number),
        firstByteLatency: expect.any(Number),
        cacheReadInputTokenCount: 0,
        cacheWriteInputTokenCount: 0,
      },
    });
    expect(whole.stop_reason).toBe("max_tokens");
  });
});

describe("InvokeModelWithResponseStream (Amazon Nova)", () => {
  it("streams Nova's chunks with usage and invocation metrics on the last one", async () => {
    const r = await invokeStream(c.runtime, NOVA, novaBody("How does vector search work?"));
    const keys = r.events.map(({ event }) => Object.keys(event)[0]);
    expect(keys[0]).toBe("messageStart");
    expect(keys.slice(-3)).toEqual(["contentBlockStop", "messageStop", "metadata"]);
    const text = r.events
      .map(({ event }) => (event.contentBlockDelta as { delta?: { text: string } } | undefined)?.delta?.text ?? "")
      .join("");
    const last = r.events.at(-1)!.event as {
      metadata: { usage: { inputTokens: number; outputTokens: number } };
      "amazon-bedrock-invocationMetrics": { outputTokenCount: number };
    };
    expect(last.metadata.usage.outputTokens).toBe(textTokens(text));
    expect(last["amazon-bedrock-invocationMetrics"].outputTokenCount).toBe(textTokens(text));
  });
});

describe("ConverseStream", () => {
  it("streams Converse's events with usage and latency in metadata, matching Converse", async () => {
    const r = await converseStream(c.runtime, CLAUDE, PROMPT, 200);
    expect(r.error).toBeUndefined();
    const names = r.events.map(({ event }) => Object.keys(event).find((k) => k !== "$unknown"));
    expect(names[0]).toBe("messageStart");
    expect(names.slice(-3)).toEqual(["contentBlockStop", "messageStop", "metadata"]);
    const text = r.events.map(({ event }) => event.contentBlockDelta?.delta?.text ?? "").join("");
    const whole = await c.runtime.send(
      new ConverseCommand({
        modelId: CLAUDE,
        messages: [{ role: "user", content: [{ text: PROMPT }] }],
        inferenceConfig: { maxTokens: 200 },
      }),
    );
    const wholeText = (whole.output?.message?.content ?? []).map((b) => ("text" in b ? b.text : "")).join("");
    expect(text).toBe(wholeText);
    const metadata = (r.events.at(-1) as Arrival<ConverseStreamOutput>).event.metadata!;
    expect(metadata.usage).toEqual(whole.usage);
    expect(metadata.metrics?.latencyMs).toBe(whole.metrics?.latencyMs);
    expect(r.events.find(({ event }) => event.messageStop)!.event.messageStop!.stopReason).toBe(whole.stopReason);
  });
});

describe("errors in the middle of a stream", () => {
  it.each([
    ["model", "ModelStreamErrorException", "ModelStreamErrorException"],
    ["throttle", "ThrottlingException", "ThrottlingException"],
    ["timeout", "ModelTimeoutException", "ModelStreamErrorException"],
    ["unavailable", "ServiceUnavailableException", "ServiceUnavailableException"],
    ["internal", "InternalServerException", "InternalServerException"],
  ])("stream-error-type=%s: the SDK raises %s (ConverseStream: %s) after some text", async (type, invoke, converse) => {
    sandbox.setFaults(`stream-error=1,stream-error-type=${type}`);
    try {
      const a = await invokeStream(c.runtime, CLAUDE, claudeBody(PROMPT));
      expect(a.error?.name).toBe(invoke);
      expect(anthropicText(a.events).length).toBeGreaterThan(0);
      expect(a.events.some(({ event }) => event.type === "message_stop")).toBe(false);
      const b = await converseStream(c.runtime, NOVA, PROMPT);
      expect(b.error?.name).toBe(converse);
      expect(b.events.filter(({ event }) => event.contentBlockDelta).length).toBe(3);
    } finally {
      sandbox.setFaults("none,iam-delay=0");
    }
  });

  it("fails before the stream starts when a throttle fault strikes (HTTP 429, like Bedrock)", async () => {
    sandbox.setFaults("throttle=1");
    try {
      const error = await c.runtime
        .send(new InvokeModelWithResponseStreamCommand({ modelId: CLAUDE, body: claudeBody("hi") }))
        .then(
          () => undefined,
          (e: unknown) => e as { name: string; $metadata: { httpStatusCode?: number } },
        );
      expect(error?.name).toBe("ThrottlingException");
      expect(error?.$metadata.httpStatusCode).toBe(429);
    } finally {
      sandbox.setFaults("none,iam-delay=0");
    }
  });
});

describe("a client that goes away", () => {
  it("stops the stream; the sandbox keeps serving and closes at once even with a long stream in flight", async () => {
    const slow = await startTestSandbox({ streamTimeScale: 1 });
    const sdk = clients(slow);
    const controller = new AbortController();
    const out = await sdk.runtime.send(
      new InvokeModelWithResponseStreamCommand({ modelId: CLAUDE, body: claudeBody(PROMPT, 2000) }),
      { abortSignal: controller.signal },
    );
    const seen: unknown[] = [];
    await (async () => {
      for await (const part of out.body ?? []) {
        seen.push(part);
        if (seen.length === 3) controller.abort();
      }
    })().catch(() => undefined);
    // The reply is 2,000 tokens long (hundreds of chunks): the abort cut it short.
    expect(seen.length).toBeLessThan(10);
    // Another stream, then close while it is mid-flight (at real speed it would take seconds).
    const again = await sdk.runtime.send(
      new InvokeModelWithResponseStreamCommand({ modelId: CLAUDE, body: claudeBody(PROMPT, 2000) }),
    );
    const iterator = again.body![Symbol.asyncIterator]();
    await iterator.next();
    const closing = performance.now();
    await slow.close();
    expect(performance.now() - closing).toBeLessThan(1500);
    sdk.runtime.destroy();
  });
});
