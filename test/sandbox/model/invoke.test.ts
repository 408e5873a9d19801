import { describe, expect, it } from "vitest";
import { invokeModelBody, resolveInvocationTarget, textTokens } from "../../../src/sandbox/model/index.js";
import type { InvocationTarget } from "../../../src/sandbox/model/index.js";
import { thrown } from "../thrown.js";

const ACCOUNT = "123456789012";
const claude = resolveInvocationTarget("us-east-1", ACCOUNT, "us.anthropic.claude-3-5-sonnet-20241022-v2:0");
const sonnet45 = resolveInvocationTarget("us-east-1", ACCOUNT, "global.anthropic.claude-sonnet-4-5-20250929-v1:0");
const nova = resolveInvocationTarget("us-east-1", ACCOUNT, "amazon.nova-lite-v1:0");

const SEED_PROMPTS: [string, RegExp][] = [
  ["What is Amazon Bedrock?", /Amazon Bedrock is .*foundation models/],
  ["Explain RAG in simple terms.", /Retrieval Augmented Generation/],
  ["List 3 benefits of serverless computing.", /^Here are 3 benefits of serverless computing:/],
  ["What is prompt engineering?", /Prompt engineering (is|means)/],
  ["How does vector search work?", /Vector search/],
];

function anthropicBody(prompt: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    anthropic_version: "bedrock-2023-05-31",
    max_tokens: 128,
    messages: [{ role: "user", content: prompt }],
    ...extra,
  });
}

function text(body: Record<string, unknown>): string {
  const content = body.content as { type: string; text: string }[];
  return content.map((block) => block.text).join("");
}

function refusal(target: InvocationTarget, body: string): [string, number, string] {
  const error = thrown(() => invokeModelBody(target, body));
  return [error.code, error.status, error.message];
}

