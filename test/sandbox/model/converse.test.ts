import { describe, expect, it } from "vitest";
import { converse, invokeModelBody, resolveInvocationTarget } from "../../../src/sandbox/model/index.js";
import type { InvocationTarget } from "../../../src/sandbox/model/index.js";
import { thrown } from "../thrown.js";

const ACCOUNT = "123456789012";
const claude = resolveInvocationTarget("us-east-1", ACCOUNT, "us.anthropic.claude-haiku-4-5-20251001-v1:0");
const nova = resolveInvocationTarget("us-east-1", ACCOUNT, "us.amazon.nova-micro-v1:0");

const user = (text: string): Record<string, unknown> => ({ role: "user", content: [{ text }] });

function refusal(target: InvocationTarget, input: Record<string, unknown>): string {
  const error = thrown(() => converse(target, input));
  if (error.code !== "ValidationException" || error.status !== 400) throw error;
  return error.message;
}

describe("Converse", () => {
  it("answers in Converse's shape with usage and metrics", () => {
    const response = converse(claude, {
      messages: [user("What is Amazon Bedrock?")],
      inferenceConfig: { maxTokens: 64 },
    });
    expect(Object.keys(response)).toEqual(["output", "stopReason", "usage", "metrics"]);
    expect(response.output.message.role).toBe("assistant");
    expect(response.output.message.content[0]?.text).toMatch(/^Amazon Bedrock/);
    expect(response.stopReason).toBe("max_tokens");
    expect(response.usage).toEqual({ inputTokens: 13, outputTokens: 64, totalTokens: 77 });
    expect(response.metrics.latencyMs).toBeGreaterThan(claude.model.latency.baseMs);
  });

  it("gives the same text as InvokeModel for the same prompt, model and budget", () => {
    const viaConverse = converse(claude, {
      messages: [user("Explain RAG in simple terms.")],
      inferenceConfig: { maxTokens: 100 },
    });
    const viaInvoke = invokeModelBody(
      claude,
      JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 100,
        messages: [{ role: "user", content: "Explain RAG in simple terms." }],
      }),
    );
    const content = viaInvoke.responseBody.content as { text: string }[];
    expect(viaConverse.output.message.content[0]?.text).toBe(content[0]?.text);
  });

  it("defaults maxTokens to the model's limit, so short answers end the turn", () => {
    expect(converse(nova, { messages: [user("What is Amazon Bedrock?")] }).stopReason).toBe("end_turn");
  });

  it("honours system prompts and stop sequences", () => {
    const plain = converse(nova, { messages: [user("hi")] });
    const withSystem = converse(nova, { messages: [user("hi")], system: [{ text: "Be brief." }] });
    expect(withSystem.usage.inputTokens).toBe(plain.usage.inputTokens + 3 + 3);
    const stopped = converse(nova, {
      messages: [user("What is Amazon Bedrock?")],
      inferenceConfig: { stopSequences: ["foundation"] },
    });
    expect(stopped.stopReason).toBe("stop_sequence");
    expect(stopped.output.message.content[0]?.text).not.toContain("foundation");
  });

  it.each([
    [
      "no messages",
      {},
      "A conversation must start with a user message. Try again with a conversation that starts with a user message.",
    ],
    [
      "an assistant first",
      { messages: [{ role: "assistant", content: [{ text: "x" }] }] },
      "A conversation must start with a user message. Try again with a conversation that starts with a user message.",
    ],
    [
      "a system role",
      { messages: [{ role: "system", content: [{ text: "x" }] }] },
      "1 validation error detected: Value 'system' at 'messages.1.member.role' failed to satisfy constraint: Member must satisfy enum value set: [user, assistant]",
    ],
    [
      "empty content",
      { messages: [{ role: "user", content: [] }] },
      "The content field in the Message object at messages.0 is empty. Add a ContentBlock object to the content field and try again.",
    ],
    [
      "blank text",
      { messages: [user("  ")] },
      "The text field in the ContentBlock object at messages.0.content.0 is blank. Add text to the text field, and try again.",
    ],
    [
      "two user turns",
      { messages: [user("a"), user("b")] },
      "A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.",
    ],
    [
      "maxTokens 0",
      { messages: [user("a")], inferenceConfig: { maxTokens: 0 } },
      "1 validation error detected: Value '0' at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must have value greater than or equal to 1",
    ],
    [
      "temperature 2",
      { messages: [user("a")], inferenceConfig: { temperature: 2 } },
      "1 validation error detected: Value '2' at 'inferenceConfig.temperature' failed to satisfy constraint: Member must have value less than or equal to 1",
    ],
    [
      "an empty system text",
      { messages: [user("a")], system: [{ text: "" }] },
      "1 validation error detected: Value '' at 'system.1.member.text' failed to satisfy constraint: Member must have length greater than or equal to 1",
    ],
    [
      "too many tokens for Claude",
      { messages: [user("a")], inferenceConfig: { maxTokens: 64001 } },
      "The model returned the following errors: max_tokens: 64001 > 64000, which is the maximum allowed number of output tokens for claude-haiku-4-5-20251001",
    ],
  ])("refuses %s", (_name, input, message) => {
    expect(refusal(claude, input)).toBe(message);
  });

  it("refuses too many tokens for Nova in Bedrock's words", () => {
    expect(refusal(nova, { messages: [user("a")], inferenceConfig: { maxTokens: 20000 } })).toBe(
      "The maximum tokens you requested exceeds the model limit of 10000. Try again with a maximum tokens value that is lower than 10000.",
    );
  });
});
