/**
 * ConverseStream's events, each a member of the ConverseStreamOutput union (its name is the `:event-type`):
 *   messageStart {role} · contentBlockDelta {delta: {text}, contentBlockIndex} … · contentBlockStop {contentBlockIndex}
 *   · messageStop {stopReason} · metadata {usage: {inputTokens, outputTokens, totalTokens}, metrics: {latencyMs}}
 */
import type { StreamDialect } from "./types.js";

export function converseStream(): StreamDialect {
  return {
    start: () => [{ kind: "event", type: "messageStart", payload: { role: "assistant" } }],
    delta: (text) => [{ kind: "event", type: "contentBlockDelta", payload: { delta: { text }, contentBlockIndex: 0 } }],
    finish: (generation) => [
      { kind: "event", type: "contentBlockStop", payload: { contentBlockIndex: 0 } },
      { kind: "event", type: "messageStop", payload: { stopReason: generation.stopReason } },
      {
        kind: "event",
        type: "metadata",
        payload: {
          usage: {
            inputTokens: generation.inputTokens,
            outputTokens: generation.outputTokens,
            totalTokens: generation.inputTokens + generation.outputTokens,
          },
          metrics: { latencyMs: generation.latencyMs },
        },
      },
    ],
  };
}