describe("Anthropic Messages on Bedrock", () => {
  it.each(SEED_PROMPTS)("answers the seed prompt %j on topic, cut at max_tokens 128", (prompt, topic) => {
    const result = invokeModelBody(claude, anthropicBody(prompt));
    const body = result.responseBody;
    expect(Object.keys(body)).toEqual([
      "id",
      "type",
      "role",
      "model",
      "content",
      "stop_reason",
      "stop_sequence",
      "usage",
    ]);
    expect(body).toMatchObject({
      type: "message",
      role: "assistant",
      model: "claude-3-5-sonnet-20241022",
      stop_sequence: null,
    });
    expect(body.id).toMatch(/^msg_bdrk_01[0-9A-Za-z]{22}$/);
    expect(text(body)).toMatch(topic);
    expect(body.stop_reason).toBe("max_tokens");
    expect(body.usage).toEqual({ input_tokens: result.inputTokens, output_tokens: 128 });
    expect([...text(body)].length).toBeLessThanOrEqual(128 * 4);
    expect(result).toMatchObject({ outputTokens: 128, stopReason: "max_tokens" });
  });

  it("is deterministic: the same body gets the same reply, tokens and latency", () => {
    const first = invokeModelBody(claude, anthropicBody("What is Amazon Bedrock?"));
    const second = invokeModelBody(claude, anthropicBody("What is Amazon Bedrock?"));
    expect(second).toEqual(first);
  });

  it("derives the message id from the request id when given", () => {
    const a = invokeModelBody(claude, anthropicBody("hi"), { requestId: "r-1" }).responseBody.id;
    const b = invokeModelBody(claude, anthropicBody("hi"), { requestId: "r-2" }).responseBody.id;
    expect(a).not.toBe(b);
    expect(invokeModelBody(claude, anthropicBody("hi"), { requestId: "r-1" }).responseBody.id).toBe(a);
  });

  it("ends the turn when the reply fits, counting its tokens by the documented rule", () => {
    const result = invokeModelBody(claude, anthropicBody("What is Amazon Bedrock?", { max_tokens: 4096 }));
    expect(result.stopReason).toBe("end_turn");
    expect(result.outputTokens).toBe(textTokens(text(result.responseBody)));
    expect(result.outputTokens).toBeGreaterThan(128);
  });

  it("counts input tokens as 5 + Σ(2 + ⌈chars/4⌉) + system (3 + ⌈chars/4⌉)", () => {
    expect(invokeModelBody(claude, anthropicBody("What is Amazon Bedrock?")).inputTokens).toBe(13);
    const system = "You are a concise assistant."; // 28 characters → 7 tokens
    expect(invokeModelBody(claude, anthropicBody("What is Amazon Bedrock?", { system })).inputTokens).toBe(13 + 3 + 7);
    const turns = JSON.stringify({
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 50,
      messages: [
        { role: "user", content: [{ type: "text", text: "abcd" }] },
        { role: "assistant", content: "efgh" },
        { role: "user", content: [{ type: "text", text: "What is RAG?" }] },
      ],
    });
    expect(invokeModelBody(claude, turns).inputTokens).toBe(5 + (2 + 1) + (2 + 1) + (2 + 3));
  });

  it("computes latency from the catalog formula", () => {
    const result = invokeModelBody(claude, anthropicBody("What is Amazon Bedrock?"));
    const { baseMs, perInputTokenMs, perOutputTokenMs } = claude.model.latency;
    const floor = baseMs + perInputTokenMs * result.inputTokens + perOutputTokenMs * result.outputTokens;
    expect(result.latencyMs).toBeGreaterThanOrEqual(Math.round(floor));
    expect(result.latencyMs).toBeLessThan(floor + baseMs / 5 + 1);
  });

  it("stops at a stop sequence", () => {
    const result = invokeModelBody(
      claude,
      anthropicBody("What is Amazon Bedrock?", { max_tokens: 4096, stop_sequences: ["\n\n"] }),
    );
    expect(result.responseBody).toMatchObject({ stop_reason: "stop_sequence", stop_sequence: "\n\n" });
    expect(text(result.responseBody)).not.toContain("\n\n");
  });

  it("reports cache counters for Claude 4-generation models", () => {
    const usage = invokeModelBody(sonnet45, anthropicBody("hello")).responseBody.usage;
    expect(usage).toEqual({
      input_tokens: 9,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      output_tokens: expect.any(Number),
    });
    expect(invokeModelBody(sonnet45, anthropicBody("hello")).responseBody.model).toBe("claude-sonnet-4-5-20250929");
  });

  const malformed = (detail: string): string =>
    `Malformed input request: ${detail}, please reformat your input and try again.`;
  it.each([
    [
      "missing max_tokens",
      { anthropic_version: "bedrock-2023-05-31", messages: [{ role: "user", content: "hi" }] },
      malformed("#: required key [max_tokens] not found"),
    ],
    [
      "missing anthropic_version",
      { max_tokens: 10, messages: [{ role: "user", content: "hi" }] },
      malformed("#: required key [anthropic_version] not found"),
    ],
    ["two keys missing", { messages: [{ role: "user", content: "hi" }] }, malformed("2 schema violations found")],
    [
      "an unknown version",
      { anthropic_version: "bedrock-2023-05-32", max_tokens: 10, messages: [] },
      malformed("#/anthropic_version: bedrock-2023-05-32 is not a valid enum value"),
    ],
    [
      "max_tokens as a string",
      { anthropic_version: "bedrock-2023-05-31", max_tokens: "10", messages: [] },
      malformed("#/max_tokens: expected type: Integer, found: String"),
    ],
    [
      "max_tokens 0",
      { anthropic_version: "bedrock-2023-05-31", max_tokens: 0, messages: [] },
      malformed("#/max_tokens: 0 is not greater or equal to 1"),
    ],
    [
      "an OpenAI-style key",
      { anthropic_version: "bedrock-2023-05-31", max_tokens: 10, messages: [], prompt: "x" },
      malformed("#: extraneous key [prompt] is not permitted"),
    ],
    [
      "temperature 1.5",
      { anthropic_version: "bedrock-2023-05-31", max_tokens: 10, messages: [], temperature: 1.5 },
      malformed("#/temperature: 1.5 is not less or equal to 1"),
    ],
    [
      "messages as a string",
      { anthropic_version: "bedrock-2023-05-31", max_tokens: 10, messages: "hi" },
      malformed("#/messages: expected type: JSONArray, found: String"),
    ],
    [
      "no messages",
      { anthropic_version: "bedrock-2023-05-31", max_tokens: 10, messages: [] },
      "messages: at least one message is required",
    ],
    [
      "a system message",
      { anthropic_version: "bedrock-2023-05-31", max_tokens: 10, messages: [{ role: "system", content: "x" }] },
      'messages: Unexpected role "system". The Messages API accepts a top-level `system` parameter, not "system" as an input message role.',
    ],
    [
      "an assistant first",
      { anthropic_version: "bedrock-2023-05-31", max_tokens: 10, messages: [{ role: "assistant", content: "x" }] },
      'messages: first message must use the "user" role',
    ],
    [
      "empty text",
      { anthropic_version: "bedrock-2023-05-31", max_tokens: 10, messages: [{ role: "user", content: "" }] },
      "messages: text content blocks must be non-empty",
    ],
    [
      "no content",
      { anthropic_version: "bedrock-2023-05-31", max_tokens: 10, messages: [{ role: "user", content: [] }] },
      "messages.0: all messages must have non-empty content except for the optional final assistant message",
    ],
    [
      "too many tokens",
      { anthropic_version: "bedrock-2023-05-31", max_tokens: 9000, messages: [{ role: "user", content: "x" }] },
      "max_tokens: 9000 > 8192, which is the maximum allowed number of output tokens for claude-3-5-sonnet-20241022",
    ],
  ])("refuses %s", (_name, body, message) => {
    expect(refusal(claude, JSON.stringify(body))).toEqual(["ValidationException", 400, message]);
  });

  it.each([
    ["not JSON", "hello", malformed("A JSONObject text must begin with '{' at 1 [character 2 line 1]")],
    ["a JSON array", "[1]", malformed("#: expected type: JSONObject, found: JSONArray")],
  ])("refuses a body that is %s", (_name, body, message) => {
    expect(refusal(claude, body)).toEqual(["ValidationException", 400, message]);
  });
});

