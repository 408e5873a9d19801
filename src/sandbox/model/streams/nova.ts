/**
 * Amazon Nova's InvokeModelWithResponseStream chunks (Converse-like members, one per chunk):
 *   {"messageStart":{"role":"assistant"}}
 *   {"contentBlockDelta":{"delta":{"text":"Vector search"},"contentBlockIndex":0}}   … one per delta
 *   {"contentBlockStop":{"contentBlockIndex":0}}
 *   {"messageStop":{"stopReason":"end_turn"}}
 *   {"metadata":{"usage":{"inputTokens":12,"outputTokens":90,…},"metrics":{},"trace":{}},
 *    "amazon-bedrock-invocationMetrics":{"inputTokenCount":12,"outputTokenCount":90,"invocationLatency":1040,
 *    "firstByteLatency":310}}
 */
import { novaUsage } from "../nova.js";
import type { StreamDialect } from "./types.js";
import { invocationMetricsMember } from "./types.js";

export function novaStream(): StreamDialect {
  return {
    start: () => [{ kind: "chunk", chunk: { messageStart: { role: "assistant" } } }],
    delta: (text) => [{ kind: "chunk", chunk: { contentBlockDelta: { delta: { text }, contentBlockIndex: 0 } } }],
    finish: (generation) => {
      const usage = novaUsage(generation.inputTokens, generation.outputTokens);
      delete usage.totalTokens;
      return [
        { kind: "chunk", chunk: { contentBlockStop: { contentBlockIndex: 0 } } },
        { kind: "chunk", chunk: { messageStop: { stopReason: generation.stopReason } } },
        {
          kind: "chunk",
          chunk: {
            metadata: { usage, metrics: {}, trace: {} },
            "amazon-bedrock-invocationMetrics": invocationMetricsMember(generation, false),
          },
        },
      ];
    },
  };
}
