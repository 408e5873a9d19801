import { setTimeout as sleep } from "node:timers/promises";
import type { CallContext } from "../context.js";
import { AwsError } from "../errors.js";
import type { FaultInjector } from "../faults/injector.js";
import {
  converse,
  invokeModelBody,
  legacyModelError,
  modelAccessDeniedError,
  resolveInvocationTarget,
  SIMULATED_MODEL_HEADER,
  SIMULATED_MODEL_HEADER_VALUE,
} from "../model/index.js";
import type { InvocationTarget } from "../model/index.js";
import type { InvocationLogDelivery } from "../pipeline/delivery.js";
import type { InvocationResult, MetricSink } from "../pipeline/metrics.js";
import { BEDROCK_NAMESPACE, invocationMetrics } from "../pipeline/metrics.js";
import type { InvocationOutcome, LoggedOperation } from "../pipeline/record.js";
import { decodeJsonObject, decodeUtf8 } from "../protocol/json.js";
import type { RestReply, RestRequest, RestRoute } from "../server/types.js";

export interface RuntimeDeps {
  faults: FaultInjector;
  delivery: InvocationLogDelivery;
  metrics: MetricSink;
  /** Runs the call's writes (metrics, queued record) as one transaction: one commit, one fsync. */
  transaction: (fn: () => void) => void;
}

interface Success {
  reply: RestReply;
  responseBody: unknown;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
}

function parseLoose(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Bedrock Runtime (REST-JSON, signing name `bedrock`): InvokeModel and Converse over the simulated model. Every call
 * that resolves to a model publishes AWS/Bedrock metrics and, when logging is configured, queues its invocation log
 * record — failures included, with `errorCode`. Calls with an invalid model id never reach a model and are not logged.
 */
export function bedrockRuntimeRoutes(deps: RuntimeDeps): RestRoute[] {
  const run = async (operation: LoggedOperation, req: RestRequest, ctx: CallContext): Promise<RestReply> => {
    const target = resolveInvocationTarget(ctx.region, ctx.accountId, req.params.modelId ?? "", ctx.requestId);
    const text = decodeUtf8(req.body, operation === "Converse" ? "SerializationException" : "ValidationException");
    const inputBody = parseLoose(text);
    const fault = deps.faults.decide("bedrock-runtime");
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    const legacy = target.foundationModel.modelLifecycle.status === "LEGACY";
    // Metrics and the queued record of the call, one transaction whether it succeeded or failed.
    const record = (
      result: InvocationResult,
      logged: Pick<InvocationOutcome, "inputTokenCount" | "output" | "errorCode">,
    ): void =>
      deps.transaction(() => {
        publish(deps, ctx, target, result);
        deps.delivery.enqueue(ctx, {
          operation,
          modelId: target.loggedModelId,
          inferenceRegion: target.inferenceRegion,
          inputBody,
          ...logged,
        });
      });
    let outcome: Success;
    try {
      if (deps.faults.config.modelAccessDenied) throw modelAccessDeniedError();
      if (deps.faults.config.legacyEnforced && legacy) throw legacyModelError();
      if (fault.error) throw fault.error;
      outcome = operation === "InvokeModel" ? invoke(target, text, ctx) : chat(target, text);
    } catch (error) {
      if (error instanceof AwsError) {
        const kind = error.status === 429 ? "throttled" : error.status >= 500 ? "server-error" : "client-error";
        record({ kind }, { inputTokenCount: 0, errorCode: error.code });
      }
      throw error;
    }
    const { latencyMs, inputTokens, outputTokens, responseBody } = outcome;
    record(
      { kind: "success", latencyMs, inputTokens, outputTokens, legacy },
      { inputTokenCount: inputTokens, output: { body: responseBody, tokenCount: outputTokens } },
    );
    return outcome.reply;
  };

  const unsupported = (): RestReply => {
    throw new AwsError(
      "ValidationException",
      "The sandbox does not stream responses: use InvokeModel or Converse instead.",
    );
  };
  return [
    {
      method: "POST",
      path: "/model/{modelId}/invoke",
      operation: "InvokeModel",
      handler: (req, ctx) => run("InvokeModel", req, ctx),
    },
    {
      method: "POST",
      path: "/model/{modelId}/converse",
      operation: "Converse",
      handler: (req, ctx) => run("Converse", req, ctx),
    },
    {
      method: "POST",
      path: "/model/{modelId}/invoke-with-response-stream",
      operation: "InvokeModelWithResponseStream",
      handler: unsupported,
    },
    { method: "POST", path: "/model/{modelId}/converse-stream", operation: "ConverseStream", handler: unsupported },
  ];
}

function invoke(target: InvocationTarget, text: string, ctx: CallContext): Success {
  const r = invokeModelBody(target, text, { requestId: ctx.requestId });
  return {
    reply: {
      raw: Buffer.from(JSON.stringify(r.responseBody), "utf8"),
      headers: {
        "content-type": "application/json",
        "x-amzn-bedrock-invocation-latency": String(r.latencyMs),
        "x-amzn-bedrock-input-token-count": String(r.inputTokens),
        "x-amzn-bedrock-output-token-count": String(r.outputTokens),
        [SIMULATED_MODEL_HEADER]: SIMULATED_MODEL_HEADER_VALUE,
      },
    },
    responseBody: r.responseBody,
    inputTokens: r.inputTokens,
    outputTokens: r.outputTokens,
    latencyMs: r.latencyMs,
  };
}

function chat(target: InvocationTarget, text: string): Success {
  const r = converse(target, decodeJsonObject(Buffer.from(text, "utf8")));
  return {
    reply: { json: r, headers: { [SIMULATED_MODEL_HEADER]: SIMULATED_MODEL_HEADER_VALUE } },
    responseBody: r,
    inputTokens: r.usage.inputTokens,
    outputTokens: r.usage.outputTokens,
    latencyMs: r.metrics.latencyMs,
  };
}

function publish(deps: RuntimeDeps, ctx: CallContext, target: InvocationTarget, result: InvocationResult): void {
  deps.metrics.putMetricData(
    ctx.accountId,
    ctx.region,
    BEDROCK_NAMESPACE,
    invocationMetrics(target.metricModelId, result, new Date(ctx.now)),
    ctx.now,
  );
}
