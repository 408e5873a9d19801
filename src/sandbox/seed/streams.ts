/**
 * The logged output of a seeded streaming call: the list of parts the stream carried, as Bedrock logs them.
 *   InvokeModelWithResponseStream, Claude  message_start · content_block_start · content_block_delta… ·
 *                                          content_block_stop · message_delta · message_stop (with
 *                                          amazon-bedrock-invocationMetrics)
 *   InvokeModelWithResponseStream, Nova    messageStart · contentBlockDelta… · contentBlockStop · messageStop ·
 *                                          metadata (with amazon-bedrock-invocationMetrics)
 *   ConverseStream                         {messageStart} · {contentBlockDelta}… · {contentBlockStop} ·
 *                                          {messageStop} · {metadata: {usage, metrics}}
 * The text is split into a handful of deltas (a real stream has one every few tokens; the record keeps their sum).
 */
import { base62Id } from "../model/hash.js";
import type { ModelSpec } from "../model/types.js";
import type { ResponseShape } from "./bodies.js";

const DELTAS = 6;

function deltas(text: string): string[] {
  const size = Math.max(1, Math.ceil(text.length / DELTAS));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function invocationMetrics(response: ResponseShape): Record<string, number> {
  return {
    inputTokenCount: response.inputTokens,
    outputTokenCount: response.outputTokens,
    invocationLatency: response.latencyMs,
    firstByteLatency: response.firstTokenMs,
    cacheReadInputTokenCount: response.cacheRead,
    cacheWriteInputTokenCount: response.cacheWrite,
  };
}

function claudeChunks(model: ModelSpec, response: ResponseShape): unknown[] {
  const usage = {
    input_tokens: response.inputTokens,
    cache_creation_input_tokens: response.cacheWrite,
    cache_read_input_tokens: response.cacheRead,
    output_tokens: 1,
  };
  const message = {
    id: `msg_bdrk_01${base62Id(response.requestId, 22)}`,
    type: "message",
    role: "assistant",
    model: model.vendorModelName,
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage,
  };
  return [
    { type: "message_start", message },
    { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
    ...deltas(response.text).map((text) => ({
      type: "content_block_delta",
      index: 0,
      delta: { type: "text_delta", text },
    })),
    { type: "content_block_stop", index: 0 },
    {
      type: "message_delta",
      delta: { stop_reason: response.stopReason, stop_sequence: null },
      usage: { output_tokens: response.outputTokens },
    },
    { type: "message_stop", "amazon-bedrock-invocationMetrics": invocationMetrics(response) },
  ];
}

/** The events Nova's stream and ConverseStream share before their last one (usage, metrics). */
function messageEvents(response: ResponseShape): unknown[] {
  return [
    { messageStart: { role: "assistant" } },
    ...deltas(response.text).map((text) => ({ contentBlockDelta: { delta: { text }, contentBlockIndex: 0 } })),
    { contentBlockStop: { contentBlockIndex: 0 } },
    { messageStop: { stopReason: response.stopReason } },
  ];
}

function novaChunks(response: ResponseShape): unknown[] {
  return [
    ...messageEvents(response),
    {
      metadata: {
        usage: {
          inputTokens: response.inputTokens,
          outputTokens: response.outputTokens,
          cacheReadInputTokenCount: response.cacheRead,
          cacheWriteInputTokenCount: response.cacheWrite,
        },
        metrics: {},
        trace: {},
      },
      "amazon-bedrock-invocationMetrics": invocationMetrics(response),
    },
  ];
}

function converseEvents(response: ResponseShape): unknown[] {
  return [
    ...messageEvents(response),
    {
      metadata: {
        usage: {
          inputTokens: response.inputTokens,
          outputTokens: response.outputTokens,
          totalTokens: response.inputTokens + response.outputTokens + response.cacheRead + response.cacheWrite,
          cacheReadInputTokens: response.cacheRead,
          cacheWriteInputTokens: response.cacheWrite,
        },
        metrics: { latencyMs: response.latencyMs },
      },
    },
  ];
}

export function streamBody(
  operation: "InvokeModelWithResponseStream" | "ConverseStream",
  model: ModelSpec,
  response: ResponseShape,
): unknown[] {
  if (operation === "ConverseStream") return converseEvents(response);
  return model.family === "anthropic" ? claudeChunks(model, response) : novaChunks(response);
}
