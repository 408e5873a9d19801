/**
 * Bedrock Runtime (REST-JSON, signing name `bedrock`): InvokeModel, Converse and their streaming forms,
 * InvokeModelWithResponseStream and ConverseStream, answered by the sandbox's model source (the simulated model,
 * or a real model behind --model-endpoint). Every call that resolves to a model publishes AWS/Bedrock metrics and,
 * when logging is configured, queues its invocation log record under its own operation name — failures included,
 * with `errorCode`. Calls with an invalid model id never reach a model and are not logged.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { CallContext } from "../context.js";
import { AwsError } from "../errors.js";
import type { FaultInjector } from "../faults/injector.js";
import {
  isStreaming,
  labelHeaders,
  legacyModelError,
  modelAccessDeniedError,
  prepareCall,
  resolveInvocationTarget,
} from "../model/index.js";
import type { Completion, ModelSource, RuntimeOperation } from "../model/index.js";
import { decodeUtf8 } from "../protocol/json.js";
import type { RestReply, RestRequest, RestRoute } from "../server/types.js";
import type { RecordDeps } from "./runtime-record.js";
import { callRecorder } from "./runtime-record.js";
import { startStream } from "./runtime-stream.js";

export interface RuntimeDeps extends RecordDeps {
  faults: FaultInjector;
  model: ModelSource;
}

const ROUTES: readonly (readonly [string, RuntimeOperation])[] = [
  ["invoke", "InvokeModel"],
  ["converse", "Converse"],
  ["invoke-with-response-stream", "InvokeModelWithResponseStream"],
  ["converse-stream", "ConverseStream"],
];

export function bedrockRuntimeRoutes(deps: RuntimeDeps): RestRoute[] {
  return ROUTES.map(([suffix, operation]) => ({
    method: "POST",
    path: `/model/{modelId}/${suffix}`,
    operation,
    handler: (req, ctx) => runtimeCall(deps, operation, req, ctx),
  }));
}

async function runtimeCall(
  deps: RuntimeDeps,
  operation: RuntimeOperation,
  req: RestRequest,
  ctx: CallContext,
): Promise<RestReply> {
  const target = resolveInvocationTarget(ctx.region, ctx.accountId, req.params.modelId ?? "", ctx.requestId);
  const converseLike = operation === "Converse" || operation === "ConverseStream";
  const text = decodeUtf8(req.body, converseLike ? "SerializationException" : "ValidationException");
  const fault = deps.faults.decide("bedrock-runtime");
  if (fault.latencyMs > 0) await sleep(fault.latencyMs);
  const header = req.headers[METADATA_HEADER];
  const metadata = requestMetadata(
    converseLike ? parseLoose(text) : Array.isArray(header) ? header[0] : header,
    converseLike,
  );
  const recorder = callRecorder(deps, ctx, target, operation, text, metadata);
  try {
    if (deps.faults.config.modelAccessDenied) throw modelAccessDeniedError();
    if (deps.faults.config.legacyEnforced && target.foundationModel.modelLifecycle.status === "LEGACY") {
      throw legacyModelError();
    }
    if (fault.error) throw fault.error;
    const call = prepareCall(operation, target, text, ctx.requestId);
    if (isStreaming(operation)) {
      const breakWith = deps.faults.decideStreamError();
      return await startStream({ operation, target, call, recorder, model: deps.model, breakWith });
    }
    const completion = await deps.model.complete(target, call.request);
    const body = call.reply(completion);
    recorder.success(completion, body);
    return wholeReply(operation, body, completion, deps.model);
  } catch (error) {
    if (error instanceof AwsError) recorder.failure(error);
    throw error;
  }
}

const METADATA_HEADER = "x-amzn-bedrock-request-metadata";

function parseLoose(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The request metadata a call carries: Converse's `requestMetadata` member, or InvokeModel's header holding a JSON
 * object (as the JS SDK sends it, or base64-encoded, as a JSON-valued header may be). Only string values are kept;
 * anything else is ignored rather than refused.
 */
function requestMetadata(source: unknown, inBody: boolean): Record<string, string> | undefined {
  let value: unknown = inBody ? (source as { requestMetadata?: unknown } | undefined)?.requestMetadata : undefined;
  if (!inBody && typeof source === "string") {
    value = parseLoose(source) ?? parseLoose(Buffer.from(source, "base64").toString("utf8"));
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const pairs = Object.entries(value).filter((pair): pair is [string, string] => typeof pair[1] === "string");
  return pairs.length > 0 ? Object.fromEntries(pairs) : undefined;
}

function wholeReply(
  operation: RuntimeOperation,
  body: Record<string, unknown>,
  completion: Completion,
  model: ModelSource,
): RestReply {
  const label = labelHeaders(model.label, completion.backendModel);
  if (operation === "Converse") return { json: body, headers: label };
  return {
    raw: Buffer.from(JSON.stringify(body), "utf8"),
    headers: {
      "content-type": "application/json",
      "x-amzn-bedrock-invocation-latency": String(completion.latencyMs),
      "x-amzn-bedrock-input-token-count": String(completion.inputTokens),
      "x-amzn-bedrock-output-token-count": String(completion.outputTokens),
      ...label,
    },
  };
}
