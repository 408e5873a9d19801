import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { authenticate } from "../auth/authenticate.js";
import type { IdentityResolver } from "../auth/identity.js";
import { AuthFailure } from "../auth/sigv4.js";
import type { SignedRequestParts } from "../auth/sigv4.js";
import type { CallContext } from "../context.js";
import { AwsError } from "../errors.js";
import type { FaultInjector } from "../faults/injector.js";
import { authError } from "../protocol/auth-errors.js";
import { decodeCbor } from "../protocol/cbor.js";
import { coerceCloudWatchQuery } from "../protocol/cloudwatch-query.js";
import { jsonTooDeep, tooDeepMessage } from "../protocol/depth.js";
import { decodeJsonObject } from "../protocol/json.js";
import { formToObject } from "../protocol/query.js";
import type { ServiceName } from "../protocol/types.js";
import { QUERY_VERSION, SIGNING_NAME } from "../protocol/types.js";
import { classify, scopeService, serviceForAction } from "./classify.js";
import type { Route } from "./classify.js";
import type { Reply, StreamedReply } from "./encode.js";
import { errorReply, rpcReply, send, sendReply } from "./encode.js";
import { checkQueryBodyLimit, header, queryParams, receiveBody, refuse } from "./front-door.js";
import type { FrontDoor } from "./front-door.js";
import { refusal } from "./gate.js";
import { matchRoute } from "./rest-router.js";
import type { OperationHandler, RestRoute } from "./types.js";

export interface SandboxRuntime {
  now(): number;
  identities: IdentityResolver;
  faults: FaultInjector;
  /**
   * Runs before every authenticated call (materialises due invocation-log deliveries, continues an ongoing seeded
   * incident, evaluates alarms).
   */
  beforeRequest(now: number): void | Promise<void>;
  rpc: Readonly<Partial<Record<ServiceName, Readonly<Record<string, OperationHandler | undefined>>>>>;
  rest: Readonly<Partial<Record<ServiceName, readonly RestRoute[]>>>;
  admin(req: IncomingMessage, res: ServerResponse, rawPath: string): Promise<void>;
  /** Unexpected exceptions (bugs): reported, answered as a 500 in the protocol's shape. */
  onInternalError(error: unknown): void;
}

/**
 * One HTTP exchange, start to finish. Never throws: every failure becomes a reply in the right protocol shape.
 * Order: the Host/Origin gate, the admin API, the body (limited), the Query parameters (flat), authentication, and
 * only then the nested decoding of the input and the operation.
 */
export async function handleHttp(
  rt: SandboxRuntime,
  front: FrontDoor,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const requestId = randomUUID();
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const rawPath = q < 0 ? url : url.slice(0, q);
  const rawQuery = q < 0 ? "" : url.slice(q + 1);
  const method = req.method ?? "GET";
  const admin = rawPath === "/_sandbox" || rawPath.startsWith("/_sandbox/");
  let route = classify(method, rawPath, req.headers);
  const refused = refusal(req.headers, front.hosts);
  if (refused !== undefined) {
    refuse(res, requestId, admin ? undefined : route, refused);
    return;
  }
  if (admin) {
    await rt.admin(req, res, rawPath);
    return;
  }
  // The Date header carries the sandbox clock: SDKs correct their signing clock from it, as they do against AWS.
  res.setHeader("date", new Date(rt.now()).toUTCString());
  const reply = (error: AwsError, close = false): void =>
    send(res, requestId, errorReply(route.protocol, route.service, error, requestId), close);

  // A Query request names its Action in the body: until it is read, its signing scope tells the service.
  if (route.protocol === "query") {
    route = { ...route, service: serviceForAction(queryStringAction(rawQuery), scopeService(req.headers, rawQuery)) };
  }
  const received = await receiveBody(req, route, front.limits);
  if (received === undefined) return;
  if (received instanceof AwsError) {
    reply(received, true);
    return;
  }
  const { body, sha256 } = received;

  // Large bodies take turns (see heavy.ts), so small requests are answered between them.
  await front.heavy.run(body.length, async () => {
    try {
      let params: Map<string, string> | undefined;
      if (route.protocol === "query") {
        params = queryParams(method, rawQuery, req.headers, body);
        const action = params.get("Action");
        route = { ...route, service: serviceForAction(action, scopeService(req.headers, rawQuery)), operation: action };
        checkQueryBodyLimit(route, route.service ?? "sts", action, body.length);
      }
      if (route.service === undefined) {
        const target = route.operation ?? header(req.headers, "x-amz-target");
        throw new AwsError(
          "UnknownOperationException",
          target ? `Unknown operation ${target}` : `No operation at ${method} ${rawPath.slice(0, 200)}`,
          {
            status: route.protocol === "rest-json" ? 404 : 400,
          },
        );
      }
      const service = route.service;
      const now = rt.now();
      const parts: SignedRequestParts = { method, rawPath, rawQuery, headers: req.headers, body, bodySha256: sha256 };
      const { identity, region } = authenticate(parts, SIGNING_NAME[service], rt.identities, now);
      // Nested decoding (recursive, depth-limited) only for authenticated callers.
      const input = params === undefined ? undefined : formToObject(params);
      const ctx: CallContext = {
        accountId: identity.accountId,
        region,
        requestId,
        principalArn: identity.principalArn,
        userId: identity.userId,
        now,
      };
      await rt.beforeRequest(now);
      if (service !== "bedrock-runtime") {
        const fault = rt.faults.decide(service);
        if (fault.latencyMs > 0) await sleep(fault.latencyMs);
        if (fault.error) throw fault.error;
      }
      const out = await invoke(rt, route, service, parts, input, ctx);
      await sendReply(res, requestId, out);
    } catch (error) {
      if (error instanceof AuthFailure) reply(authError(error, route.protocol, route.service === "monitoring"));
      else if (error instanceof AwsError) reply(error);
      else {
        rt.onInternalError(error);
        reply(
          new AwsError(
            "InternalFailure",
            "The request processing has failed because of an unknown error, exception or failure.",
            { status: 500 },
          ),
        );
      }
    }
  });
}

