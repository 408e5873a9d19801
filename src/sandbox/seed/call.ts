/**
 * One seeded call, from plan to invocation-log record and AWS/Bedrock metrics — the same record builder and metric
 * set a live call through the sandbox's runtime uses, so seeded and live history read alike.
 *
 * Outcome, in this order: throttled (0.4% + the incident's share; the SDK retries up to twice, 0.4–3 s later, each
 * attempt its own request and record), a server error (0.15%), the app's own client errors, else success. Success
 * has prompt caching (the app's system prompt: written on first use and after 5 idle minutes, read otherwise;
 * input tokens exclude cached ones, as Claude and Nova count them), an answer of the app's usual length or a long
 * one that max_tokens may cut, guardrail interventions on sensitive prompts, and a latency made of the model's
 * profile, a cross-Region routing penalty, jitter and the incident's slowdown.
 */
import type { LoggingConfig } from "../bedrock/logging-config.js";
import type { MetricDatum } from "../cloudwatch/metric-datum.js";
import { fnv1a } from "../model/hash.js";
import { resolveInvocationTarget } from "../model/resolve.js";
import {
  inputTokens,
  outputTokenBurndown,
  simulatedLatencyMs,
  SYSTEM_FRAMING_TOKENS,
  textTokens,
} from "../model/tokens.js";
import type { InvocationTarget } from "../model/types.js";
import { invocationMetrics } from "../pipeline/metrics.js";
import type { InvocationResult } from "../pipeline/metrics.js";
import type { LoggedOperation } from "../pipeline/record.js";
import { buildInvocationRecord } from "../pipeline/record.js";
import type { RequestShape, ResponseShape } from "./bodies.js";
import { requestBody, responseBody } from "./bodies.js";
import { GUARDRAIL_MESSAGE, LONG_ANSWER } from "./prompts.js";
import { gaussian } from "./rhythm.js";
import type { Incident } from "./scenarios.js";
import { answer, filler, reply, systemPrompt } from "./texts.js";
import type { AppProfile } from "./workload.js";

export interface CallPlan {
  at: number;
  app: AppProfile;
  /** As the app sends it (profile id or model id). */
  modelId: string;
  operation: LoggedOperation;
  tenant: string | undefined;
  prompt: string;
  /** A guardrail intervenes on this prompt. */
  sensitive: boolean;
  contextTokens: number;
  historyTurns: number;
  attempt: number;
}

export type CallKind = InvocationResult["kind"];

export interface SeededCall {
  plan: CallPlan;
  requestId: string;
  kind: CallKind;
  message: string;
  metrics: MetricDatum[];
  /** When the SDK retries a throttled call. */
  retryAt?: number;
  truncated: boolean;
  intervened: boolean;
  inputTokens: number;
  outputTokens: number;
}

const CACHE_TTL_MS = 5 * 60_000;
const THROTTLE_BASE = 0.004;
const SERVER_ERROR_SHARE = 0.0015;
const MAX_ATTEMPTS = 3;

export interface SimulatorOptions {
  accountId: string;
  region: string;
  config: LoggingConfig;
  incident: Incident;
  random: () => number;
}

export function fakeUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Extra milliseconds when a profile routes the call out of the caller's Region. */
function routingPenaltyMs(source: string, served: string): number {
  if (source === served) return 0;
  return source.split("-")[0] === served.split("-")[0] ? 60 : 220;
}

export class CallSimulator {
  readonly #o: SimulatorOptions;
  readonly #cacheUse = new Map<string, number>();

  constructor(options: SimulatorOptions) {
    this.#o = options;
  }

  simulate(plan: CallPlan): SeededCall {
    const { random, incident, accountId, region, config } = this.#o;
    const requestId = fakeUuid(random);
    const target = resolveInvocationTarget(region, accountId, plan.modelId, requestId);
    const request = this.#request(plan, target, random);
    const total = inputTokens(
      [
        ...Array.from({ length: request.history.length }, (_, i) => ({ content: [{ text: request.history[i] }] })),
        {
          content:
            request.context === "" ? [{ text: plan.prompt }] : [{ text: request.context }, { text: plan.prompt }],
        },
      ],
      request.system,
    );
    const throttleShare = THROTTLE_BASE + incident.throttleShare(target.metricModelId, plan.at);
    const u = random();
    const errorCode =
      u < throttleShare
        ? "ThrottlingException"
        : u < throttleShare + SERVER_ERROR_SHARE
          ? random() < 0.6
            ? "ServiceUnavailableException"
            : "InternalServerException"
          : u < throttleShare + SERVER_ERROR_SHARE + plan.app.clientErrorShare
            ? "ValidationException"
            : undefined;
    const ctx = { accountId, region, requestId, principalArn: plan.app.principal(accountId), now: plan.at };
    const logged = {
      operation: plan.operation,
      modelId: target.loggedModelId,
      inferenceRegion: target.inferenceRegion,
      inputBody: requestBody(request),
      ...(plan.app.tagsRequests ? { requestMetadata: requestMetadata(plan) } : {}),
    };
    const base = { plan, requestId, truncated: false, intervened: false, outputTokens: 0 };
    if (errorCode !== undefined) {
      const kind: CallKind =
        errorCode === "ThrottlingException"
          ? "throttled"
          : errorCode === "ValidationException"
            ? "client-error"
            : "server-error";
      const retry = kind === "throttled" && plan.attempt < MAX_ATTEMPTS;
      return {
        ...base,
        kind,
        inputTokens: 0,
        message: buildInvocationRecord(ctx, { ...logged, inputTokenCount: 0, errorCode }, config),
        metrics: invocationMetrics(target.metricModelId, { kind }, new Date(plan.at)),
        ...(retry ? { retryAt: plan.at + Math.round((400 + random() * 2600) * plan.attempt) } : {}),
      };
    }
    const response = this.#respond(plan, target, request, total, requestId, random);
    const legacy = target.foundationModel.modelLifecycle.status === "LEGACY";
    const cached = request.system !== undefined;
    const streamed = plan.operation === "InvokeModelWithResponseStream" || plan.operation === "ConverseStream";
    const result: InvocationResult = {
      kind: "success",
      latencyMs: response.latencyMs,
      inputTokens: response.inputTokens,
      outputTokens: response.outputTokens,
      legacy,
      outputBurndown: outputTokenBurndown(target.model),
      ...(cached ? { cacheWriteTokens: response.cacheWrite } : {}),
      ...(streamed ? { timeToFirstTokenMs: response.firstTokenMs } : {}),
    };
    return {
      ...base,
      kind: "success",
      truncated: response.stopReason === "max_tokens",
      intervened: plan.sensitive,
      inputTokens: response.inputTokens,
      outputTokens: response.outputTokens,
      message: buildInvocationRecord(
        ctx,
        {
          ...logged,
          inputTokenCount: response.inputTokens,
          output: { body: responseBody(request, response), tokenCount: response.outputTokens },
          ...(cached ? { cache: { read: response.cacheRead, write: response.cacheWrite } } : {}),
        },
        config,
      ),
      metrics: invocationMetrics(target.metricModelId, result, new Date(plan.at)),
    };
  }

