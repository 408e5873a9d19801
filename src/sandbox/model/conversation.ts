/**
 * Checks shared by Converse and Amazon Nova's InvokeModel body (both use Bedrock's message shape
 * `{role, content: [{text} | {image} | …]}`), in Bedrock's words.
 */
import type { GenerationMessage } from "./generate.js";
import { isObject, modelValidation } from "./malformed.js";
import type { ModelSpec } from "./types.js";

const MUST_START_WITH_USER =
  "A conversation must start with a user message. Try again with a conversation that starts with a user message.";
const MUST_ALTERNATE =
  "A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user " +
  "and assistant roles and try again.";

function constraint(value: unknown, member: string, rule: string): Error {
  return modelValidation(
    `1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: ${rule}`,
  );
}

export function checkConversation(messages: unknown): GenerationMessage[] {
  if (!Array.isArray(messages) || messages.length === 0) throw modelValidation(MUST_START_WITH_USER);
  const checked = messages.map((message: unknown, i): GenerationMessage => {
    if (!isObject(message)) throw constraint(message, `messages.${i + 1}.member`, "Member must not be null");
    const { role, content } = message;
    if (role !== "user" && role !== "assistant") {
      throw constraint(role, `messages.${i + 1}.member.role`, "Member must satisfy enum value set: [user, assistant]");
    }
    if (!Array.isArray(content) || content.length === 0) {
      throw modelValidation(
        `The content field in the Message object at messages.${i} is empty. Add a ContentBlock object to the content field and try again.`,
      );
    }
    const texts: string[] = [];
    content.forEach((block, j) => {
      if (isObject(block) && "text" in block) {
        if (typeof block.text !== "string" || block.text.trim().length === 0) {
          throw modelValidation(
            `The text field in the ContentBlock object at messages.${i}.content.${j} is blank. Add text to the text field, and try again.`,
          );
        }
        texts.push(block.text);
      }
    });
    return { role, content, text: texts.join("\n") };
  });
  if (checked[0]?.role !== "user") throw modelValidation(MUST_START_WITH_USER);
  checked.forEach((message, i) => {
    if (i > 0 && checked[i - 1]?.role === message.role) throw modelValidation(MUST_ALTERNATE);
  });
  return checked;
}

export function systemTexts(system: unknown): string | undefined {
  if (!Array.isArray(system)) return undefined;
  return system
    .map((block: unknown) => (isObject(block) && typeof block.text === "string" ? block.text : ""))
    .join("\n");
}

/** Converse's inferenceConfig members, range-checked like the service; `maxTokens` defaults to the model's limit. */
export interface InferenceSettings {
  maxTokens: number;
  stopSequences: string[];
  /** temperature / topP when given (a real model behind the sandbox gets them). */
  sampling: { temperature?: number; topP?: number };
}

export function checkInferenceConfig(config: unknown, model: ModelSpec): InferenceSettings {
  const record = isObject(config) ? config : {};
  const maxTokens = record.maxTokens;
  if (maxTokens !== undefined) {
    if (typeof maxTokens !== "number" || !Number.isInteger(maxTokens) || maxTokens < 1) {
      throw constraint(maxTokens, "inferenceConfig.maxTokens", "Member must have value greater than or equal to 1");
    }
  }
  for (const member of ["temperature", "topP"]) {
    const value = record[member];
    if (value === undefined) continue;
    if (typeof value !== "number" || value < 0) {
      throw constraint(value, `inferenceConfig.${member}`, "Member must have value greater than or equal to 0");
    }
    if (value > 1)
      throw constraint(value, `inferenceConfig.${member}`, "Member must have value less than or equal to 1");
  }
  const limit = model.maxOutputTokens;
  if (typeof maxTokens === "number" && maxTokens > limit) {
    throw modelValidation(
      model.family === "anthropic"
        ? `The model returned the following errors: max_tokens: ${maxTokens} > ${limit}, which is the maximum allowed number of output tokens for ${model.vendorModelName}`
        : `The maximum tokens you requested exceeds the model limit of ${limit}. Try again with a maximum tokens value that is lower than ${limit}.`,
    );
  }
  const stops = record.stopSequences;
  const sampling: InferenceSettings["sampling"] = {};
  if (typeof record.temperature === "number") sampling.temperature = record.temperature;
  if (typeof record.topP === "number") sampling.topP = record.topP;
  return {
    maxTokens: typeof maxTokens === "number" ? maxTokens : limit,
    stopSequences: Array.isArray(stops) ? stops.filter((item): item is string => typeof item === "string") : [],
    sampling,
  };
}
