/**
 * A real model behind the sandbox: Bedrock Runtime calls forwarded to an OpenAI-compatible `/v1/chat/completions`
 * server (Ollama, llama.cpp, vLLM, LM Studio…), whole or streamed (SSE chunks become event-stream frames upstream
 * of here, in the dialects). Token counts are the server's; latency and time to first token are measured.
 */
import { AwsError } from "../../errors.js";
import type { GenerationRequest } from "../generate.js";
import { inputTokens as estimateInputTokens } from "../tokens.js";
import type { Completion, ModelSource, ModelStream } from "../source.js";
import type { InvocationTarget } from "../types.js";
import { mapModel, parseModelEndpoint, parseModelMap } from "./config.js";
import { badReply, httpFailure, streamBroken, timedOut, unreachable } from "./errors.js";
import { sseData } from "./sse.js";
import type { OpenAiChoice, OpenAiUsage } from "./translate.js";
import { chatRequest, stopReason, usageOf } from "./translate.js";
import { Watchdog } from "./watchdog.js";

export { ModelBackendConfigError, parseModelEndpoint, parseModelMap } from "./config.js";

export interface EndpointOptions {
  /** As the user wrote it; normalised to the `/v1` base. */
  endpoint: string;
  /** The model map (config.ts); empty or absent: the server's first listed model. */
  map?: string;
  /** Longest silence from the server before the call fails with ModelTimeoutException. Default 300 s (model loads). */
  timeoutMs?: number;
  /** Sent as `Authorization: Bearer …` (vLLM --api-key, hosted gateways). */
  apiKey?: string;
}

interface ChatReply {
  model?: string;
  choices?: OpenAiChoice[];
  usage?: OpenAiUsage;
}

export const DEFAULT_MODEL_TIMEOUT_MS = 300_000;

