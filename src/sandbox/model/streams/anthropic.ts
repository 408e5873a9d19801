/**
 * Claude's Messages stream as Bedrock relays it, one JSON chunk per `chunk` event:
 *   {"type":"message_start","message":{"id":"msg_bdrk_…","type":"message","role":"assistant","model":"…",
 *     "content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":13,"output_tokens":1}}}
 *   {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}
 *   {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Amazon Bedr"}}   … one per delta
 *   {"type":"content_block_stop","index":0}
 *   {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":87}}
 *   {"type":"message_stop","amazon-bedrock-invocationMetrics":{"inputTokenCount":13,"outputTokenCount":87,
 *     "invocationLatency":2066,"firstByteLatency":761}}
 */
import { anthropicUsage } from "../anthropic.js";
import type { ModelSpec } from "../types.js";
import type { StreamDialect } from "./types.js";
import { invocationMetricsMember } from "./types.js";

export function anthropicStream(model: ModelSpec, messageId: string): StreamDialect {
  const claude4 = !model.vendorModelName.startsWith("claude-3");
  return {
    start: (inputTokens) => [
      {
        kind: "chunk",
        chunk: {
          type: "message_start",
          message: {
            id: messageId,
            type: "message",
            role: "assistant",
            model: model.vendorModelName,
            content: [],
            stop_reason: null,
            stop_sequence: null,
            usage: anthropicUsage(model, inputTokens, 1),
          },
        },
      },
      { kind: "chunk", chunk: { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } } },
    ],
    delta: (text) => [
      { kind: "chunk", chunk: { type: "content_block_delta", index: 0, delta: { type: "text_delta", text } } },
    ],
    finish: (generation) => [
      { kind: "chunk", chunk: { type: "content_block_stop", index: 0 } },
      {
        kind: "chunk",
        chunk: {
          type: "message_delta",
          delta: { stop_reason: generation.stopReason, stop_sequence: generation.stopSequence },
          usage: { output_tokens: generation.outputTokens },
        },
      },
      {
        kind: "chunk",
        chunk: {
          type: "message_stop",
          "amazon-bedrock-invocationMetrics": invocationMetricsMember(generation, claude4),
        },
      },
    ],
  };
}
