/**
 * A real model behind the sandbox (--model-endpoint): every Bedrock Runtime operation forwarded to an in-process
 * OpenAI-compatible server, translated both ways, labelled, and failing as Bedrock would — never falling back.
 */
import { ConverseCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, describe, expect, it } from "vitest";
import { rejection, sandboxForFile } from "../helpers.js";
import { send } from "../signing.js";
import { anthropicText, CLAUDE, claudeBody, converseStream, invokeStream, NOVA } from "../bedrock/stream-helpers.js";
import { startFakeOpenAi } from "../../fixtures/fake-openai.js";

const fake = await startFakeOpenAi();
afterAll(() => fake.close());
const { sandbox, c } = await sandboxForFile({
  modelEndpoint: fake.url,
  modelMap: "anthropic.*=fake-qwen,*=fake-llama",
  modelTimeoutMs: 400,
});
const BASE = `${fake.url}/v1`;
const lastRequest = () => fake.requests.at(-1)!;

describe("InvokeModel and Converse through a real model", () => {
  it("translates an Anthropic body to a chat completion and the answer back, with the backend's usage", async () => {
    fake.set({ text: "OK", usage: { prompt_tokens: 17, completion_tokens: 1 } });
    const body = JSON.stringify({
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 16,
      system: "Answer in one word.",
      temperature: 0.2,
      top_p: 0.9,
      stop_sequences: ["END"],
      messages: [
        { role: "user", content: "Hello" },
        { role: "assistant", content: [{ type: "text", text: "Hi!" }] },
        { role: "user", content: [{ type: "text", text: "Say OK." }] },
      ],
    });
    const r = await send(sandbox, {
      service: "bedrock",
      path: `/model/${encodeURIComponent(CLAUDE)}/invoke`,
      headers: { "content-type": "application/json" },
      body,
    });
    expect(lastRequest()).toEqual({
      model: "fake-qwen",
      messages: [
        { role: "system", content: "Answer in one word." },
        { role: "user", content: "Hello" },
        { role: "assistant", content: "Hi!" },
        { role: "user", content: "Say OK." },
      ],
      max_tokens: 16,
      temperature: 0.2,
      top_p: 0.9,
      stop: ["END"],
    });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toMatchObject({
      type: "message",
      role: "assistant",
      content: [{ type: "text", text: "OK" }],
      stop_reason: "end_turn",
      usage: { input_tokens: 17, output_tokens: 1 },
    });
    expect(r.headers.get("x-genai-lab-simulated")).toBe("false");
    expect(r.headers.get("x-genai-lab-model-source")).toBe(`real model via ${BASE}`);
    expect(r.headers.get("x-genai-lab-backend-model")).toBe("fake-qwen");
    expect(r.headers.get("x-amzn-bedrock-input-token-count")).toBe("17");
    expect(r.headers.get("x-amzn-bedrock-output-token-count")).toBe("1");
  });

  it.each([
    ["length", undefined, "max_tokens", null],
    ["stop", "END", "stop_sequence", "END"],
    ["stop", undefined, "end_turn", null],
  ])("maps finish_reason %s (stop_reason %s) to %s", async (finishReason, stopReason, expected, sequence) => {
    fake.set({ text: "Some text", finishReason, ...(stopReason ? { stopReason } : {}) });
    const out = await c.runtime.send(
      new InvokeModelCommand({
        modelId: CLAUDE,
        body: JSON.stringify({
          anthropic_version: "bedrock-2023-05-31",
          max_tokens: 5,
          stop_sequences: ["END"],
          messages: [{ role: "user", content: "Go on" }],
        }),
      }),
    );
    expect(JSON.parse(Buffer.from(out.body).toString())).toMatchObject({
      stop_reason: expected,
      stop_sequence: sequence,
    });
  });

  it("answers a Nova body in Nova's shape, and Converse in Converse's, from the mapped model", async () => {
    fake.set({ text: "Vectors are lists of numbers.", usage: { prompt_tokens: 30, completion_tokens: 8 } });
    const nova = await c.runtime.send(
      new InvokeModelCommand({
        modelId: NOVA,
        body: JSON.stringify({
          messages: [{ role: "user", content: [{ text: "What is a vector?" }] }],
          system: [{ text: "Be brief." }],
          inferenceConfig: { maxTokens: 40 },
        }),
      }),
    );
    expect(lastRequest()).toMatchObject({ model: "fake-llama", max_tokens: 40 });
    expect(JSON.parse(Buffer.from(nova.body).toString())).toEqual({
      output: { message: { content: [{ text: "Vectors are lists of numbers." }], role: "assistant" } },
      stopReason: "end_turn",
      usage: {
        inputTokens: 30,
        outputTokens: 8,
        totalTokens: 38,
        cacheReadInputTokenCount: 0,
        cacheWriteInputTokenCount: 0,
      },
    });
    fake.set({ text: "Hi.", firstByteDelayMs: 60, usage: { prompt_tokens: 9, completion_tokens: 2 } });
    const conv = await c.runtime.send(
      new ConverseCommand({ modelId: CLAUDE, messages: [{ role: "user", content: [{ text: "Hello" }] }] }),
    );
    // Converse without maxTokens leaves the limit to the model.
    expect(lastRequest()).not.toHaveProperty("max_tokens");
    expect(conv.usage).toEqual({ inputTokens: 9, outputTokens: 2, totalTokens: 11 });
    expect(conv.metrics?.latencyMs).toBeGreaterThanOrEqual(60);
  });
});

