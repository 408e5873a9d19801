/**
 * A fixed, realistic data set: Bedrock model invocation records (the real record shape and key order of
 * docs/aws-behaviour.md: nested token counts, InvokeModel and Converse bodies, an inference-profile ARN as modelId),
 * plain-text application lines, and a Lambda function's START/END/REPORT lines. All on 2025-08-15 (UTC).
 */
import { MemorySource } from "./memory-source.js";

export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";
export const BEDROCK_GROUP = "/aws/bedrock/model-invocations";
export const APP_GROUP = "/genai-lab/app";
export const LAMBDA_GROUP = "/aws/lambda/genai-handler";
export const BEDROCK_STREAM = "aws/bedrock/modelinvocations";

export const HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
export const SONNET_PROFILE =
  "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20241022-v2:0";
export const NOVA = "amazon.nova-lite-v1:0";

/** 2025-08-15T00:00:00Z, and the day as StartQuery's inclusive epoch-second range. */
export const DAY_MS = Date.UTC(2025, 7, 15);
export const DAY = { startTime: DAY_MS / 1000, endTime: DAY_MS / 1000 + 86_399 };

export function at(hhmmss: string): number {
  const [h, m, s] = hhmmss.split(":").map(Number);
  return DAY_MS + ((h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0)) * 1000;
}

export interface Invocation {
  time: string;
  model: string;
  user: "alice" | "bob";
  inTokens: number;
  outTokens: number;
  prompt: string;
  completion: string;
  stopReason: string;
  latencyMs?: number;
  extra?: Record<string, unknown>;
  inputExtra?: Record<string, unknown>;
}

export const LONG_COMPLETION =
  "Retrieval-Augmented Generation (RAG) first searches your own documents for passages that match the question, " +
  "then hands those passages to the model together with the question, so the answer is grounded in your data " +
  "instead of only what the model memorised during training.";

export const INVOCATIONS: readonly Invocation[] = [
  {
    time: "09:05:10",
    model: HAIKU,
    user: "alice",
    inTokens: 12,
    outTokens: 85,
    prompt: "What is Amazon Bedrock?",
    completion: "Amazon Bedrock is a managed service for foundation models.",
    stopReason: "end_turn",
  },
  {
    time: "09:20:30",
    model: HAIKU,
    user: "alice",
    inTokens: 14,
    outTokens: 128,
    prompt: "Explain RAG in simple terms.",
    completion: LONG_COMPLETION,
    stopReason: "max_tokens",
  },
  {
    time: "09:45:00",
    model: SONNET_PROFILE,
    user: "bob",
    inTokens: 17,
    outTokens: 120,
    prompt: "List 3 benefits of serverless computing.",
    completion: "1. No servers to manage. 2. Pay per use. 3. Automatic scaling.",
    stopReason: "end_turn",
  },
  {
    time: "10:02:15",
    model: NOVA,
    user: "alice",
    inTokens: 9,
    outTokens: 64,
    prompt: "What is prompt engineering?",
    completion: "Prompt engineering is designing inputs that steer a model.",
    stopReason: "end_turn",
    latencyMs: 530,
  },
  {
    time: "10:30:45",
    model: HAIKU,
    user: "bob",
    inTokens: 13,
    outTokens: 128,
    prompt: "How does vector search work?",
    completion: "Vector search embeds items as vectors and finds the nearest ones.",
    stopReason: "max_tokens",
  },
  {
    time: "11:10:00",
    model: SONNET_PROFILE,
    user: "alice",
    inTokens: 12,
    outTokens: 101,
    prompt: "What is Amazon Bedrock?",
    completion: "Bedrock offers models from several providers through one API.",
    stopReason: "end_turn",
  },
  {
    time: "11:55:59",
    model: NOVA,
    user: "bob",
    inTokens: 11,
    outTokens: 47,
    prompt: "Explain RAG in simple terms.",
    completion: "RAG looks things up before answering.",
    stopReason: "end_turn",
    latencyMs: 812,
  },
  {
    time: "12:00:00",
    model: HAIKU,
    user: "alice",
    inTokens: 20,
    outTokens: 110,
    prompt: "Summarise our refund policy.",
    completion: "Refunds are possible within 30 days.",
    stopReason: "end_turn",
    extra: { requestMetadata: { team: "support" } },
    inputExtra: { cacheReadInputTokenCount: 5 },
  },
];

function converse(inv: Invocation): { input: unknown; output: unknown } {
  return {
    input: {
      messages: [{ role: "user", content: [{ text: inv.prompt }] }],
      inferenceConfig: { maxTokens: 128 },
    },
    output: {
      output: { message: { role: "assistant", content: [{ text: inv.completion }] } },
      stopReason: inv.stopReason,
      usage: {
        inputTokens: inv.inTokens,
        outputTokens: inv.outTokens,
        totalTokens: inv.inTokens + inv.outTokens,
      },
      metrics: { latencyMs: inv.latencyMs ?? 0 },
    },
  };
}

