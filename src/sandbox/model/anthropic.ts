/**
 * InvokeModel with an Anthropic Claude Messages body, as Bedrock takes it (`anthropic_version: "bedrock-2023-05-31"`,
 * `max_tokens`, `messages`, optional `system`, `stop_sequences`, `temperature`, `top_p`, `top_k`, …) and answers it
 * (`{id: "msg_bdrk_…", type: "message", role, model, content: [{type: "text", text}], stop_reason, stop_sequence, usage}`).
 */
import { generate } from "./generate.js";
import type { Generation, GenerationMessage, GenerationRequest } from "./generate.js";
import { base62Id, fnv1a } from "./hash.js";
import { isObject, modelValidation, Violations } from "./malformed.js";
import type { Json, JsonObject } from "./malformed.js";
import type { InvocationTarget, InvokeResult, ModelSpec } from "./types.js";

export const ANTHROPIC_VERSION = "bedrock-2023-05-31";

const ALLOWED_KEYS = [
  "anthropic_version",
  "anthropic_beta",
  "max_tokens",
  "messages",
  "system",
  "stop_sequences",
  "temperature",
  "top_p",
  "top_k",
  "tools",
  "tool_choice",
  "metadata",
  "thinking",
] as const;
const BLOCK_TYPES = ["text", "image", "document", "tool_use", "tool_result"];

/** Bedrock's schema checks: keys, types, ranges. */
function checkSchema(body: JsonObject): void {
  const violations = new Violations();
  violations.required(body, "#", ["anthropic_version", "max_tokens", "messages"]);
  violations.allowedKeys(body, "#", ALLOWED_KEYS);
  if (violations.type(body.anthropic_version, "#/anthropic_version", "String")) {
    violations.oneOf(body.anthropic_version, "#/anthropic_version", [ANTHROPIC_VERSION]);
  }
  if (violations.type(body.max_tokens, "#/max_tokens", "Integer"))
    violations.range(body.max_tokens, "#/max_tokens", 1, undefined);
  violations.type(body.messages, "#/messages", "JSONArray");
  if (body.system !== undefined && typeof body.system !== "string")
    violations.type(body.system, "#/system", "JSONArray");
  if (violations.type(body.temperature, "#/temperature", "Number"))
    violations.range(body.temperature, "#/temperature", 0, 1);
  if (violations.type(body.top_p, "#/top_p", "Number")) violations.range(body.top_p, "#/top_p", 0, 1);
  if (violations.type(body.top_k, "#/top_k", "Integer")) violations.range(body.top_k, "#/top_k", 0, undefined);
  if (violations.type(body.stop_sequences, "#/stop_sequences", "JSONArray") && Array.isArray(body.stop_sequences)) {
    body.stop_sequences.forEach((item, i) => violations.type(item, `#/stop_sequences/${i}`, "String"));
  }
  violations.throwIfAny();
}

/** The Messages API's own checks, in Anthropic's words (first problem wins). */
function checkMessages(messages: Json[]): GenerationMessage[] {
  if (messages.length === 0) throw modelValidation("messages: at least one message is required");
  return messages.map((message, i): GenerationMessage => {
    if (!isObject(message)) throw modelValidation(`messages.${i}: Input should be a valid dictionary`);
    if (message.role === undefined) throw modelValidation(`messages.${i}.role: Field required`);
    if (message.role === "system") {
      throw modelValidation(
        'messages: Unexpected role "system". The Messages API accepts a top-level `system` parameter, not "system" as an input message role.',
      );
    }
    if (message.role !== "user" && message.role !== "assistant") {
      throw modelValidation(`messages.${i}.role: Input should be 'user' or 'assistant'`);
    }
    if (i === 0 && message.role !== "user") throw modelValidation('messages: first message must use the "user" role');
    const content = message.content;
    if (content === undefined) throw modelValidation(`messages.${i}.content: Field required`);
    const blocks: Json[] =
      typeof content === "string" ? [{ type: "text", text: content }] : Array.isArray(content) ? content : [];
    if (typeof content !== "string" && !Array.isArray(content)) {
      throw modelValidation(`messages.${i}.content: Input should be a valid list`);
    }
    const isFinalAssistant = i === messages.length - 1 && message.role === "assistant";
    if (blocks.length === 0 && !isFinalAssistant) {
      throw modelValidation(
        `messages.${i}: all messages must have non-empty content except for the optional final assistant message`,
      );
    }
    const texts: string[] = [];
    blocks.forEach((block, j) => {
      const type = isObject(block) ? block.type : undefined;
      if (typeof type !== "string" || !BLOCK_TYPES.includes(type)) {
        throw modelValidation(
          `messages.${i}.content.${j}.type: Input tag '${String(type)}' found using 'type' does not match any of the ` +
            `expected tags: ${BLOCK_TYPES.map((name) => `'${name}'`).join(", ")}`,
        );
      }
      if (type === "text" && isObject(block)) {
        if (typeof block.text !== "string" || block.text.trim().length === 0) {
          throw modelValidation("messages: text content blocks must be non-empty");
        }
        texts.push(block.text);
      }
    });
    return { role: message.role, content: blocks, text: texts.join("\n") };
  });
}

