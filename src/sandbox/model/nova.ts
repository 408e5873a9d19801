/**
 * InvokeModel with an Amazon Nova body (`schemaVersion: "messages-v1"`, `messages: [{role, content: [{text}]}]`,
 * `system: [{text}]`, `inferenceConfig: {maxTokens | max_new_tokens, temperature, topP | top_p, topK | top_k,
 * stopSequences}`), answered in Nova's shape (`output.message`, `stopReason`, `usage {inputTokens, outputTokens,
 * totalTokens, cacheReadInputTokenCount, cacheWriteInputTokenCount}`).
 */
import { checkConversation, checkInferenceConfig, systemTexts } from "./conversation.js";
import { generate } from "./generate.js";
import type { Generation, GenerationRequest } from "./generate.js";
import { isObject, Violations } from "./malformed.js";
import type { JsonObject } from "./malformed.js";
import type { InvocationTarget, InvokeResult } from "./types.js";

const ROOT_KEYS = ["schemaVersion", "system", "messages", "inferenceConfig", "toolConfig"];
const CONFIG_KEYS = ["maxTokens", "max_new_tokens", "temperature", "topP", "top_p", "topK", "top_k", "stopSequences"];

function checkSchema(body: JsonObject): void {
  const violations = new Violations();
  violations.required(body, "#", ["messages"]);
  violations.allowedKeys(body, "#", ROOT_KEYS);
  if (violations.type(body.schemaVersion, "#/schemaVersion", "String")) {
    violations.oneOf(body.schemaVersion, "#/schemaVersion", ["messages-v1"]);
  }
  if (violations.type(body.messages, "#/messages", "JSONArray") && Array.isArray(body.messages)) {
    body.messages.forEach((message, i) => {
      const path = `#/messages/${i}`;
      if (!violations.type(message, path, "JSONObject") || !isObject(message)) return;
      violations.required(message, path, ["role", "content"]);
      violations.type(message.content, `${path}/content`, "JSONArray");
    });
  }
  if (violations.type(body.system, "#/system", "JSONArray") && Array.isArray(body.system)) {
    body.system.forEach((block, i) => {
      if (violations.type(block, `#/system/${i}`, "JSONObject") && isObject(block)) {
        violations.required(block, `#/system/${i}`, ["text"]);
      }
    });
  }
  if (violations.type(body.inferenceConfig, "#/inferenceConfig", "JSONObject") && isObject(body.inferenceConfig)) {
    violations.allowedKeys(body.inferenceConfig, "#/inferenceConfig", CONFIG_KEYS);
  }
  violations.throwIfAny();
}

export function parseNova(target: InvocationTarget, body: JsonObject): GenerationRequest {
  checkSchema(body);
  const messages = checkConversation(body.messages);
  const config = isObject(body.inferenceConfig) ? body.inferenceConfig : {};
  const given = config.maxTokens ?? config.max_new_tokens;
  const settings = checkInferenceConfig(
    {
      maxTokens: given,
      temperature: config.temperature,
      topP: config.topP ?? config.top_p,
      stopSequences: config.stopSequences,
    },
    target.model,
  );
  return {
    model: target.model,
    messages,
    system: systemTexts(body.system),
    maxTokens: settings.maxTokens,
    maxTokensGiven: given !== undefined,
    stopSequences: settings.stopSequences,
    ...settings.sampling,
  };
}

/** Nova's usage block: its own member names, cache counters always present. */
export function novaUsage(input: number, output: number): Record<string, number> {
  return {
    inputTokens: input,
    outputTokens: output,
    totalTokens: input + output,
    cacheReadInputTokenCount: 0,
    cacheWriteInputTokenCount: 0,
  };
}

export function novaReply(generation: Generation): Record<string, unknown> {
  return {
    output: { message: { content: [{ text: generation.text }], role: "assistant" } },
    stopReason: generation.stopReason,
    usage: novaUsage(generation.inputTokens, generation.outputTokens),
  };
}

export function invokeNova(target: InvocationTarget, body: JsonObject): InvokeResult {
  const result = generate(parseNova(target, body));
  return {
    responseBody: novaReply(result),
    inputTokens: result.inputTokens,
    outputTokens: result.outputTokens,
    latencyMs: result.latencyMs,
    stopReason: result.stopReason,
  };
}
