import type { CallContext } from "../context.js";
import type { FrameProducer } from "../eventstream/http.js";

/** An RPC-style operation (JSON 1.x, Query, CBOR): members in, members out; throws AwsError. */
export type OperationHandler = (input: Record<string, unknown>, ctx: CallContext) => unknown;

export type Headers = Readonly<Record<string, string | string[] | undefined>>;

/** What a REST-JSON route sees. */
export interface RestRequest {
  method: string;
  /** Path segments after routing, percent-decoded. */
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  headers: Headers;
  body: Buffer;
}

/** A REST-JSON reply: a JSON-able body (or raw bytes, e.g. InvokeModel's payload, or streamed frames) plus headers. */
export interface RestReply {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  raw?: Buffer;
  /** An event stream (InvokeModelWithResponseStream, ConverseStream): frames written as they are produced. */
  stream?: FrameProducer;
}

export type RestHandler = (req: RestRequest, ctx: CallContext) => RestReply | Promise<RestReply>;

export interface RestRoute {
  method: string;
  /** e.g. /model/{modelId}/invoke — each {name} matches one path segment. */
  path: string;
  operation: string;
  handler: RestHandler;
}
