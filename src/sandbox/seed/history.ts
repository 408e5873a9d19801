/**
 * `genai-lab sandbox seed --hours N --rate R`: backfills realistic invocation history — ModelInvocationLog records in
 * the logging group (the configured one, else /aws/bedrock/model-invocations) and the AWS/Bedrock metrics — spread
 * over the last N hours at about R invocations a minute, so dashboards and queries have something to show.
 * Replies come from the simulated model, so token counts and bodies are what live calls would produce. About one
 * call in four is a stream (InvokeModelWithResponseStream: its chunks logged, TimeToFirstToken published), chosen
 * from the request id so the PRNG's sequence — and every seeded history — stays as it was.
 */
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { SANDBOX_USER_NAME } from "../auth/identity.js";
import { INVOCATION_LOG_STREAM, LoggingConfigStore } from "../bedrock/logging-config.js";
import { createCloudWatchService } from "../cloudwatch/index.js";
import type { MetricDatum } from "../cloudwatch/metric-datum.js";
import type { CallContext } from "../context.js";
import { SANDBOX_DEFAULTS } from "../context.js";
import { createPrng } from "../faults/prng.js";
import { ANTHROPIC_VERSION } from "../model/anthropic.js";
import { fnv1a } from "../model/hash.js";
import {
  invokeModelBody,
  loggedPart,
  outputTokenBurndown,
  resolveInvocationTarget,
  simulatedStreamParts,
} from "../model/index.js";
import type { InvocationTarget } from "../model/index.js";
import { BEDROCK_NAMESPACE, deliveryMetrics, invocationMetrics } from "../pipeline/metrics.js";
import { buildInvocationRecord } from "../pipeline/record.js";
import type { LoggingConfig } from "../bedrock/logging-config.js";
import { openDatabase } from "../storage/db.js";
import { LogsStore } from "../storage/logs-store.js";
import { SEED_PROMPTS } from "./prompts.js";

export interface SeedOptions {
  dbPath: string;
  hours: number;
  /** Invocations per minute, on average. */
  rate: number;
  accountId?: string;
  region?: string;
  /** Model ids or inference-profile ids to spread calls over. Default: a Claude and a Nova profile of the Region. */
  modelIds?: string[];
  seed?: number;
  /** The end of the window, epoch ms. Default now. */
  now?: number;
}

export interface SeedResult {
  invocations: number;
  throttled: number;
  logGroupName: string;
  from: number;
  to: number;
}

export const DEFAULT_SEED_LOG_GROUP = "/aws/bedrock/model-invocations";
/**
 * The models a learner's dashboard will chart: the newest ACTIVE Claude (what the lab offers in place of the seed's
 * Legacy model), the seed's own model through its inference profile (for learners who keep it), and two others.
 */
const DEFAULT_MODELS = [
  "us.anthropic.claude-sonnet-4-6",
  "us.anthropic.claude-3-5-sonnet-20241022-v2:0",
  "us.anthropic.claude-haiku-4-5-20251001-v1:0",
  "us.amazon.nova-lite-v1:0",
];
const THROTTLE_SHARE = 0.02;
const CHUNK = 500;

function targets(region: string, accountId: string, ids: readonly string[] | undefined): InvocationTarget[] {
  const wanted =
    ids ??
    DEFAULT_MODELS.map((id) =>
      region.startsWith("us-") ? id : id.replace(/^us\./, region.startsWith("eu-") ? "eu." : "apac."),
    );
  const out: InvocationTarget[] = [];
  for (const id of wanted) {
    try {
      out.push(resolveInvocationTarget(region, accountId, id));
    } catch (error) {
      if (ids !== undefined) throw error;
    }
  }
  if (out.length === 0) throw new Error(`None of the seed models is callable in ${region}; pass modelIds.`);
  return out;
}

