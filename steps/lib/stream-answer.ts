/**
 * One model call, streamed: ConverseStream, or InvokeModelWithResponseStream with the Anthropic Messages body for
 * Anthropic models (as `invokeOnce` uses InvokeModel for them). The text is handed on as it arrives, and the time to
 * its first token is measured here, from sending the request (the HTTP attempt that answered, after any of the
 * SDK's retries) to the first piece of text. Bedrock measures its own TimeToFirstToken on its side of the wire, and
 * only streaming calls have one: a plain call returns the whole answer at once. An error after the stream has
 * started arrives as the stream's last event (the SDK throws it while the caller iterates): it is re-thrown as a
 * MidStreamError, which keeps the exception's name and says how much text had come.
 */
import { ConverseStreamCommand, InvokeModelWithResponseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import { settleAttempts, watchAttempts, type AttemptLog } from "./attempts.js";
import { invocationInfo, type InvocationInfo } from "./invocation-headers.js";
import { anthropicInput, realModelOf, type Invocation } from "./invoke.js";
import { isAnthropic, type ReadCtx } from "./model.js";

export type StreamOperation = "ConverseStream" | "InvokeModelWithResponseStream";

export interface StreamedInvocation extends Invocation {
  operation: StreamOperation;
  /** ms from sending the request (the HTTP attempt that answered) to the first piece of text (0 when none came). */
  firstTokenMs: number;
  /** ms from sending the request (the attempt that answered) to the stream's end. */
  totalMs: number;
}

/** Called with the whole text so far each time a piece arrives, and when the first token came. */
export type OnText = (text: string, firstTokenMs: number) => void;

/** An exception the model sent after the stream had started: its name and message, and the text before it. */
export class MidStreamError extends Error {
  readonly $metadata: { requestId?: string; httpStatusCode?: number };
  constructor(
    error: Error & { $metadata?: { requestId?: string; httpStatusCode?: number } },
    readonly operation: StreamOperation,
    readonly textSoFar: string,
    requestId: string | undefined,
  ) {
    super(error.message);
    this.name = error.name;
    this.$metadata = { ...error.$metadata, ...(requestId ? { requestId } : {}) };
  }
}

export function streamOperation(modelId: string): StreamOperation {
  return isAnthropic(modelId) ? "InvokeModelWithResponseStream" : "ConverseStream";
}

interface AnthropicChunk {
  type?: string;
  delta?: { text?: string };
  message?: { usage?: { input_tokens?: number } };
  usage?: { output_tokens?: number };
  "amazon-bedrock-invocationMetrics"?: {
    inputTokenCount?: number;
    outputTokenCount?: number;
    invocationLatency?: number;
  };
}

interface Tally {
  inputTokens: number;
  outputTokens: number;
  latencyMs: number | undefined;
}

/** `log` gathers the attempts of every try (the visible retry layer calls this again with the same log). */
export async function streamOnce(
  ctx: ReadCtx,
  modelId: string,
  prompt: string,
  maxTokens: number,
  log: AttemptLog,
  onText: OnText,
): Promise<StreamedInvocation> {
  const at = ctx.clock.now();
  let sent = performance.now();
  // The clock restarts with each HTTP attempt: the SDK's own retries and their back-off are not the model's time.
  const attempt = () => (sent = performance.now());
  const operation = streamOperation(modelId);
  let text = "";
  let firstTokenMs: number | undefined;
  const add = (piece: string | undefined) => {
    if (!piece) return;
    firstTokenMs ??= performance.now() - sent;
    text += piece;
    onText(text, firstTokenMs);
  };
  const tally: Tally = { inputTokens: 0, outputTokens: 0, latencyMs: undefined };
  let requestId: string | undefined;
  let info: InvocationInfo = { simulated: false };
  /** The response has come (headers and status): from here on, an error is the stream's. */
  const opened = <O extends { $metadata: { requestId?: string; totalRetryDelay?: number } }>(out: O): O => {
    settleAttempts(log, out.$metadata);
    requestId = out.$metadata.requestId;
    info = invocationInfo(out);
    return out;
  };
  try {
    if (operation === "InvokeModelWithResponseStream") {
      const command = new InvokeModelWithResponseStreamCommand(anthropicInput(modelId, prompt, maxTokens));
      watchAttempts(command, log, attempt);
      const out = opened(await ctx.aws.bedrockRuntime.send(command, { abortSignal: ctx.signal }));
      for await (const event of out.body ?? []) {
        if (!event.chunk?.bytes) continue;
        const chunk = JSON.parse(new TextDecoder().decode(event.chunk.bytes)) as AnthropicChunk;
        if (chunk.type === "content_block_delta") add(chunk.delta?.text);
        if (chunk.type === "message_start") tally.inputTokens = chunk.message?.usage?.input_tokens ?? 0;
        if (chunk.type === "message_delta") tally.outputTokens = chunk.usage?.output_tokens ?? tally.outputTokens;
        const metrics = chunk["amazon-bedrock-invocationMetrics"];
        if (metrics) {
          tally.inputTokens = metrics.inputTokenCount ?? tally.inputTokens;
          tally.outputTokens = metrics.outputTokenCount ?? tally.outputTokens;
          tally.latencyMs = metrics.invocationLatency;
        }
      }
    } else {
      const command = new ConverseStreamCommand({
        modelId,
        messages: [{ role: "user", content: [{ text: prompt }] }],
        inferenceConfig: { maxTokens },
      });
      watchAttempts(command, log, attempt);
      const out = opened(await ctx.aws.bedrockRuntime.send(command, { abortSignal: ctx.signal }));
      for await (const event of out.stream ?? []) {
        add(
          event.contentBlockDelta?.delta && "text" in event.contentBlockDelta.delta
            ? event.contentBlockDelta.delta.text
            : undefined,
        );
        if (event.metadata) {
          tally.inputTokens = event.metadata.usage?.inputTokens ?? 0;
          tally.outputTokens = event.metadata.usage?.outputTokens ?? 0;
          tally.latencyMs = event.metadata.metrics?.latencyMs;
        }
      }
    }
  } catch (error) {
    // Before the response came there is no stream yet: the error is the call's, as any other call's.
    if (requestId === undefined || ctx.signal.aborted || !(error instanceof Error)) throw error;
    throw new MidStreamError(error, operation, text, requestId);
  }
  const totalMs = performance.now() - sent;
  return {
    prompt,
    requestId: requestId ?? "",
    inputTokens: tally.inputTokens,
    outputTokens: tally.outputTokens,
    latencyMs: tally.latencyMs ?? Math.round(totalMs),
    answer: text,
    simulated: info.simulated,
    realModel: realModelOf(info),
    at,
    ...log,
    operation,
    firstTokenMs: firstTokenMs ?? 0,
    totalMs,
  };
}
