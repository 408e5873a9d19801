/**
 * One simulated generation, shared by InvokeModel (both dialects) and Converse: compose the reply, honour stop
 * sequences and the output-token budget, count tokens and time it (see tokens.ts for the formulas).
 */
import { composeReply } from "./composer.js";
import { fnv1a } from "./hash.js";
import { modelValidation } from "./malformed.js";
import { contextTokens, inputTokens, simulatedFirstTokenMs, simulatedLatencyMs, textTokens } from "./tokens.js";
import type { TokenizableMessage } from "./tokens.js";
import type { ModelSpec, StopReason } from "./types.js";

export interface GenerationMessage extends TokenizableMessage {
  role: "user" | "assistant";
  /** The message's text blocks joined. */
  text: string;
}

export interface GenerationRequest {
  model: ModelSpec;
  /** Every message, each with its content blocks (only their sizes matter for input tokens); the reply answers the last user turn. */
  messages: readonly GenerationMessage[];
  system?: string;
  maxTokens: number;
  stopSequences: readonly string[];
  /** False when the caller left the limit to the model (Converse without maxTokens): a real backend gets none. */
  maxTokensGiven?: boolean;
  /** Sampling settings as sent: forwarded to a real model; the simulation ignores them (it is deterministic). */
  temperature?: number;
  topP?: number;
}

export interface Generation {
  text: string;
  stopReason: StopReason;
  /** The stop sequence that ended the reply, when stopReason is "stop_sequence". */
  stopSequence: string | null;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  /** When the first token was ready, ms after the request (TimeToFirstToken, a stream's firstByteLatency). */
  firstTokenMs: number;
}

/**
 * Cuts `text` to at most `maxTokens` tokens (4 code points each), backing off to a word boundary when one is near.
 * A cut inside the very first word keeps that word whole when it is short (≤ 10 letters): real tokenizers spend one
 * token on a common word, so max_tokens 1 gives "Hello", not "Hell".
 */
export function truncateToTokens(text: string, maxTokens: number): string {
  const codePoints = [...text];
  const limit = maxTokens * 4;
  if (codePoints.length <= limit) return text;
  let cut = codePoints.slice(0, limit).join("");
  const space = cut.search(/\s\S*$/u);
  if (space > 0 && cut.length - space <= 24) cut = cut.slice(0, space);
  else if (space < 0) {
    const word = /^[\p{L}\p{N}]+/u.exec(text)?.[0] ?? "";
    if ([...word].length > limit && [...word].length <= 10) cut = word;
  }
  return cut.trimEnd();
}

export function generate(request: GenerationRequest): Generation {
  // Counted first, so that a prompt past the context window is refused (as Bedrock does) before any work on it:
  // a 24 MB prompt used to hold the event loop for a second.
  const input = inputTokens(request.messages, request.system);
  if (input > contextTokens(request.model)) throw modelValidation("Input is too long for requested model.");
  const prompt = request.messages.findLast((message) => message.role === "user")?.text ?? "";
  const full = composeReply(prompt, request.model.family);
  let text = full;
  let stopReason: StopReason = "end_turn";
  let stopSequence: string | null = null;
  let earliest = Number.POSITIVE_INFINITY;
  for (const sequence of request.stopSequences) {
    const at = sequence.length > 0 ? full.indexOf(sequence) : -1;
    if (at >= 0 && at < earliest) {
      earliest = at;
      stopSequence = sequence;
    }
  }
  if (stopSequence !== null) {
    text = full.slice(0, earliest);
    stopReason = "stop_sequence";
  }
  let outputTokens = textTokens(text);
  if (outputTokens > request.maxTokens) {
    text = truncateToTokens(text, request.maxTokens);
    outputTokens = request.maxTokens;
    stopReason = "max_tokens";
    stopSequence = null;
  }
  const seed = fnv1a(prompt);
  const latencyMs = simulatedLatencyMs(request.model.latency, input, outputTokens, seed);
  const firstTokenMs = simulatedFirstTokenMs(request.model.latency, input, seed);
  return { text, stopReason, stopSequence, inputTokens: input, outputTokens, latencyMs, firstTokenMs };
}
