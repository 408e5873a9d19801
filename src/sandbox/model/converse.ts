/**
 * Converse, the model-agnostic runtime API: `{messages, system?, inferenceConfig?, additionalModelRequestFields?, …}`
 * → `{output: {message: {role, content: [{text}]}}, stopReason, usage: {inputTokens, outputTokens, totalTokens},
 * metrics: {latencyMs}}`, with Converse's validation. `additionalModelRequestFields` and tool settings are accepted
 * and ignored: the simulated model never calls tools.
 */
import { checkConversation, checkInferenceConfig, systemTexts } from "./conversation.js";
import { generate } from "./generate.js";
import type { Generation, GenerationRequest } from "./generate.js";
import { isObject, modelValidation } from "./malformed.js";
import type { InvocationTarget, StopReason } from "./types.js";

export interface ConverseResponse {
  output: { message: { role: "assistant"; content: { text: string }[] } };
  stopReason: StopReason;
  usage: { inputTokens: number; outputTokens: number; totalTokens: number };
  metrics: { latencyMs: number };
}

function checkSystem(system: unknown): void {
  if (system === undefined) return;
  if (!Array.isArray(system))
    throw modelValidation(
      "1 validation error detected: Value at 'system' failed to satisfy constraint: Member must be a list",
    );
  system.forEach((block: unknown, i) => {
    if (isObject(block) && typeof block.text === "string" && block.text.length === 0) {
      throw modelValidation(
        `1 validation error detected: Value '' at 'system.${i + 1}.member.text' failed to satisfy constraint: ` +
          "Member must have length greater than or equal to 1",
      );
    }
  });
}

export function parseConverse(target: InvocationTarget, input: Record<string, unknown>): GenerationRequest {
  const messages = checkConversation(input.messages);
  checkSystem(input.system);
  const settings = checkInferenceConfig(input.inferenceConfig, target.model);
  const given = isObject(input.inferenceConfig) && input.inferenceConfig.maxTokens !== undefined;
  return {
    model: target.model,
    messages,
    system: systemTexts(input.system),
    maxTokens: settings.maxTokens,
    maxTokensGiven: given,
    stopSequences: settings.stopSequences,
    ...settings.sampling,
  };
}

export function converseReply(generation: Generation): ConverseResponse {
  return {
    output: { message: { role: "assistant", content: [{ text: generation.text }] } },
    stopReason: generation.stopReason,
    usage: {
      inputTokens: generation.inputTokens,
      outputTokens: generation.outputTokens,
      totalTokens: generation.inputTokens + generation.outputTokens,
    },
    metrics: { latencyMs: generation.latencyMs },
  };
}

export function converse(target: InvocationTarget, input: Record<string, unknown>): ConverseResponse {
  return converseReply(generate(parseConverse(target, input)));
}
