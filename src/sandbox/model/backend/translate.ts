/**
 * Bedrock's request (as the dialects parsed it) → an OpenAI chat completion request, and the answer back.
 *
 *   system "Be brief." + user "Say OK." + max 16, temperature 0.2, stop ["END"]
 *   → {"model":"llama3.2","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Say OK."}],
 *      "max_tokens":16,"temperature":0.2,"stop":["END"]}
 *   ← {"choices":[{"message":{"content":"OK"},"finish_reason":"stop"}],"usage":{"prompt_tokens":21,"completion_tokens":2}}
 *   → text "OK", stop reason end_turn, 21 input and 2 output tokens (the backend's own counts)
 *
 * finish_reason: "length" → max_tokens; "stop" → stop_sequence when the server names the stop string it met
 * (vLLM's `stop_reason`), else end_turn; anything else → end_turn. A server that reports no usage gets the
 * sandbox's estimate (tokens.ts), so metrics never go missing.
 */
import { AwsError } from "../../errors.js";
import type { GenerationRequest } from "../generate.js";
import { inputTokens, textTokens } from "../tokens.js";
import type { StopReason } from "../types.js";

export interface OpenAiChoice {
  message?: { content?: string | null };
  delta?: { content?: string | null };
  finish_reason?: string | null;
  /** vLLM: the stop string (or token id) that ended the output. */
  stop_reason?: string | number | null;
}

export interface OpenAiUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
}

export function chatRequest(request: GenerationRequest, model: string, stream: boolean): Record<string, unknown> {
  const messages: { role: string; content: string }[] = [];
  if (request.system !== undefined && request.system.trim() !== "") {
    messages.push({ role: "system", content: request.system });
  }
  request.messages.forEach((message, i) => {
    const last = i === request.messages.length - 1;
    if (message.text === "" && !(last && message.role === "assistant")) {
      throw new AwsError(
        "ValidationException",
        `The model backend behind this sandbox takes text only, and message ${i} has none (images, documents and tool ` +
          "blocks are not forwarded). Send text, or use the simulated model.",
      );
    }
    messages.push({ role: message.role, content: message.text });
  });
  return {
    model,
    messages,
    ...(request.maxTokensGiven === false ? {} : { max_tokens: request.maxTokens }),
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(request.topP !== undefined ? { top_p: request.topP } : {}),
    ...(request.stopSequences.length > 0 ? { stop: request.stopSequences } : {}),
    ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}),
  };
}

export function stopReason(
  choice: OpenAiChoice | undefined,
  request: GenerationRequest,
): { stopReason: StopReason; stopSequence: string | null } {
  if (choice?.finish_reason === "length") return { stopReason: "max_tokens", stopSequence: null };
  const met = choice?.stop_reason;
  if (choice?.finish_reason === "stop" && typeof met === "string" && request.stopSequences.includes(met)) {
    return { stopReason: "stop_sequence", stopSequence: met };
  }
  return { stopReason: "end_turn", stopSequence: null };
}

/** Token counts: the backend's, else the sandbox's estimate. */
export function usageOf(
  usage: OpenAiUsage | undefined,
  request: GenerationRequest,
  text: string,
): { inputTokens: number; outputTokens: number } {
  return {
    inputTokens:
      typeof usage?.prompt_tokens === "number" ? usage.prompt_tokens : inputTokens(request.messages, request.system),
    outputTokens: typeof usage?.completion_tokens === "number" ? usage.completion_tokens : textTokens(text),
  };
}
