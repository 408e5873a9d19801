/**
 * Where a runtime call's text comes from: the sandbox's simulated model (the default), or a real model behind an
 * OpenAI-compatible endpoint (`genai-lab sandbox --model-endpoint URL`). Both answer the same prepared request; the
 * dialects (prepare.ts) turn their answers into Bedrock's shapes, so clients cannot tell the two apart — except by
 * the label, which every reply carries in a header and which the UI shows.
 */
import type { Generation, GenerationRequest } from "./generate.js";
import type { InvocationTarget } from "./types.js";

export type ModelLabel = { kind: "simulated" } | { kind: "endpoint"; url: string };

export interface Completion extends Generation {
  /** The local model that answered (real models only). */
  backendModel?: string;
}

export interface ModelStream {
  /** Text as the model produces it; the generator's return value is the finished generation. */
  deltas: AsyncGenerator<string, Completion, undefined>;
  /** Input tokens to announce when the stream starts: exact for the simulation, an estimate for a real model. */
  inputTokens: number;
  backendModel?: string;
}

export interface ModelSource {
  readonly label: ModelLabel;
  complete(target: InvocationTarget, request: GenerationRequest): Promise<Completion>;
  /**
   * Resolves once the model accepted the call (a refusal is a plain HTTP error, as on Bedrock), then streams;
   * `signal` aborts when the client goes away.
   */
  stream(target: InvocationTarget, request: GenerationRequest, signal: AbortSignal): Promise<ModelStream>;
}

/** What the sandbox says about its replies: in the banner, the health route, and each reply's headers. */
export function describeLabel(label: ModelLabel): string {
  return label.kind === "simulated" ? "simulated" : `real model via ${label.url}`;
}
