/**
 * What happens to a request before any operation sees it: the Host/Origin gate's refusal, the body read under its
 * size and time limits, and the Query parameters merged so that the body can never override the query string.
 * Every refusal is an AwsError, answered in the protocol's shape by the caller.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { gunzipSync } from "node:zlib";
import { AwsError } from "../errors.js";
import { decodeFormBody, parseForm } from "../protocol/query.js";
import type { ServiceName } from "../protocol/types.js";
import { BodyTimeout, BodyTooLarge, readBody } from "./body.js";
import type { ReadBody } from "./body.js";
import type { Route } from "./classify.js";
import { errorReply, send } from "./encode.js";
import type { HostAllowList } from "./gate.js";
import type { HeavyRequests } from "./heavy.js";
import { bodyLimit } from "./limits.js";
import type { ServerLimits } from "./limits.js";
import type { Headers } from "./types.js";

/** The server's own settings every request is checked against. */
export interface FrontDoor {
  hosts: HostAllowList;
  limits: ServerLimits;
  heavy: HeavyRequests;
}

export function header(headers: Headers, name: string): string {
  const v = headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? "";
}

/** A cross-site or foreign-Host request: 403 in the protocol's shape (admin routes: JSON), body unread. */
export function refuse(res: ServerResponse, requestId: string, route: Route | undefined, why: string): void {
  const message = `Request refused: ${why}`;
  if (route === undefined) {
    const body = Buffer.from(JSON.stringify({ message }));
    res.writeHead(403, { "content-type": "application/json", "content-length": body.length, connection: "close" });
    res.end(body);
    return;
  }
  const error = new AwsError("AccessDeniedException", message, { status: 403, queryCode: "AccessDenied" });
  send(res, requestId, errorReply(route.protocol, route.service, error, requestId), true);
}

export function tooLarge(route: Route, limit: number): AwsError {
  return new AwsError(
    route.protocol === "query" ? "RequestEntityTooLarge" : "RequestEntityTooLargeException",
    `Request body is larger than the ${limit}-byte limit for this operation.`,
    { status: 413 },
  );
}

/**
 * The body, read under the route's limit (Content-Length first, so an oversize body is never buffered) and the
 * request timeout. An AwsError to answer (then close), or undefined when the client went away.
 */
export async function receiveBody(
  req: IncomingMessage,
  route: Route,
  limits: ServerLimits,
): Promise<ReadBody | AwsError | undefined> {
  const limit = bodyLimit(route.service, route.operation);
  if (Number(header(req.headers, "content-length")) > limit) return tooLarge(route, limit);
  try {
    const read = await readBody(req, limit, limits.requestTimeoutMs);
    return { ...read, body: decodeContent(read.body, header(req.headers, "content-encoding"), route, limit) };
  } catch (error) {
    if (error instanceof AwsError) return error;
    if (error instanceof BodyTooLarge) return tooLarge(route, limit);
    if (error instanceof BodyTimeout) {
      return new AwsError(
        route.protocol === "query" ? "RequestTimeout" : "RequestTimeoutException",
        `Your socket connection to the server was not read from or written to within the timeout period (the body must arrive within ${limits.requestTimeoutMs / 1000} s).`,
        { status: 408 },
      );
    }
    req.destroy();
    return undefined;
  }
}

/**
 * `Content-Encoding: gzip`, which the SDKs use for PutMetricData bodies over 10 KB (as AWS accepts), decompressed
 * under the same limit as a plain body, so a small bomb cannot expand into memory. The signature covers the bytes
 * as sent (their hash was taken while they arrived).
 */
function decodeContent(body: Buffer, encoding: string, route: Route, limit: number): Buffer {
  if (encoding.trim().toLowerCase() !== "gzip") return body;
  try {
    return gunzipSync(body, { maxOutputLength: limit });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(route, limit);
    throw new AwsError(
      route.protocol === "query" ? "MalformedQueryString" : "SerializationException",
      "The request body is not valid gzip (Content-Encoding: gzip).",
    );
  }
}

/**
 * Query parameters: the query string's, plus a form body's. A parameter in both must agree: the body may not
 * replace what the query string says (a presigned URL's signed Action), whatever else the body carries.
 */
export function queryParams(method: string, rawQuery: string, headers: Headers, body: Buffer): Map<string, string> {
  const params = parseForm(rawQuery);
  if (method !== "POST" || !header(headers, "content-type").includes("application/x-www-form-urlencoded")) {
    return params;
  }
  for (const [key, value] of decodeFormBody(body)) {
    const given = params.get(key);
    if (given !== undefined && given !== value) {
      throw new AwsError(
        "InvalidParameterCombination",
        `The parameter ${key.slice(0, 64)} is given in both the query string and the body, with different values.`,
      );
    }
    params.set(key, value);
  }
  return params;
}

/** A Query request's Action is known only once its body is read: its own body limit applies then. */
export function checkQueryBodyLimit(
  route: Route,
  service: ServiceName,
  action: string | undefined,
  size: number,
): void {
  const limit = bodyLimit(service, action);
  if (size > limit) throw tooLarge(route, limit);
}