function systemText(system: Json | undefined): string | undefined {
  if (typeof system === "string") return system;
  if (!Array.isArray(system)) return undefined;
  return system.map((block) => (isObject(block) && typeof block.text === "string" ? block.text : "")).join("\n");
}

/** The body's checks, then the request the model sees. Throws ValidationException in Bedrock's or Anthropic's words. */
export function parseAnthropic(target: InvocationTarget, body: JsonObject): GenerationRequest {
  checkSchema(body);
  const messages = checkMessages(body.messages as Json[]);
  const maxTokens = body.max_tokens as number;
  const model = target.model;
  if (maxTokens > model.maxOutputTokens) {
    throw modelValidation(
      `max_tokens: ${maxTokens} > ${model.maxOutputTokens}, which is the maximum allowed number of output tokens for ${model.vendorModelName}`,
    );
  }
  return {
    model,
    messages,
    system: systemText(body.system),
    maxTokens,
    stopSequences: Array.isArray(body.stop_sequences) ? (body.stop_sequences as string[]) : [],
    ...(typeof body.temperature === "number" ? { temperature: body.temperature } : {}),
    ...(typeof body.top_p === "number" ? { topP: body.top_p } : {}),
  };
}

/** `msg_bdrk_01…`: unique per request when a request id seeds it, else derived from the body. */
export function anthropicMessageId(idSeed: string): string {
  return `msg_bdrk_01${base62Id(idSeed, 22)}`;
}

/** Claude 4-generation models report prompt-cache counters even when caching is not used. */
export function anthropicUsage(model: ModelSpec, input: number, output?: number): Record<string, number> {
  const usage: Record<string, number> = { input_tokens: input };
  if (!model.vendorModelName.startsWith("claude-3")) {
    usage.cache_creation_input_tokens = 0;
    usage.cache_read_input_tokens = 0;
  }
  if (output !== undefined) usage.output_tokens = output;
  return usage;
}

/** The Messages reply for a finished generation. */
export function anthropicReply(model: ModelSpec, generation: Generation, messageId: string): Record<string, unknown> {
  return {
    id: messageId,
    type: "message",
    role: "assistant",
    model: model.vendorModelName,
    content: [{ type: "text", text: generation.text }],
    stop_reason: generation.stopReason,
    stop_sequence: generation.stopSequence,
    usage: anthropicUsage(model, generation.inputTokens, generation.outputTokens),
  };
}

export function invokeAnthropic(
  target: InvocationTarget,
  body: JsonObject,
  requestId: string | undefined,
): InvokeResult {
  const request = parseAnthropic(target, body);
  const result = generate(request);
  const idSeed = requestId ?? `${target.model.modelId}\u0000${fnv1a(JSON.stringify(body))}`;
  return {
    responseBody: anthropicReply(target.model, result, anthropicMessageId(idSeed)),
    inputTokens: result.inputTokens,
    outputTokens: result.outputTokens,
    latencyMs: result.latencyMs,
    stopReason: result.stopReason,
  };
}
