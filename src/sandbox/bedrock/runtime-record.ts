/**
 * What one runtime call leaves behind, in one transaction: its AWS/Bedrock metrics and, when logging is configured,
 * its queued invocation-log record — failures included, with `errorCode`.
 */
import type { CallContext } from "../context.js";
import type { AwsError } from "../errors.js";
import type { Completion, InvocationTarget } from "../model/index.js";
import { outputTokenBurndown } from "../model/index.js";
import type { InvocationLogDelivery } from "../pipeline/delivery.js";
import type { InvocationResult, MetricSink } from "../pipeline/metrics.js";
import { BEDROCK_NAMESPACE, invocationMetrics } from "../pipeline/metrics.js";
import type { InvocationOutcome, LoggedOperation } from "../pipeline/record.js";

export interface RecordDeps {
  delivery: InvocationLogDelivery;
  metrics: MetricSink;
  /** Runs the call's writes (metrics, queued record) as one transaction: one commit, one fsync. */
  transaction: (fn: () => void) => void;
}

export interface CallRecorder {
  /** `timeToFirstTokenMs` for streams only (TimeToFirstToken is a streaming metric). */
  success(completion: Completion, outputBody: unknown, timeToFirstTokenMs?: number): void;
  failure(error: AwsError, inputTokens?: number): void;
}

function parseLoose(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function callRecorder(
  deps: RecordDeps,
  ctx: CallContext,
  target: InvocationTarget,
  operation: LoggedOperation,
  requestText: string,
  requestMetadata?: Record<string, string>,
): CallRecorder {
  const inputBody = parseLoose(requestText);
  const record = (
    result: InvocationResult,
    logged: Pick<InvocationOutcome, "inputTokenCount" | "output" | "errorCode">,
  ) =>
    deps.transaction(() => {
      deps.metrics.putMetricData(
        ctx.accountId,
        ctx.region,
        BEDROCK_NAMESPACE,
        invocationMetrics(target.metricModelId, result, new Date(ctx.now)),
        ctx.now,
      );
      deps.delivery.enqueue(ctx, {
        operation,
        modelId: target.loggedModelId,
        inferenceRegion: target.inferenceRegion,
        inputBody,
        ...(requestMetadata ? { requestMetadata } : {}),
        ...logged,
      });
    });
  return {
    success: (completion, outputBody, timeToFirstTokenMs) =>
      record(
        {
          kind: "success",
          latencyMs: completion.latencyMs,
          inputTokens: completion.inputTokens,
          outputTokens: completion.outputTokens,
          legacy: target.foundationModel.modelLifecycle.status === "LEGACY",
          outputBurndown: outputTokenBurndown(target.model),
          ...(timeToFirstTokenMs !== undefined ? { timeToFirstTokenMs } : {}),
        },
        {
          inputTokenCount: completion.inputTokens,
          output: { body: outputBody, tokenCount: completion.outputTokens },
        },
      ),
    failure: (error, inputTokens = 0) => {
      const kind = error.status === 429 ? "throttled" : error.status >= 500 ? "server-error" : "client-error";
      record({ kind }, { inputTokenCount: inputTokens, errorCode: error.code });
    },
  };
}
