import { ConverseCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { describe, expect, it } from "vitest";
import { rejection, sandboxForFile } from "../helpers.js";
import { send } from "../signing.js";

const { sandbox, c } = await sandboxForFile();

const body = (prompt: string, max = 128) =>
  JSON.stringify({
    anthropic_version: "bedrock-2023-05-31",
    max_tokens: max,
    messages: [{ role: "user", content: prompt }],
  });

describe("InvokeModel", () => {
  it("refuses the seed's bare model id with the on-demand ValidationException (U+2019)", async () => {
    const e = await rejection(
      c.runtime.send(
        new InvokeModelCommand({ modelId: "anthropic.claude-3-5-sonnet-20241022-v2:0", body: body("hi") }),
      ),
    );
    expect(e).toEqual({
      name: "ValidationException",
      message:
        "Invocation of model ID anthropic.claude-3-5-sonnet-20241022-v2:0 with on-demand throughput isn\u2019t supported. Retry your request with the ID or ARN of an inference profile that contains this model.",
      status: 400,
    });
  });

  it("answers through the us. profile with an Anthropic body, deterministically, and honours max_tokens", async () => {
    const call = () =>
      c.runtime.send(
        new InvokeModelCommand({
          modelId: "us.anthropic.claude-3-5-sonnet-20241022-v2:0",
          contentType: "application/json",
          accept: "application/json",
          body: body("What is Amazon Bedrock?", 16),
        }),
      );
    const a = JSON.parse(Buffer.from((await call()).body).toString()) as {
      type: string;
      content: { text: string }[];
      stop_reason: string;
      usage: { input_tokens: number; output_tokens: number };
    };
    const b = JSON.parse(Buffer.from((await call()).body).toString()) as typeof a;
    expect(a).toMatchObject({
      type: "message",
      role: "assistant",
      stop_reason: "max_tokens",
      usage: { output_tokens: 16 },
    });
    expect(a.content[0]!.text).toBe(b.content[0]!.text);
  });

  it("sends the latency and token-count headers, and labels the reply as simulated", async () => {
    const r = await send(sandbox, {
      service: "bedrock",
      path: "/model/us.anthropic.claude-3-5-sonnet-20241022-v2%3A0/invoke",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: body("Explain RAG in simple terms."),
    });
    expect(r.status).toBe(200);
    const reply = JSON.parse(r.text) as { usage: { input_tokens: number; output_tokens: number } };
    expect(Number(r.headers.get("x-amzn-bedrock-invocation-latency"))).toBeGreaterThan(0);
    expect(Number(r.headers.get("x-amzn-bedrock-input-token-count"))).toBe(reply.usage.input_tokens);
    expect(Number(r.headers.get("x-amzn-bedrock-output-token-count"))).toBe(reply.usage.output_tokens);
    expect(r.headers.get("x-genai-lab-simulated")).toBe("true");
    expect(r.headers.get("content-type")).toBe("application/json");
  });

  it("answers an Amazon Nova body", async () => {
    const nova = JSON.stringify({
      schemaVersion: "messages-v1",
      messages: [{ role: "user", content: [{ text: "How does vector search work?" }] }],
      inferenceConfig: { maxTokens: 50 },
    });
    const r = await c.runtime.send(new InvokeModelCommand({ modelId: "us.amazon.nova-lite-v1:0", body: nova }));
    const reply = JSON.parse(Buffer.from(r.body).toString()) as {
      output: { message: { content: { text: string }[] } };
      usage: { outputTokens: number };
    };
    expect(reply.output.message.content[0]!.text.length).toBeGreaterThan(0);
  });

  it("rejects bad bodies and unknown ids with Bedrock's errors, a stream's before it starts", async () => {
    expect(
      (
        await rejection(
          c.runtime.send(
            new InvokeModelCommand({ modelId: "us.anthropic.claude-3-5-sonnet-20241022-v2:0", body: "{not json" }),
          ),
        )
      ).name,
    ).toBe("ValidationException");
    expect(
      await rejection(c.runtime.send(new InvokeModelCommand({ modelId: "acme.nothing-v1:0", body: body("x") }))),
    ).toEqual({
      name: "ValidationException",
      message: "The provided model identifier is invalid.",
      status: 400,
    });
    const stream = await send(sandbox, {
      service: "bedrock",
      path: "/model/us.amazon.nova-lite-v1%3A0/converse-stream",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(stream.status).toBe(400);
    expect(stream.headers.get("x-amzn-errortype")).toBe("ValidationException");
  });

  it("refuses Legacy models with the real ResourceNotFoundException when that fault is on", async () => {
    sandbox.setFaults("legacy");
    try {
      const e = await rejection(
        c.runtime.send(
          new InvokeModelCommand({ modelId: "us.anthropic.claude-3-5-sonnet-20241022-v2:0", body: body("x") }),
        ),
      );
      expect(e).toMatchObject({ name: "ResourceNotFoundException", status: 404 });
      expect(e.message).toMatch(/^Access denied\. This Model is marked by provider as Legacy/);
      await expect(
        c.runtime.send(
          new InvokeModelCommand({ modelId: "us.anthropic.claude-sonnet-4-5-20250929-v1:0", body: body("x") }),
        ),
      ).resolves.toBeDefined();
    } finally {
      sandbox.setFaults("legacy=off");
    }
  });
});

describe("Converse", () => {
  it("returns usage and metrics, and validates like Converse", async () => {
    const r = await c.runtime.send(
      new ConverseCommand({
        modelId: "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
        messages: [{ role: "user", content: [{ text: "What is prompt engineering?" }] }],
        inferenceConfig: { maxTokens: 32 },
      }),
    );
    expect(r.output?.message?.role).toBe("assistant");
    expect(r.usage).toMatchObject({ totalTokens: r.usage!.inputTokens! + r.usage!.outputTokens! });
    expect(r.stopReason).toBeDefined();
    const e = await rejection(
      c.runtime.send(new ConverseCommand({ modelId: "us.amazon.nova-lite-v1:0", messages: [] })),
    );
    expect(e.name).toBe("ValidationException");
  });
});