export function endpointSource(options: EndpointOptions): ModelSource {
  const base = parseModelEndpoint(options.endpoint);
  const entries = parseModelMap(options.map ?? "");
  const timeoutMs = options.timeoutMs ?? DEFAULT_MODEL_TIMEOUT_MS;
  const headers: Record<string, string> = {
    "content-type": "application/json",
    ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
  };
  let listed: Promise<string> | undefined;

  /** GET /models once, for calls the map does not cover; a failure is retried on the next call. */
  const firstListedModel = (): Promise<string> =>
    (listed ??= (async () => {
      const dog = new Watchdog(timeoutMs);
      try {
        const res = await fetch(`${base}/models`, { headers, signal: dog.signal });
        const text = await res.text();
        if (!res.ok) throw httpFailure(base, res.status, text);
        const id = (JSON.parse(text) as { data?: { id?: unknown }[] }).data?.find((m) => typeof m.id === "string")?.id;
        if (typeof id !== "string") {
          throw badReply(base, "GET /models lists no model (pull one, or name one with --model-map)");
        }
        return id;
      } catch (error) {
        throw toAwsError(error, dog);
      } finally {
        dog.stop();
      }
    })().catch((error: unknown) => {
      listed = undefined;
      throw error;
    }));

  const modelFor = (target: InvocationTarget): Promise<string> => {
    const mapped = mapModel(entries, [target.requestedId, target.model.modelId]);
    return mapped !== undefined ? Promise.resolve(mapped) : firstListedModel();
  };

  const toAwsError = (error: unknown, dog: Watchdog): AwsError => {
    if (error instanceof AwsError) return error;
    if (dog.timedOut) return timedOut(base, timeoutMs);
    if (error instanceof SyntaxError) return badReply(base, error.message);
    return unreachable(base, error);
  };

  const post = async (body: Record<string, unknown>, dog: Watchdog): Promise<Response> => {
    const res = await fetch(`${base}/chat/completions`, {
      method: "POST",
      headers,
      body: JSON.stringify(body),
      signal: dog.signal,
    });
    if (!res.ok) throw httpFailure(base, res.status, await res.text().catch(() => ""));
    return res;
  };

  const finish = (
    request: GenerationRequest,
    reply: ChatReply,
    text: string,
    started: number,
    firstTokenAt: number | undefined,
    model: string,
  ): Completion => {
    const choice = reply.choices?.[0];
    const latencyMs = Math.max(1, Math.round(performance.now() - started));
    return {
      text,
      ...stopReason(choice, request),
      ...usageOf(reply.usage, request, text),
      latencyMs,
      firstTokenMs: firstTokenAt === undefined ? latencyMs : Math.max(1, Math.round(firstTokenAt - started)),
      backendModel: reply.model ?? model,
    };
  };

  return {
    label: { kind: "endpoint", url: base },

    async complete(target, request) {
      const model = await modelFor(target);
      const started = performance.now();
      const dog = new Watchdog(timeoutMs);
      try {
        const res = await post(chatRequest(request, model, false), dog);
        const reply = JSON.parse(await res.text()) as ChatReply;
        const content = reply.choices?.[0]?.message?.content;
        if (reply.choices?.[0] === undefined) throw badReply(base, "the reply has no choices");
        return finish(request, reply, typeof content === "string" ? content : "", started, undefined, model);
      } catch (error) {
        throw toAwsError(error, dog);
      } finally {
        dog.stop();
      }
    },

    async stream(target, request, signal): Promise<ModelStream> {
      const model = await modelFor(target);
      const started = performance.now();
      const dog = new Watchdog(timeoutMs, signal);
      let res: Response;
      try {
        res = await post(chatRequest(request, model, true), dog);
      } catch (error) {
        dog.stop();
        throw toAwsError(error, dog);
      }
      const body = res.body;
      const sse = (res.headers.get("content-type") ?? "").includes("text/event-stream");
      async function* deltas(): AsyncGenerator<string, Completion> {
        const reply: ChatReply = {};
        let text = "";
        let firstTokenAt: number | undefined;
        let ended = false;
        try {
          if (!sse || body === null) {
            // A server that ignores `stream: true` answers whole: pass its text on as one delta.
            Object.assign(reply, JSON.parse(await res.text()) as ChatReply);
            text = reply.choices?.[0]?.message?.content ?? "";
            firstTokenAt = performance.now();
            if (text !== "") yield text;
            return finish(request, reply, text, started, firstTokenAt, model);
          }
          for await (const data of sseData(body, () => dog.arm())) {
            if (data.trim() === "[DONE]") {
              ended = true;
              break;
            }
            const chunk = JSON.parse(data) as ChatReply & { error?: unknown };
            if (chunk.error !== undefined)
              throw streamBroken(base, `the server sent an error: ${JSON.stringify(chunk.error)}`);
            const choice = chunk.choices?.[0];
            const piece = choice?.delta?.content;
            if (typeof piece === "string" && piece !== "") {
              firstTokenAt ??= performance.now();
              text += piece;
              yield piece;
            }
            if (choice?.finish_reason) {
              reply.choices = [choice];
              ended = true;
            }
            if (chunk.usage) reply.usage = chunk.usage;
            if (chunk.model) reply.model = chunk.model;
          }
          if (!ended)
            throw streamBroken(base, "the stream ended before the model finished (no finish_reason, no [DONE])");
          return finish(request, reply, text, started, firstTokenAt, model);
        } catch (error) {
          if (error instanceof AwsError) throw error;
          if (dog.timedOut) throw timedOut(base, timeoutMs);
          if (signal.aborted) throw error;
          throw streamBroken(
            base,
            error instanceof SyntaxError ? `unreadable chunk (${error.message})` : String((error as Error).message),
          );
        } finally {
          dog.stop();
        }
      }
      return {
        deltas: deltas(),
        inputTokens: estimateInputTokens(request.messages, request.system),
        backendModel: model,
      };
    },
  };
}