export async function seedHistory(
  options: SeedOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<SeedResult> {
  const accountId = options.accountId ?? SANDBOX_DEFAULTS.accountId;
  const region = options.region ?? SANDBOX_DEFAULTS.region;
  const to = options.now ?? Date.now();
  const from = to - options.hours * 3600_000;
  const total = Math.max(0, Math.round(options.hours * 60 * options.rate));
  const random = createPrng(options.seed ?? 20250815);
  const db = openDatabase(options.dbPath);
  try {
    const logs = new LogsStore(db);
    const cloudwatch = createCloudWatchService(db);
    const configured = new LoggingConfigStore(db).get(accountId, region);
    const config: LoggingConfig = configured ?? { textDataDeliveryEnabled: true };
    const logGroupName = configured?.cloudWatchConfig?.logGroupName ?? DEFAULT_SEED_LOG_GROUP;
    const group =
      logs.findGroup(accountId, region, logGroupName) ?? logs.createGroup(accountId, region, logGroupName, from);
    const stream = logs.ensureStream(group.id, INVOCATION_LOG_STREAM, from);
    const models = targets(region, accountId, options.modelIds);
    // Evenly spaced with jitter, so the series has no gaps and no suspicious regularity.
    const times = Array.from({ length: total }, (_, i) =>
      Math.floor(from + ((i + random()) / Math.max(total, 1)) * (to - from)),
    );
    let throttled = 0;
    for (let start = 0; start < total; start += CHUNK) {
      db.transaction(() => {
        for (let i = start; i < Math.min(total, start + CHUNK); i += 1) {
          const at = times[i] ?? to;
          const target = models[Math.floor(random() * models.length)] ?? (models[0] as InvocationTarget);
          const prompt = SEED_PROMPTS[Math.floor(random() * SEED_PROMPTS.length)] ?? "What is Amazon Bedrock?";
          const requestId = fakeUuid(random);
          const ctx: CallContext = {
            accountId,
            region,
            requestId,
            principalArn: `arn:aws:iam::${accountId}:user/${SANDBOX_USER_NAME}`,
            now: at,
          };
          const body = requestBody(target, prompt);
          const streamed = fnv1a(requestId) % 4 === 0;
          const logged = {
            operation: streamed ? "InvokeModelWithResponseStream" : "InvokeModel",
            modelId: target.loggedModelId,
            inferenceRegion: target.inferenceRegion,
            inputBody: body,
          } as const;
          const data: MetricDatum[] = [];
          let message: string;
          if (random() < THROTTLE_SHARE) {
            throttled += 1;
            data.push(...invocationMetrics(target.metricModelId, { kind: "throttled" }, new Date(at)));
            message = buildInvocationRecord(
              ctx,
              { ...logged, inputTokenCount: 0, errorCode: "ThrottlingException" },
              config,
            );
          } else {
            const call = completeCall(target, body, requestId, streamed);
            data.push(
              ...invocationMetrics(
                target.metricModelId,
                {
                  kind: "success",
                  latencyMs: call.latencyMs,
                  inputTokens: call.inputTokens,
                  outputTokens: call.outputTokens,
                  legacy: target.foundationModel.modelLifecycle.status === "LEGACY",
                  outputBurndown: outputTokenBurndown(target.model),
                  ...(streamed ? { timeToFirstTokenMs: call.firstTokenMs } : {}),
                },
                new Date(at),
              ),
            );
            message = buildInvocationRecord(
              ctx,
              {
                ...logged,
                inputTokenCount: call.inputTokens,
                output: { body: call.outputBody, tokenCount: call.outputTokens },
              },
              config,
            );
          }
          const ingested = at + 3000 + Math.floor(random() * 9000);
          logs.appendEvents(group.id, stream.id, [{ timestamp: at, message }], ingested);
          cloudwatch.putMetricData(accountId, region, BEDROCK_NAMESPACE, data, at);
          cloudwatch.putMetricData(
            accountId,
            region,
            BEDROCK_NAMESPACE,
            deliveryMetrics(true, new Date(ingested)),
            ingested,
          );
        }
      }).immediate();
      onProgress?.(Math.min(total, start + CHUNK), total);
      await yieldToLoop();
    }
    if (total === 0) onProgress?.(0, 0);
    return { invocations: total, throttled, logGroupName, from, to };
  } finally {
    db.close();
  }
}

/** One successful call's numbers and logged output body, whole (InvokeModel) or streamed. */
function completeCall(target: InvocationTarget, body: Record<string, unknown>, requestId: string, streamed: boolean) {
  if (streamed) {
    const { generation, parts } = simulatedStreamParts(
      "InvokeModelWithResponseStream",
      target,
      JSON.stringify(body),
      requestId,
    );
    return { ...generation, outputBody: parts.map(loggedPart) as unknown };
  }
  const r = invokeModelBody(target, JSON.stringify(body), { requestId });
  return { ...r, firstTokenMs: undefined, outputBody: r.responseBody as unknown };
}

function requestBody(target: InvocationTarget, prompt: string): Record<string, unknown> {
  if (target.model.family === "nova") {
    return {
      schemaVersion: "messages-v1",
      messages: [{ role: "user", content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens: 256 },
    };
  }
  return { anthropic_version: ANTHROPIC_VERSION, max_tokens: 256, messages: [{ role: "user", content: prompt }] };
}

function fakeUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
