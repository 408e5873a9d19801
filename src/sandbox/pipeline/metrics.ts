import type { MetricDatum } from "../cloudwatch/metric-datum.js";

/** What the pipeline needs of the CloudWatch service: publishing in a namespace, as a service would. */
export interface MetricSink {
  putMetricData(accountId: string, region: string, namespace: string, data: MetricDatum[], now: number): void;
}

export const BEDROCK_NAMESPACE = "AWS/Bedrock";

export type InvocationResult =
  | {
      kind: "success";
      latencyMs: number;
      inputTokens: number;
      outputTokens: number;
      legacy: boolean;
      /** Output-token quota burndown of the model (1, or 5 for Claude 3.7 Sonnet and later). */
      outputBurndown: number;
      /** Streaming calls only: when the first token was sent. */
      timeToFirstTokenMs?: number;
      /** Prompt-cache writes (the seeded history's cached prompts), counted in EstimatedTPMQuotaUsage; default 0. */
      cacheWriteTokens?: number;
    }
  | { kind: "throttled" }
  | { kind: "client-error" }
  | { kind: "server-error" };

/**
 * The AWS/Bedrock metrics of one runtime call, under dimension ModelId. Invocations counts successful calls;
 * throttles, client and server errors have their own counters (docs/aws-behaviour.md). Successful calls also publish
 * EstimatedTPMQuotaUsage (input + cache-write tokens + output × the model's burndown rate; cache reads excluded;
 * live sandbox calls never cache, so their cache counters are 0; seeded ones do) and, for streaming calls only, TimeToFirstToken (ms from
 * the request to the first token), as Bedrock has since March 2026.
 */
export function invocationMetrics(modelId: string, result: InvocationResult, at: Date): MetricDatum[] {
  const dims = [{ Name: "ModelId", Value: modelId }];
  const datum = (MetricName: string, Value: number, Unit: string): MetricDatum => ({
    MetricName,
    Dimensions: dims,
    Value,
    Unit,
    Timestamp: at,
  });
  switch (result.kind) {
    case "success": {
      const out = [
        datum("Invocations", 1, "Count"),
        datum("InvocationLatency", result.latencyMs, "Milliseconds"),
        datum("InputTokenCount", result.inputTokens, "Count"),
        datum("OutputTokenCount", result.outputTokens, "Count"),
        datum(
          "EstimatedTPMQuotaUsage",
          result.inputTokens + (result.cacheWriteTokens ?? 0) + result.outputTokens * result.outputBurndown,
          "Count",
        ),
      ];
      if (result.timeToFirstTokenMs !== undefined) {
        out.push(datum("TimeToFirstToken", result.timeToFirstTokenMs, "Milliseconds"));
      }
      if (result.legacy) out.push(datum("LegacyModelInvocations", 1, "Count"));
      return out;
    }
    case "throttled":
      return [datum("InvocationThrottles", 1, "Count")];
    case "client-error":
      return [datum("InvocationClientErrors", 1, "Count")];
    case "server-error":
      return [datum("InvocationServerErrors", 1, "Count")];
  }
}

/** The account-level delivery counter of one invocation-log record (no dimensions), at delivery time. */
export function deliveryMetrics(delivered: boolean, at: Date): MetricDatum[] {
  const MetricName = delivered
    ? "ModelInvocationLogsCloudWatchDeliverySuccess"
    : "ModelInvocationLogsCloudWatchDeliveryFailure";
  return [{ MetricName, Value: 1, Unit: "Count", Timestamp: at }];
}
