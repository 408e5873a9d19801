import type { CallContext } from "../context.js";
import type { LoggingConfig } from "../bedrock/logging-config.js";

/** The runtime operations Bedrock logs, each under its own name. */
export type LoggedOperation = "InvokeModel" | "Converse" | "InvokeModelWithResponseStream" | "ConverseStream";

export interface InvocationOutcome {
  operation: LoggedOperation;
  /** As the record names it (the profile ARN when called through a profile). */
  modelId: string;
  inferenceRegion: string;
  /** The parsed request body, when it was JSON. */
  inputBody: unknown;
  inputTokenCount: number;
  /** Absent on failures. A stream's body is the list of its chunks (or Converse events), as Bedrock logs it. */
  output?: { body: unknown; tokenCount: number };
  /** AWS's error code, on failures. */
  errorCode?: string;
  /** Prompt-cache counters, when the call read from or wrote to the cache. */
  cache?: { read: number; write: number };
  /**
   * The caller's request metadata (Converse's `requestMetadata`, InvokeModel's X-Amzn-Bedrock-Request-Metadata
   * header): key-value pairs Bedrock records with the call, so that logs can be filtered by them.
   */
  requestMetadata?: Record<string, string>;
}

/** Bodies larger than this go to the large-data S3 destination (or are left out without one), as on AWS. */
const LARGE_BODY_BYTES = 100 * 1024;

/** Second-precision UTC, like real records ("2025-08-15T15:46:41Z"). */
export const recordTimestamp = (ms: number): string => new Date(ms - (ms % 1000)).toISOString().replace(/\.000Z$/, "Z");

function s3Path(config: LoggingConfig, ctx: CallContext, kind: "input" | "output"): string | undefined {
  const s3 = config.cloudWatchConfig?.largeDataDeliveryS3Config;
  if (s3 === undefined) return undefined;
  const d = new Date(ctx.now).toISOString();
  const prefix = s3.keyPrefix ? `${s3.keyPrefix.replace(/\/$/, "")}/` : "";
  return `s3://${s3.bucketName}/${prefix}AWSLogs/${ctx.accountId}/BedrockModelInvocationLogs/${ctx.region}/${d.slice(0, 4)}/${d.slice(5, 7)}/${d.slice(8, 10)}/${d.slice(11, 13)}/${ctx.requestId}_${kind}.json.gz`;
}

function bodyFields(
  config: LoggingConfig,
  ctx: CallContext,
  kind: "input" | "output",
  body: unknown,
): Record<string, unknown> {
  if (config.textDataDeliveryEnabled === false || body === undefined) return {};
  const size = Buffer.byteLength(JSON.stringify(body) ?? "", "utf8");
  if (size <= LARGE_BODY_BYTES) return { [`${kind}BodyJson`]: body };
  const path = s3Path(config, ctx, kind);
  return path === undefined ? {} : { [`${kind}BodyS3Path`]: path };
}

/**
 * One ModelInvocationLog record, keys in the order real records carry them (docs/aws-behaviour.md); the optional cache
 * counters sit in `input` after inputTokenCount, as the field lists of log parsers for these records show them.
 */
export function buildInvocationRecord(ctx: CallContext, outcome: InvocationOutcome, config: LoggingConfig): string {
  const record: Record<string, unknown> = {
    timestamp: recordTimestamp(ctx.now),
    accountId: ctx.accountId,
    identity: { arn: ctx.principalArn },
    region: ctx.region,
    requestId: ctx.requestId,
    operation: outcome.operation,
    modelId: outcome.modelId,
  };
  if (outcome.requestMetadata !== undefined) record.requestMetadata = outcome.requestMetadata;
  if (outcome.errorCode !== undefined) record.errorCode = outcome.errorCode;
  record.input = {
    inputContentType: "application/json",
    ...bodyFields(config, ctx, "input", outcome.inputBody),
    inputTokenCount: outcome.inputTokenCount,
    ...(outcome.cache === undefined
      ? {}
      : { cacheReadInputTokenCount: outcome.cache.read, cacheWriteInputTokenCount: outcome.cache.write }),
  };
  if (outcome.output !== undefined) {
    record.output = {
      outputContentType: "application/json",
      ...bodyFields(config, ctx, "output", outcome.output.body),
      outputTokenCount: outcome.output.tokenCount,
    };
  }
  record.inferenceRegion = outcome.inferenceRegion;
  record.schemaType = "ModelInvocationLog";
  record.schemaVersion = "1.0";
  // Seen last in a published record; its place among the others is not documented.
  if (outcome.requestMetadata !== undefined) record.requestMetadata = outcome.requestMetadata;
  return JSON.stringify(record);
}