  #request(plan: CallPlan, target: InvocationTarget, random: () => number): RequestShape {
    const { app } = plan;
    const seed = Math.floor(random() * 1_000_000);
    const history = Array.from({ length: plan.historyTurns }, (_, i) => filler(10 + ((seed + i * 17) % 50), seed + i));
    return {
      model: target.model,
      operation: plan.operation,
      system: app.cachedSystemTokens > 0 ? systemPrompt(app.name, app.cachedSystemTokens) : undefined,
      history,
      context: filler(plan.contextTokens, seed),
      prompt: plan.prompt,
      maxTokens: this.#o.incident.maxTokens(app, plan.at),
      guardrail: app.guardrailShare > 0,
    };
  }

  #respond(
    plan: CallPlan,
    target: InvocationTarget,
    request: RequestShape,
    total: number,
    requestId: string,
    random: () => number,
  ): ResponseShape {
    const { model } = target;
    const cachedTokens = request.system === undefined ? 0 : SYSTEM_FRAMING_TOKENS + textTokens(request.system);
    const cacheKey = `${plan.app.name}\u0000${target.metricModelId}`;
    const last = this.#cacheUse.get(cacheKey);
    const warm = last !== undefined && plan.at - last <= CACHE_TTL_MS;
    if (cachedTokens > 0) this.#cacheUse.set(cacheKey, plan.at);
    const cacheRead = warm ? cachedTokens : 0;
    const cacheWrite = warm ? 0 : cachedTokens;
    const input = total - cachedTokens;
    let text: string;
    let outputTokens: number;
    let stopReason: string;
    if (plan.sensitive) {
      text = GUARDRAIL_MESSAGE;
      outputTokens = textTokens(text);
      stopReason = plan.operation === "InvokeModel" ? "end_turn" : "guardrail_intervened";
    } else {
      const [lo, hi] = LONG_ANSWER.test(plan.prompt)
        ? [request.maxTokens * 0.8, request.maxTokens * 2.5]
        : plan.app.answerTokens;
      const cut = answer(reply(model, plan.prompt), Math.round(lo + random() * (hi - lo)), request.maxTokens);
      text = cut.text;
      outputTokens = cut.tokens;
      stopReason = cut.truncated ? "max_tokens" : "end_turn";
    }
    const penalty = routingPenaltyMs(target.sourceRegion, target.inferenceRegion);
    const slow = this.#o.incident.latencyFactor(target.metricModelId, plan.at) * Math.exp(0.18 * gaussian(random));
    const modelMs = simulatedLatencyMs(model.latency, input + cacheWrite, outputTokens, fnv1a(requestId));
    const latencyMs = Math.round((modelMs + cacheRead * model.latency.perInputTokenMs * 0.1 + penalty) * slow);
    const firstTokenMs = Math.round(
      (model.latency.baseMs * 0.7 + model.latency.perInputTokenMs * (input + cacheWrite) + penalty) * slow,
    );
    return {
      requestId,
      text,
      stopReason,
      inputTokens: input,
      outputTokens,
      cacheRead,
      cacheWrite,
      latencyMs,
      firstTokenMs: Math.min(firstTokenMs, latencyMs),
      ...(plan.app.guardrailShare > 0 && plan.operation === "InvokeModel"
        ? { guardrailAction: plan.sensitive ? ("INTERVENED" as const) : ("NONE" as const) }
        : {}),
    };
  }
}

function requestMetadata(plan: CallPlan): Record<string, string> {
  const { app } = plan;
  return {
    application_name: app.name,
    team: app.team,
    environment: app.environment,
    ...(plan.tenant === undefined ? {} : { tenant_id: plan.tenant }),
    ...(app.name === "eval-pipeline" ? { run_id: `nightly-${new Date(plan.at).toISOString().slice(0, 10)}` } : {}),
  };
}
