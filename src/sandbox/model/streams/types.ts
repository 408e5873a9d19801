/**
 * What a streaming call sends, before framing: InvokeModelWithResponseStream carries the model's own JSON chunks
 * (each one base64 in a `chunk` event), ConverseStream carries Converse's events (`messageStart`,
 * `contentBlockDelta`, …). A dialect turns one generation — its start, its text as it arrives, its outcome — into
 * those parts; the runtime frames them and logs them (the record's `output.outputBodyJson` is the list of parts).
 */
import type { Generation } from "../generate.js";

export type StreamPart =
  /** InvokeModelWithResponseStream: one model chunk (Anthropic's `content_block_delta`, Nova's `contentBlockDelta`…). */
  | { kind: "chunk"; chunk: Record<string, unknown> }
  /** ConverseStream: one member of the ConverseStreamOutput union. */
  | { kind: "event"; type: string; payload: Record<string, unknown> };

export interface StreamDialect {
  /** The parts before any text; `inputTokens` is exact for the simulation, an estimate for a real model. */
  start(inputTokens: number): StreamPart[];
  delta(text: string): StreamPart[];
  /** The closing parts, with the final usage and the timings (invocation latency, first byte). */
  finish(generation: Generation): StreamPart[];
}

/** The invocation log's view of a part: a chunk as the model sent it, an event as `{ <type>: payload }`. */
export function loggedPart(part: StreamPart): unknown {
  return part.kind === "chunk" ? part.chunk : { [part.type]: part.payload };
}

/** `amazon-bedrock-invocationMetrics`, which Bedrock adds to a model's last chunk. */
export function invocationMetricsMember(generation: Generation, cacheCounters: boolean): Record<string, number> {
  return {
    inputTokenCount: generation.inputTokens,
    outputTokenCount: generation.outputTokens,
    invocationLatency: generation.latencyMs,
    firstByteLatency: generation.firstTokenMs,
    ...(cacheCounters ? { cacheReadInputTokenCount: 0, cacheWriteInputTokenCount: 0 } : {}),
  };
}
