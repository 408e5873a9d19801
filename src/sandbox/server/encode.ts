import type { ServerResponse } from "node:http";
import type { AwsError } from "../errors.js";
import type { FrameProducer } from "../eventstream/http.js";
import { writeStream } from "../eventstream/http.js";
import { encodeCbor } from "../protocol/cbor.js";
import { encodeJson, toJsonWire } from "../protocol/json.js";
import { queryError, queryResponse } from "../protocol/query.js";
import type { Protocol, ServiceName } from "../protocol/types.js";
import { XML_NAMESPACE } from "../protocol/types.js";

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/** A streamed reply (InvokeModelWithResponseStream, ConverseStream): frames as produced, no content-length. */
export interface StreamedReply {
  status: number;
  headers: Record<string, string>;
  body: FrameProducer;
}

const JSON_TYPE: Readonly<Record<Protocol, string>> = {
  "json-1.0": "application/x-amz-json-1.0",
  "json-1.1": "application/x-amz-json-1.1",
  "rest-json": "application/json",
  query: "text/xml",
  cbor: "application/cbor",
};

/** A success reply for an RPC protocol (REST-JSON replies are built by their routes). */
export function rpcReply(
  protocol: Protocol,
  service: ServiceName,
  operation: string,
  output: unknown,
  requestId: string,
): Reply {
  switch (protocol) {
    case "query":
      return {
        status: 200,
        headers: { "content-type": "text/xml" },
        body: queryResponse(operation, XML_NAMESPACE[service] ?? "", output, requestId),
      };
    case "cbor":
      return {
        status: 200,
        headers: { "content-type": "application/cbor", "smithy-protocol": "rpc-v2-cbor" },
        body: encodeCbor(output),
      };
    case "json-1.0":
    case "json-1.1":
    case "rest-json":
      return { status: 200, headers: { "content-type": JSON_TYPE[protocol] }, body: encodeJson(output) };
  }
}

/**
 * An error in its protocol's real shape: JSON `{"__type","message"}`, REST-JSON `x-amzn-ErrorType` + `{"message"}`,
 * Query `<ErrorResponse>`, CBOR `{__type, message}`; query-compatible services add `x-amzn-query-error: Code;Sender`.
 */
export function errorReply(
  protocol: Protocol,
  service: ServiceName | undefined,
  error: AwsError,
  requestId: string,
): Reply {
  const fields = toJsonWire(error.fields) as Record<string, unknown>;
  const headers: Record<string, string> = {};
  if (service === "monitoring" && protocol !== "query") {
    headers["x-amzn-query-error"] = `${error.queryCode ?? error.code};${error.status >= 500 ? "Receiver" : "Sender"}`;
  }
  switch (protocol) {
    case "query": {
      const namespace = XML_NAMESPACE[service ?? "sts"] ?? "";
      return {
        status: error.status,
        headers: { ...headers, "content-type": "text/xml" },
        body: queryError(
          namespace,
          error.queryCode ?? error.code,
          error.message,
          error.status,
          error.fields,
          requestId,
        ),
      };
    }
    case "cbor":
      return {
        status: error.status,
        headers: { ...headers, "content-type": "application/cbor", "smithy-protocol": "rpc-v2-cbor" },
        body: encodeCbor({ __type: error.code, message: error.message, ...error.fields }),
      };
    case "rest-json":
      return {
        status: error.status,
        headers: { ...headers, "content-type": "application/json", "x-amzn-errortype": error.code },
        body: JSON.stringify({ message: error.message, ...fields }),
      };
    case "json-1.0":
    case "json-1.1":
      return {
        status: error.status,
        headers: { ...headers, "content-type": JSON_TYPE[protocol] },
        body: JSON.stringify({ __type: error.code, message: error.message, ...fields }),
      };
  }
}

/** Sends a whole reply, or writes a streamed one until it ends. */
export async function sendReply(res: ServerResponse, requestId: string, reply: Reply | StreamedReply): Promise<void> {
  if (typeof reply.body !== "function") {
    send(res, requestId, { ...reply, body: reply.body });
    return;
  }
  if (res.headersSent || res.destroyed) return;
  await writeStream(res, reply.status, { ...reply.headers, "x-amzn-requestid": requestId }, reply.body);
}

export function send(res: ServerResponse, requestId: string, reply: Reply, close = false): void {
  if (res.headersSent || res.destroyed) return;
  const body = typeof reply.body === "string" ? Buffer.from(reply.body, "utf8") : reply.body;
  res.statusCode = reply.status;
  for (const [k, v] of Object.entries(reply.headers)) res.setHeader(k, v);
  res.setHeader("x-amzn-requestid", requestId);
  res.setHeader("content-length", body.length);
  // HTTP/2 has no Connection header (setting one throws); closing there is the stream's business.
  if (close && res.req.httpVersionMajor < 2) res.setHeader("connection", "close");
  res.end(body);
}
