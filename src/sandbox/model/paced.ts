/**
 * The simulated model, streamed: the reply is cut into token-sized pieces and delivered on the simulated timeline —
 * the first piece when the first token is ready (firstTokenMs), the rest spread until the whole latency has passed —
 * scaled by `timeScale` (1 = real time, 0.01 = a hundred times faster, 0 = no waiting; tests use small scales).
 *
 *   "Amazon Bedrock is a fully managed" → pieces "Amaz" "on" " Bedr" "ock" " is" " a" " full" "y" " mana" "ged"
 *   → deltas of three pieces: "Amazon Bedr" · "ock is a" · " fully mana" · "ged"
 */
import { setTimeout as sleep } from "node:timers/promises";
import { generate } from "./generate.js";
import type { Generation, GenerationRequest } from "./generate.js";
import type { RuntimeOperation } from "./prepare.js";
import { prepareCall } from "./prepare.js";
import type { StreamPart } from "./streams/types.js";
import type { InvocationTarget } from "./types.js";
import type { Completion, ModelSource } from "./source.js";

const PIECES_PER_DELTA = 3;

/** Token-sized pieces (at most 4 characters after any leading whitespace) that join back into `text`. */
export function tokenPieces(text: string): string[] {
  return text.match(/\s*\S{1,4}|\s+$/gu) ?? [];
}

/** The deltas a stream sends for `text`, in order. */
export function streamDeltas(text: string): string[] {
  const pieces = tokenPieces(text);
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i += PIECES_PER_DELTA) out.push(pieces.slice(i, i + PIECES_PER_DELTA).join(""));
  return out;
}

async function* paced(
  generation: Generation,
  timeScale: number,
  signal: AbortSignal,
): AsyncGenerator<string, Completion> {
  const started = performance.now();
  const waitUntil = async (simulatedMs: number): Promise<void> => {
    const wait = simulatedMs * timeScale - (performance.now() - started);
    if (wait > 0.5) await sleep(wait, undefined, { signal });
    else if (signal.aborted) throw signal.reason;
  };
  const deltas = streamDeltas(generation.text);
  const span = generation.latencyMs - generation.firstTokenMs;
  for (const [i, delta] of deltas.entries()) {
    await waitUntil(generation.firstTokenMs + (span * i) / deltas.length);
    yield delta;
  }
  await waitUntil(generation.latencyMs);
  return generation;
}

export function simulatedSource(timeScale: number): ModelSource {
  return {
    label: { kind: "simulated" },
    complete: (_target, request: GenerationRequest) => Promise.resolve(generate(request)),
    stream: (_target, request, signal) => {
      const generation = generate(request);
      return Promise.resolve({ deltas: paced(generation, timeScale, signal), inputTokens: generation.inputTokens });
    },
  };
}

/** A whole simulated stream at once, for history that never streamed live (`genai-lab sandbox seed`). */
export function simulatedStreamParts(
  operation: RuntimeOperation,
  target: InvocationTarget,
  bodyText: string,
  requestId: string,
): { generation: Generation; parts: StreamPart[] } {
  const call = prepareCall(operation, target, bodyText, requestId);
  const generation = generate(call.request);
  const parts = [
    ...call.stream.start(generation.inputTokens),
    ...streamDeltas(generation.text).flatMap((delta) => call.stream.delta(delta)),
    ...call.stream.finish(generation),
  ];
  return { generation, parts };
}
