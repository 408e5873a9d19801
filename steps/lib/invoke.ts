/**
 * One model call, the way the seed makes it: InvokeModel with the Anthropic Messages body for Anthropic models,
 * Converse (model-agnostic) for everything else. Latency and token counts come from the response headers that the
 * JS SDK hides (captured by src/aws/invocation-headers.ts), falling back to the body.
 */
import { shq } from "genai-lab/kit";
import { ConverseCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { invocationInfo, type InvocationInfo } from "./invocation-headers.js";
import { settleAttempts, watchAttempts, type AttemptLog } from "./attempts.js";
import type { ReadCtx } from "./model.js";
import { isAnthropic } from "./model.js";

export interface Invocation {
  [key: string]: string | number | boolean;
  prompt: string;
  requestId: string;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  answer: string;
  simulated: boolean;
  /** When a real model answered through the sandbox: "<URL> (<local model>)"; else "". */
  realModel: string;
  at: number;
  /** HTTP attempts the call took (1 = no retry), then why the extra ones were needed. */
  attempts: number;
  throttled: number;
  serverErrors: number;
  retryDelayMs: number;
}

interface AnthropicReply {
  content?: { type?: string; text?: string }[];
  usage?: { input_tokens?: number; output_tokens?: number };
}

export function anthropicBody(prompt: string, maxTokens: number): string {
  return JSON.stringify({
    anthropic_version: "bedrock-2023-05-31",
    max_tokens: maxTokens,
    messages: [{ role: "user", content: prompt }],
  });
}

/** InvokeModel's input (and InvokeModelWithResponseStream's) for an Anthropic model: the Messages body. */
export function anthropicInput(modelId: string, prompt: string, maxTokens: number) {
  return {
    modelId,
    contentType: "application/json",
    accept: "application/json",
    body: new TextEncoder().encode(anthropicBody(prompt, maxTokens)),
  };
}

/**
 * The AWS CLI line that makes the same call as `invokeOnce`. InvokeModel's body is a blob: it goes through a file
 * (`fileb://`), which AWS CLI v1 and v2 both read (`--cli-binary-format raw-in-base64-out` exists only in v2).
 */
export function invokeLine(modelId: string, region: string, prompt: string, maxTokens: number): string {
  return isAnthropic(modelId)
    ? `printf '%s' ${shq(anthropicBody(prompt, maxTokens))} > request.json && ` +
        `aws bedrock-runtime invoke-model --model-id ${shq(modelId)} --region ${region} --content-type application/json ` +
        `--accept application/json --body fileb://request.json answer.json > /dev/null && cat answer.json && echo`
    : `aws bedrock-runtime converse --model-id ${shq(modelId)} --region ${region} ` +
        `--messages ${shq(JSON.stringify([{ role: "user", content: [{ text: prompt }] }]))} --inference-config maxTokens=${maxTokens}`;
}

/** `log` gathers the attempts of every try of one prompt (the visible retry layer calls this again with the same log). */
export async function invokeOnce(
  ctx: ReadCtx,
  modelId: string,
  prompt: string,
  maxTokens: number,
  log: AttemptLog,
): Promise<Invocation> {
  const at = ctx.clock.now();
  if (isAnthropic(modelId)) {
    const command = new InvokeModelCommand(anthropicInput(modelId, prompt, maxTokens));
    watchAttempts(command, log);
    const out = await ctx.aws.bedrockRuntime.send(command, { abortSignal: ctx.signal });
    settleAttempts(log, out.$metadata);
    const info = invocationInfo(out);
    const reply = JSON.parse(new TextDecoder().decode(out.body)) as AnthropicReply;
    return {
      prompt,
      requestId: out.$metadata.requestId ?? "",
      inputTokens: info.inputTokens ?? reply.usage?.input_tokens ?? 0,
      outputTokens: info.outputTokens ?? reply.usage?.output_tokens ?? 0,
      latencyMs: info.latencyMs ?? 0,
      answer: (reply.content ?? []).map((part) => part.text ?? "").join(""),
      simulated: info.simulated,
      realModel: realModelOf(info),
      at,
      ...log,
    };
  }
  const command = new ConverseCommand({
    modelId,
    messages: [{ role: "user", content: [{ text: prompt }] }],
    inferenceConfig: { maxTokens },
  });
  watchAttempts(command, log);
  const out = await ctx.aws.bedrockRuntime.send(command, { abortSignal: ctx.signal });
  settleAttempts(log, out.$metadata);
  const info = invocationInfo(out);
  return {
    prompt,
    requestId: out.$metadata.requestId ?? "",
    inputTokens: out.usage?.inputTokens ?? 0,
    outputTokens: out.usage?.outputTokens ?? 0,
    latencyMs: out.metrics?.latencyMs ?? info.latencyMs ?? 0,
    answer: (out.output?.message?.content ?? []).map((part) => ("text" in part ? (part.text ?? "") : "")).join(""),
    simulated: info.simulated,
    realModel: realModelOf(info),
    at,
    ...log,
  };
}

/** "<URL> (<local model>)" when a real model answered through the sandbox; else "". */
export function realModelOf(info: InvocationInfo): string {
  if (info.realModel === undefined) return "";
  return info.backendModel ? `${info.realModel} (${info.backendModel})` : info.realModel;
}

/** The first few words of an answer, for a table cell. */
export function firstWords(text: string, words = 8): string {
  const parts = text.trim().split(/\s+/);
  return parts.length <= words ? parts.join(" ") : `${parts.slice(0, words).join(" ")} …`;
}