async function invoke(
  rt: SandboxRuntime,
  route: Route,
  service: ServiceName,
  { method, rawPath, rawQuery, headers, body }: SignedRequestParts,
  queryInput: Record<string, unknown> | undefined,
  ctx: CallContext,
): Promise<Reply | StreamedReply> {
  switch (route.protocol) {
    case "rest-json": {
      const match = matchRoute(rt.rest[service] ?? [], method, rawPath);
      if (match === undefined || match === "wrong-method") {
        throw new AwsError("UnknownOperationException", `No operation at ${method} ${rawPath.slice(0, 200)}`, {
          status: match === undefined ? 404 : 405,
        });
      }
      // Bedrock's bodies are JSON the routes parse and walk (and log): refuse absurd nesting first, as malformed.
      if (jsonTooDeep(body)) throw new AwsError("ValidationException", `Malformed input request: ${tooDeepMessage()}`);
      const r = await match.route.handler(
        { method, params: match.params, query: new URLSearchParams(rawQuery), headers, body },
        ctx,
      );
      const replyHeaders: Record<string, string> = { ...(r.headers ?? {}) };
      if (r.stream !== undefined) return { status: r.status ?? 200, headers: replyHeaders, body: r.stream };
      if (r.raw !== undefined) return { status: r.status ?? 200, headers: replyHeaders, body: r.raw };
      if (r.json === undefined) return { status: r.status ?? 200, headers: replyHeaders, body: "" };
      replyHeaders["content-type"] ??= "application/json";
      return { status: r.status ?? 200, headers: replyHeaders, body: JSON.stringify(r.json) };
    }
    case "query": {
      const operation = route.operation;
      if (operation === undefined) throw new AwsError("MissingAction", "Missing Action", { status: 400 });
      const handler = lookup(rt, service, operation);
      if (handler === undefined) {
        throw new AwsError(
          "InvalidAction",
          `Could not find operation ${operation} for version ${QUERY_VERSION[service] ?? ""}`,
          { status: 400 },
        );
      }
      const input = service === "monitoring" ? coerceCloudWatchQuery(operation, queryInput ?? {}) : (queryInput ?? {});
      return rpcReply("query", service, operation, await handler(input, ctx), ctx.requestId);
    }
    case "json-1.0":
    case "json-1.1":
    case "cbor": {
      const operation = route.operation ?? "";
      const handler = lookup(rt, service, operation);
      if (handler === undefined) {
        throw new AwsError("UnknownOperationException", `Unknown operation ${operation}`, {
          status: route.protocol === "cbor" ? 404 : 400,
        });
      }
      const type = header(headers, "content-type");
      if (route.protocol !== "cbor" && type !== "" && !/^application\/(x-amz-json-1\.[01]|json)\b/i.test(type)) {
        throw new AwsError(
          "UnknownOperationException",
          `Unsupported Content-Type '${type.slice(0, 100)}': send application/x-amz-json-1.${route.protocol === "json-1.0" ? "0" : "1"}.`,
        );
      }
      const input = route.protocol === "cbor" ? decodeCbor(body) : decodeJsonObject(body);
      return rpcReply(route.protocol, service, operation, await handler(input, ctx), ctx.requestId);
    }
  }
}

function lookup(rt: SandboxRuntime, service: ServiceName, operation: string): OperationHandler | undefined {
  const ops = rt.rpc[service];
  return ops !== undefined && Object.prototype.hasOwnProperty.call(ops, operation) ? ops[operation] : undefined;
}

/** The Action named in a raw query string, if any (read loosely: only to size the body limit). */
function queryStringAction(rawQuery: string): string | undefined {
  return /(?:^|&)Action=([A-Za-z]+)(?:&|$)/.exec(rawQuery)?.[1];
}