describe("the composer", () => {
  it("answers exactly as many items as asked", () => {
    const reply = text(
      invokeModelBody(claude, anthropicBody("List 3 benefits of serverless computing.", { max_tokens: 4096 }))
        .responseBody,
    );
    expect(reply.match(/^\d\. /gm)).toEqual(["1. ", "2. ", "3. "]);
    const five = text(
      invokeModelBody(claude, anthropicBody("Give me five tips for prompt engineering", { max_tokens: 4096 }))
        .responseBody,
    );
    expect(five.match(/^\d\. /gm)).toHaveLength(5);
  });

  it("answers Vietnamese prompts in Vietnamese", () => {
    const reply = text(
      invokeModelBody(claude, anthropicBody("Amazon Bedrock là gì?", { max_tokens: 4096 })).responseBody,
    );
    expect(reply).toMatch(/^Amazon Bedrock là /);
    expect(reply).toContain("foundation model");
  });

  it("falls back to a templated answer about the subject", () => {
    const reply = text(
      invokeModelBody(claude, anthropicBody("What is quantum computing?", { max_tokens: 4096 })).responseBody,
    );
    expect(reply).toContain("quantum computing");
    expect(reply).not.toContain("{subject}");
  });

  it("greets briefly", () => {
    const result = invokeModelBody(claude, anthropicBody("Hello!"));
    expect(result.stopReason).toBe("end_turn");
    expect(result.outputTokens).toBeLessThan(30);
  });
});

describe("Amazon Nova bodies", () => {
  const novaBody = (extra: Record<string, unknown> = {}): string =>
    JSON.stringify({
      schemaVersion: "messages-v1",
      messages: [{ role: "user", content: [{ text: "What is Amazon Bedrock?" }] }],
      inferenceConfig: { maxTokens: 128 },
      ...extra,
    });

  it("answers in Nova's shape", () => {
    const result = invokeModelBody(nova, novaBody());
    expect(result.responseBody).toEqual({
      output: { message: { content: [{ text: expect.stringMatching(/^Amazon Bedrock/) }], role: "assistant" } },
      stopReason: "max_tokens",
      usage: {
        inputTokens: 13,
        outputTokens: 128,
        totalTokens: 141,
        cacheReadInputTokenCount: 0,
        cacheWriteInputTokenCount: 0,
      },
    });
  });

  it("accepts the older max_new_tokens name", () => {
    const body = JSON.stringify({
      messages: [{ role: "user", content: [{ text: "hi" }] }],
      inferenceConfig: { max_new_tokens: 5 },
    });
    expect(invokeModelBody(nova, body).outputTokens).toBeLessThanOrEqual(5);
  });

  const malformed = (detail: string): string =>
    `Malformed input request: ${detail}, please reformat your input and try again.`;
  it.each([
    [
      "an Anthropic body",
      JSON.parse(anthropicBody("hi")) as Record<string, unknown>,
      malformed("3 schema violations found"),
    ],
    [
      "content as a string",
      { messages: [{ role: "user", content: "hi" }] },
      malformed("#/messages/0/content: expected type: JSONArray, found: String"),
    ],
    [
      "max_tokens",
      { messages: [{ role: "user", content: [{ text: "hi" }] }], max_tokens: 10 },
      malformed("#: extraneous key [max_tokens] is not permitted"),
    ],
    [
      "an unknown schema",
      { schemaVersion: "v2", messages: [{ role: "user", content: [{ text: "hi" }] }] },
      malformed("#/schemaVersion: v2 is not a valid enum value"),
    ],
    [
      "two user turns",
      {
        messages: [
          { role: "user", content: [{ text: "a" }] },
          { role: "user", content: [{ text: "b" }] },
        ],
      },
      "A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.",
    ],
    [
      "too many tokens",
      { messages: [{ role: "user", content: [{ text: "a" }] }], inferenceConfig: { maxTokens: 10001 } },
      "The maximum tokens you requested exceeds the model limit of 10000. Try again with a maximum tokens value that is lower than 10000.",
    ],
  ])("refuses %s", (_name, body, message) => {
    expect(refusal(nova, JSON.stringify(body))).toEqual(["ValidationException", 400, message]);
  });
});
