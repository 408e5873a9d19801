/**
 * One runtime call, prepared: the body checked in the dialect its operation and model speak (errors are Bedrock's
 * ValidationExceptions, before any model is asked), the request any model — simulated or real — answers, and how to
 * answer in that dialect, whole or streamed.
 *
 *   InvokeModel / InvokeModelWithResponseStream  → the model family's body (Anthropic Messages, Amazon Nova)
 *   Converse / ConverseStream                    → Converse's model-agnostic shape
 */
import { anthropicMessageId, anthropicReply, parseAnthropic } from "./anthropic.js";
import { converseReply, parseConverse } from "./converse.js";
import type { Generation, GenerationRequest } from "./generate.js";
import { decodeJsonObject } from "../protocol/json.js";
import { parseBody } from "./malformed.js";
import { novaReply, parseNova } from "./nova.js";
import { anthropicStream } from "./streams/anthropic.js";
import { converseStream } from "./streams/converse.js";
import { novaStream } from "./streams/nova.js";
import type { StreamDialect } from "./streams/types.js";
import type { InvocationTarget } from "./types.js";

export type RuntimeOperation = "InvokeModel" | "Converse" | "InvokeModelWithResponseStream" | "ConverseStream";

export const isStreaming = (operation: RuntimeOperation): boolean =>
  operation === "InvokeModelWithResponseStream" || operation === "ConverseStream";

export interface PreparedCall {
  request: GenerationRequest;
  /** The whole reply body of a finished generation (InvokeModel, Converse). */
  reply(generation: Generation): Record<string, unknown>;
  /** The stream's parts (InvokeModelWithResponseStream, ConverseStream). */
  stream: StreamDialect;
}

export function prepareCall(
  operation: RuntimeOperation,
  target: InvocationTarget,
  bodyText: string,
  requestId: string,
): PreparedCall {
  if (operation === "Converse" || operation === "ConverseStream") {
    return {
      request: parseConverse(target, decodeJsonObject(Buffer.from(bodyText, "utf8"))),
      reply: (generation) => ({ ...converseReply(generation) }),
      stream: converseStream(),
    };
  }
  const body = parseBody(bodyText);
  switch (target.model.family) {
    case "anthropic": {
      const id = anthropicMessageId(requestId);
      return {
        request: parseAnthropic(target, body),
        reply: (generation) => anthropicReply(target.model, generation, id),
        stream: anthropicStream(target.model, id),
      };
    }
    case "nova":
      return { request: parseNova(target, body), reply: novaReply, stream: novaStream() };
  }
}
