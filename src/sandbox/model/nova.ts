/**
 * InvokeModel with an Amazon Nova body (`schemaVersion: "messages-v1"`, `messages: [{role, content: [{text}]}]`,
 * `system: [{text}]`, `inferenceConfig: {maxTokens | max_new_tokens, temperature, topP | top_p, topK | top_k,
 * stopSequences}`), answered in Nova's shape (`output.message`, `stopReason`, `usage {inputTokens, outputTokens,
 * totalTokens, cacheReadInputTokenCount, cacheWriteInputTokenCount}`).
 */
import { checkConversation, checkInferenceConfig, systemTexts } from "./conversation.js";
import { generate } from "./generate.js";
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

export function invokeNova(target: InvocationTarget, body: JsonObject): InvokeResult {
  checkSchema(body);
  const messages = checkConversation(body.messages);
  const config = isObject(body.inferenceConfig) ? body.inferenceConfig : {};
  const settings = checkInferenceConfig(
    {
      maxTokens: config.maxTokens ?? config.max_new_tokens,
      temperature: config.temperature,
      topP: config.topP ?? config.top_p,
      stopSequences: config.stopSequences,
    },
    target.model,
  );
  const result = generate({
    model: target.model,
    messages,
    system: systemTexts(body.system),
    maxTokens: settings.maxTokens,
    stopSequences: settings.stopSequences,
  });
  return {
    responseBody: {
      output: { message: { content: [{ text: result.text }], role: "assistant" } },
      stopReason: result.stopReason,
      usage: {
        inputTokens: result.inputTokens,
        outputTokens: result.outputTokens,
        totalTokens: result.inputTokens + result.outputTokens,
        cacheReadInputTokenCount: 0,
        cacheWriteInputTokenCount: 0,
      },
    },
    inputTokens: result.inputTokens,
    outputTokens: result.outputTokens,
    latencyMs: result.latencyMs,
    stopReason: result.stopReason,
  };
}