describe("streams through a real model", () => {
  it("turns SSE chunks into event-stream frames as they arrive, with measured first-token latency", async () => {
    fake.set({ pieces: ["Retrieval", " then", " generation", "."], pieceDelayMs: 40, firstByteDelayMs: 50 });
    const r = await invokeStream(c.runtime, CLAUDE, claudeBody("Explain RAG"));
    expect(r.error).toBeUndefined();
    expect(lastRequest()).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    const deltas = r.events.filter(({ event }) => event.type === "content_block_delta");
    expect(deltas.map(({ event }) => (event.delta as { text: string }).text)).toEqual([
      "Retrieval",
      " then",
      " generation",
      ".",
    ]);
    expect(deltas.at(-1)!.at - deltas[0]!.at).toBeGreaterThanOrEqual(100);
    const metrics = r.events.at(-1)!.event["amazon-bedrock-invocationMetrics"] as Record<string, number>;
    expect(metrics).toMatchObject({ inputTokenCount: 21, outputTokenCount: 7 });
    expect(metrics.firstByteLatency).toBeGreaterThanOrEqual(90);
    expect(metrics.invocationLatency).toBeGreaterThanOrEqual(metrics.firstByteLatency! + 100);
    expect(anthropicText(r.events)).toBe("Retrieval then generation.");
  });

  it("streams Converse from a server that sends no usage (the sandbox's estimate fills in)", async () => {
    fake.set({ pieces: ["Hello", " there"], usage: null });
    const r = await converseStream(c.runtime, NOVA, "Hi");
    const metadata = r.events.at(-1)!.event.metadata!;
    expect(metadata.usage?.outputTokens).toBe(3); // ⌈"Hello there".length / 4⌉
    expect(r.events.filter(({ event }) => event.contentBlockDelta).length).toBe(2);
  });

  it("passes on a server that ignores stream: true as one delta", async () => {
    fake.set({ text: "Whole answer.", ignoreStream: true });
    const r = await invokeStream(c.runtime, CLAUDE, claudeBody("Hi"));
    expect(anthropicText(r.events)).toBe("Whole answer.");
    expect(r.error).toBeUndefined();
  });
});

describe("when the model backend fails, the call fails as Bedrock would", () => {
  const invoke = () => c.runtime.send(new InvokeModelCommand({ modelId: CLAUDE, body: claudeBody("Hello") }));

  it.each([
    [429, "ThrottlingException", 429],
    [503, "ServiceUnavailableException", 503],
    [400, "ValidationException", 400],
    [404, "ModelErrorException", 424],
    [500, "ModelErrorException", 424],
  ])("HTTP %s from the backend → %s (%s), naming the backend", async (status, name, httpStatus) => {
    fake.set({ status, errorBody: JSON.stringify({ error: { message: `model "fake-qwen" said ${status}` } }) });
    const e = await rejection(invoke());
    expect(e).toMatchObject({ name, status: httpStatus });
    expect(e.message).toContain(`model "fake-qwen" said ${status}`);
    expect(e.message).toContain(`the model backend at ${BASE}`);
  });

  it("a backend that never answers → ModelTimeoutException (408), not a simulated reply", async () => {
    fake.set({ hang: true });
    const e = await rejection(invoke());
    expect(e).toMatchObject({ name: "ModelTimeoutException", status: 408 });
    expect(e.message).toMatch(/^Model has timed out in processing the request: the model backend sent nothing for/);
  });

  it.each([
    ["stalls", { stallAfter: 2 }, "ModelTimeoutException", "ModelStreamErrorException"],
    ["drops the connection", { dropAfter: 2 }, "ModelStreamErrorException", "ModelStreamErrorException"],
    ["sends an error chunk", { errorChunkAfter: 2 }, "ModelStreamErrorException", "ModelStreamErrorException"],
  ])(
    "a stream that %s mid-way ends with %s (ConverseStream: %s)",
    async (_what, behaviour, invokeName, converseName) => {
      fake.set({ pieces: ["one", " two", " three", " four"], ...behaviour });
      const a = await invokeStream(c.runtime, CLAUDE, claudeBody("Count"));
      expect(a.error?.name).toBe(invokeName);
      expect(a.error?.message).toContain(BASE);
      expect(anthropicText(a.events)).toBe("one two");
      const b = await converseStream(c.runtime, NOVA, "Count");
      expect(b.error?.name).toBe(converseName);
    },
  );
});

describe("a backend that is down", async () => {
  const down = await startFakeOpenAi();
  const url = down.url;
  await down.close();
  const { c: client } = await sandboxForFile({ modelEndpoint: url, modelTimeoutMs: 2000 });

  it("→ ServiceUnavailableException (503) naming the backend, for whole calls and streams alike", async () => {
    const e = await rejection(client.runtime.send(new InvokeModelCommand({ modelId: CLAUDE, body: claudeBody("Hi") })));
    expect(e).toMatchObject({ name: "ServiceUnavailableException", status: 503 });
    expect(e.message).toMatch(/^The model backend is not reachable: ECONNREFUSED/);
    expect(e.message).toContain(`${url}/v1`);
    const s = await rejection(invokeStream(client.runtime, CLAUDE, claudeBody("Hi")));
    expect(s).toMatchObject({ name: "ServiceUnavailableException", status: 503 });
  });
});
