/**
 * Request and response bodies of seeded calls, in the shape each operation and model family uses on Bedrock, so
 * the logged `input.inputBodyJson` / `output.outputBodyJson` read like real ones:
 *   InvokeModel, Claude   {anthropic_version, max_tokens, system: [{type, text, cache_control}], messages}
 *                         → {id, type, role, model, content, stop_reason, stop_sequence, usage{…cache…}}
 *                           (+ "amazon-bedrock-guardrailAction" when the app applies a guardrail)
 *   InvokeModel, Nova     {schemaVersion, system, messages, inferenceConfig} → {output, stopReason, usage}
 *   Converse              {messages, system: [{text}, {cachePoint}], inferenceConfig, guardrailConfig?}
 *                         → {output, stopReason, usage, metrics: {latencyMs}}
 *   streams               the list of chunks (InvokeModelWithResponseStream) or events (ConverseStream), see streams.ts
 */
import { ANTHROPIC_VERSION } from "../model/anthropic.js";
import { base62Id } from "../model/hash.js";
import type { ModelSpec } from "../model/types.js";
import type { LoggedOperation } from "../pipeline/record.js";
import { streamBody } from "./streams.js";

export interface RequestShape {
  model: ModelSpec;
  operation: LoggedOperation;
  system: string | undefined;
  /** Earlier turns (chat history), user first, alternating. */
  history: readonly string[];
  /** Documents sent before the question (RAG chunks, the document to summarise). */
  context: string;
  prompt: string;
  maxTokens: number;
  guardrail: boolean;
}

export interface ResponseShape {
  requestId: string;
  text: string;
  stopReason: string;
  inputTokens: number;
  outputTokens: number;
  cacheRead: number;
  cacheWrite: number;
  latencyMs: number;
  firstTokenMs: number;
  /** Set when the app applies a guardrail: INTERVENED or NONE. */
  guardrailAction?: "INTERVENED" | "NONE";
}

const isInvoke = (op: LoggedOperation): boolean => op === "InvokeModel" || op === "InvokeModelWithResponseStream";

function userContent(request: RequestShape, textKey: (text: string) => Record<string, unknown>): unknown[] {
  return [...(request.context === "" ? [] : [textKey(request.context)]), textKey(request.prompt)];
}

function turns(request: RequestShape, block: (text: string) => Record<string, unknown>): unknown[] {
  const earlier = request.history.map((text, i) => ({
    role: i % 2 === 0 ? "user" : "assistant",
    content: [block(text)],
  }));
  return [...earlier, { role: "user", content: userContent(request, block) }];
}

export function requestBody(request: RequestShape): Record<string, unknown> {
  const plain = (text: string): Record<string, unknown> => ({ text });
  if (isInvoke(request.operation) && request.model.family === "anthropic") {
    const typed = (text: string): Record<string, unknown> => ({ type: "text", text });
    return {
      anthropic_version: ANTHROPIC_VERSION,
      max_tokens: request.maxTokens,
      ...(request.system === undefined
        ? {}
        : { system: [{ type: "text", text: request.system, cache_control: { type: "ephemeral" } }] }),
      messages: turns(request, typed),
    };
  }
  if (isInvoke(request.operation)) {
    return {
      schemaVersion: "messages-v1",
      ...(request.system === undefined
        ? {}
        : { system: [{ text: request.system }, { cachePoint: { type: "default" } }] }),
      messages: turns(request, plain),
      inferenceConfig: { maxTokens: request.maxTokens },
    };
  }
  return {
    messages: turns(request, plain),
    ...(request.system === undefined
      ? {}
      : { system: [{ text: request.system }, { cachePoint: { type: "default" } }] }),
    inferenceConfig: { maxTokens: request.maxTokens },
    ...(request.guardrail
      ? { guardrailConfig: { guardrailIdentifier: "gr-support-pii", guardrailVersion: "3", trace: "disabled" } }
      : {}),
  };
}

export function responseBody(request: RequestShape, response: ResponseShape): unknown {
  const { operation, model } = request;
  if (operation === "InvokeModelWithResponseStream" || operation === "ConverseStream") {
    return streamBody(operation, model, response);
  }
  if (operation === "InvokeModel" && model.family === "anthropic") {
    return {
      id: `msg_bdrk_01${base62Id(response.requestId, 22)}`,
      type: "message",
      role: "assistant",
      model: model.vendorModelName,
      content: [{ type: "text", text: response.text }],
      stop_reason: response.stopReason,
      stop_sequence: null,
      usage: {
        input_tokens: response.inputTokens,
        cache_creation_input_tokens: response.cacheWrite,
        cache_read_input_tokens: response.cacheRead,
        output_tokens: response.outputTokens,
      },
      ...(response.guardrailAction === undefined ? {} : { "amazon-bedrock-guardrailAction": response.guardrailAction }),
    };
  }
  const usage = {
    inputTokens: response.inputTokens,
    outputTokens: response.outputTokens,
    totalTokens: response.inputTokens + response.outputTokens + response.cacheRead + response.cacheWrite,
  };
  if (operation === "InvokeModel") {
    return {
      output: { message: { content: [{ text: response.text }], role: "assistant" } },
      stopReason: response.stopReason,
      usage: { ...usage, cacheReadInputTokenCount: response.cacheRead, cacheWriteInputTokenCount: response.cacheWrite },
    };
  }
  return {
    output: { message: { role: "assistant", content: [{ text: response.text }] } },
    stopReason: response.stopReason,
    usage: { ...usage, cacheReadInputTokens: response.cacheRead, cacheWriteInputTokens: response.cacheWrite },
    metrics: { latencyMs: response.latencyMs },
  };
}
