/**
 * The simulated model's token counts and latency. Both are documented approximations, deterministic by design.
 *
 * Tokens (≈ 4 characters per token, the rule of thumb Anthropic and AWS publish for English text):
 *   textTokens(t)  = ceil(codePoints(t) / 4), and 0 for the empty string.
 *   input tokens   = 5 (request framing)
 *                  + Σ over messages (2 role/turn markers + Σ block tokens)
 *                  + (system prompt ? 3 + textTokens(system) : 0)
 *   block tokens   = textTokens(text) for text blocks; a flat 1,600 for an image (a ~1.2-megapixel picture
 *                    in Anthropic's (width × height) / 750 rule); textTokens(JSON) for any other block.
 *   output tokens  = textTokens(reply), capped at max_tokens (the reply is then cut, stop reason "max_tokens").
 * So the seed prompt "What is Amazon Bedrock?" (23 characters) costs 5 + 2 + 6 = 13 input tokens, about what
 * Claude reports for it. Input past the model's context window is refused: "Input is too long for requested model."
 *
 * Latency (what `x-amzn-bedrock-invocation-latency`, Converse's `metrics.latencyMs` and the InvocationLatency metric
 * carry): latencyMs = base + perInputToken × input + perOutputToken × output + jitter, rounded, where the per-model
 * figures are in the catalog (e.g. Claude Sonnet 4.5: 750 ms + 0.08 ms/input token + 15 ms/output token) and
 * jitter = hash(prompt) mod ⌊base / 5⌋, so the same prompt always takes the same time. The first token is ready
 * after the part that does not depend on the output: firstTokenMs = base + perInputToken × input + jitter (what
 * streams report as TimeToFirstToken / firstByteLatency); the rest of the latency is spent producing the output.
 */
import type { LatencyProfile, ModelSpec } from "./types.js";

export const IMAGE_BLOCK_TOKENS = 1600;
export const REQUEST_FRAMING_TOKENS = 5;
export const MESSAGE_FRAMING_TOKENS = 2;
export const SYSTEM_FRAMING_TOKENS = 3;

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

export function textTokens(text: string): number {
  // Code points = UTF-16 units minus surrogate pairs, counted by the regex engine: for…of took 0.3 s on 24 MB.
  const pairs = text.match(SURROGATE_PAIR)?.length ?? 0;
  return Math.ceil((text.length - pairs) / 4);
}

/** The context window in tokens: Claude 200,000; Nova Micro 128,000, Lite and Pro 300,000. */
export function contextTokens(model: Pick<ModelSpec, "family" | "modelId">): number {
  if (model.family === "nova") return model.modelId.includes("micro") ? 128_000 : 300_000;
  return 200_000;
}

/** Tokens for one content block of any dialect: `{type:"text",text}`, `{text}`, `{type:"image"}`, `{image}`, … */
export function blockTokens(block: unknown): number {
  if (typeof block === "string") return textTokens(block);
  if (typeof block !== "object" || block === null) return 0;
  const record = block as Record<string, unknown>;
  if (typeof record.text === "string") return textTokens(record.text);
  if (record.type === "image" || "image" in record) return IMAGE_BLOCK_TOKENS;
  return textTokens(JSON.stringify(block));
}

export interface TokenizableMessage {
  content: readonly unknown[];
}

export function inputTokens(messages: readonly TokenizableMessage[], system: string | undefined): number {
  let total = REQUEST_FRAMING_TOKENS;
  for (const message of messages) {
    total += MESSAGE_FRAMING_TOKENS;
    for (const block of message.content) total += blockTokens(block);
  }
  if (system !== undefined && system.length > 0) total += SYSTEM_FRAMING_TOKENS + textTokens(system);
  return total;
}

export function simulatedLatencyMs(profile: LatencyProfile, input: number, output: number, seed: number): number {
  const jitterRange = Math.max(1, Math.floor(profile.baseMs / 5));
  return Math.round(
    profile.baseMs + profile.perInputTokenMs * input + profile.perOutputTokenMs * output + (seed % jitterRange),
  );
}

export function simulatedFirstTokenMs(profile: LatencyProfile, input: number, seed: number): number {
  const jitterRange = Math.max(1, Math.floor(profile.baseMs / 5));
  return Math.round(profile.baseMs + profile.perInputTokenMs * input + (seed % jitterRange));
}

/**
 * How fast a model's output burns its tokens-per-minute quota (AWS, "How tokens are counted in Amazon Bedrock"):
 * each output token of Anthropic Claude 3.7 Sonnet and later counts five times; other models' tokens count once.
 * The EstimatedTPMQuotaUsage metric is input + cache-write tokens + output × this rate.
 */
export function outputTokenBurndown(model: ModelSpec): number {
  if (model.family !== "anthropic") return 1;
  const name = model.vendorModelName;
  return name.startsWith("claude-3") && !name.startsWith("claude-3-7") ? 1 : 5;
}