function anthropic(inv: Invocation, index: number): { input: unknown; output: unknown } {
  return {
    input: {
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 128,
      messages: [{ role: "user", content: inv.prompt }],
    },
    output: {
      id: `msg_bdrk_01AbCdEf${index}`,
      type: "message",
      role: "assistant",
      model: inv.model.includes("haiku") ? "claude-3-haiku-20240307" : "claude-3-5-sonnet-20241022",
      content: [{ type: "text", text: inv.completion }],
      stop_reason: inv.stopReason,
      stop_sequence: null,
      usage: { input_tokens: inv.inTokens, output_tokens: inv.outTokens },
    },
  };
}

export function requestId(index: number): string {
  return `0b5a7c3e-1d2f-4a6b-9c8d-00000000000${index}`;
}

/** The invocation log record exactly as Bedrock writes it (keys in Bedrock's order). */
export function invocationRecord(inv: Invocation, index: number): string {
  const isConverse = inv.model === NOVA;
  const body = isConverse ? converse(inv) : anthropic(inv, index);
  return JSON.stringify({
    timestamp: new Date(at(inv.time)).toISOString().replace(".000Z", "Z"),
    accountId: ACCOUNT,
    identity: { arn: `arn:aws:sts::${ACCOUNT}:assumed-role/genai-lab-learner/${inv.user}` },
    region: REGION,
    requestId: requestId(index),
    operation: isConverse ? "Converse" : "InvokeModel",
    modelId: inv.model,
    input: {
      inputContentType: "application/json",
      inputBodyJson: body.input,
      inputTokenCount: inv.inTokens,
      ...inv.inputExtra,
    },
    output: {
      outputContentType: "application/json",
      outputBodyJson: body.output,
      outputTokenCount: inv.outTokens,
    },
    inferenceRegion: "us-east-1",
    schemaType: "ModelInvocationLog",
    schemaVersion: "1.0",
    ...inv.extra,
  });
}

export const APP_LINES: readonly [string, string][] = [
  ["09:10:00", "2025-08-15T09:10:00Z INFO user=alice, method:invoke, latency := 812"],
  ["09:40:00", "2025-08-15T09:40:00Z ERROR user=bob, method:invoke, latency := 1503"],
  ["10:15:00", "2025-08-15T10:15:00Z INFO user=alice, method:converse, latency := 640"],
];

export const LAMBDA_REQUEST_1 = "11111111-aaaa-bbbb-cccc-000000000001";
export const LAMBDA_REQUEST_2 = "11111111-aaaa-bbbb-cccc-000000000002";
export const LAMBDA_STREAM = "2025/08/15/[$LATEST]abc123";

export const LAMBDA_LINES: readonly [string, string][] = [
  ["09:00:00", `START RequestId: ${LAMBDA_REQUEST_1} Version: $LATEST`],
  ["09:00:01", `{"level":"INFO","msg":"calling bedrock","modelId":"${HAIKU}"}`],
  ["09:00:02", `END RequestId: ${LAMBDA_REQUEST_1}`],
  [
    "09:00:02",
    `REPORT RequestId: ${LAMBDA_REQUEST_1}\tDuration: 1534.21 ms\tBilled Duration: 1535 ms\tMemory Size: 256 MB\tMax Memory Used: 91 MB\tInit Duration: 412.07 ms\t`,
  ],
  ["10:30:00", `START RequestId: ${LAMBDA_REQUEST_2} Version: $LATEST`],
  ["10:30:02", `END RequestId: ${LAMBDA_REQUEST_2}`],
  [
    "10:30:02",
    `REPORT RequestId: ${LAMBDA_REQUEST_2}\tDuration: 986.5 ms\tBilled Duration: 987 ms\tMemory Size: 256 MB\tMax Memory Used: 88 MB\t`,
  ],
];

/** A source holding the whole fixture: three groups, created at midnight. */
export function fixtureSource(): MemorySource {
  const source = new MemorySource(ACCOUNT, REGION);
  source.createGroup(BEDROCK_GROUP, DAY_MS);
  source.createGroup(APP_GROUP, DAY_MS);
  source.createGroup(LAMBDA_GROUP, DAY_MS);
  source.put(
    BEDROCK_GROUP,
    INVOCATIONS.map((inv, index) => ({ timestamp: at(inv.time), message: invocationRecord(inv, index + 1) })),
    BEDROCK_STREAM,
  );
  source.put(
    APP_GROUP,
    APP_LINES.map(([time, message]) => ({ timestamp: at(time), message })),
    "app-1",
  );
  source.put(
    LAMBDA_GROUP,
    LAMBDA_LINES.map(([time, message]) => ({ timestamp: at(time), message })),
    LAMBDA_STREAM,
  );
  return source;
}
