/**
 * The conformance suite's harness: real @aws-sdk/client-* clients over HTTP against an in-process sandbox, one per
 * wire protocol the service speaks, each with a middleware that keeps the raw reply so the test can check it against
 * the model (number types, members, required members) as well as what the SDK parsed from it.
 */
import { Readable } from "node:stream";
import type { ServiceShapes } from "../../../src/sandbox/protocol/shape.js";
import { readCbor, readJson, readXml, unescape, wireProblems, xmlProblems } from "./wire-read.js";
import type { XmlNode } from "./wire-read.js";

export type WireProtocol = "json-1.0" | "json-1.1" | "query" | "cbor" | "rest-json";

export interface Exchange {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

interface Stackable {
  middlewareStack: {
    add(middleware: unknown, options: { step: string; priority: string; name: string }): void;
  };
}

/** Keeps every raw reply the client receives (the body is read once and handed on unchanged). */
export function captureReplies(client: Stackable): Exchange[] {
  const replies: Exchange[] = [];
  const middleware =
    (next: (args: unknown) => Promise<{ response: unknown }>) =>
    async (args: unknown): Promise<{ response: unknown }> => {
      const result = await next(args);
      const response = result.response as { statusCode: number; headers: Record<string, string>; body: unknown };
      const chunks: Buffer[] = [];
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
      const body = Buffer.concat(chunks);
      replies.push({ status: response.statusCode, headers: response.headers, body });
      response.body = Readable.from([body]);
      return result;
    };
  client.middlewareStack.add(middleware, { step: "deserialize", priority: "low", name: "captureRawReply" });
  return replies;
}

export interface Outcome {
  output?: Record<string, unknown>;
  error?: { name: string; message: string; status: number | undefined };
  reply: Exchange;
}

interface Sender {
  send(command: unknown): Promise<unknown>;
}

/** Sends a command and returns what the SDK made of the reply, and the reply itself. */
export async function exchange(client: Sender, replies: Exchange[], command: unknown): Promise<Outcome> {
  const before = replies.length;
  let outcome: Omit<Outcome, "reply">;
  try {
    outcome = { output: (await client.send(command)) as Record<string, unknown> };
  } catch (e) {
    const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    if (replies.length === before) throw e;
    outcome = { error: { name: err.name, message: err.message, status: err.$metadata?.httpStatusCode } };
  }
  const reply = replies[replies.length - 1];
  if (reply === undefined || replies.length === before) throw new Error("no reply was captured");
  return { ...outcome, reply };
}

function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

/**
 * What in a successful reply does not match the operation's model output: unknown members, missing required members,
 * numbers of the wrong type, and (Query) a <OpResult> present without an output shape or missing with one.
 */
export function successProblems(protocol: WireProtocol, reply: Exchange, shapes: ServiceShapes, op: string): string[] {
  const spec = shapes.operations[op];
  if (spec === undefined) return [`${op}: not in the shape table`];
  if (protocol === "query") {
    const root = readXml(reply.body.toString("utf8"));
    const result = child(root, `${op}Result`);
    if (spec.output === null) return result === undefined ? [] : [`${op}: <${op}Result> but the model has no output`];
    if (result === undefined) return [`${op}: no <${op}Result> although the model has an output`];
    return xmlProblems(result, spec.output, shapes, op);
  }
  if (spec.output === null) return [];
  const wire = protocol === "cbor" ? readCbor(reply.body) : readJson(reply.body.toString("utf8") || "{}");
  return wireProblems(wire, spec.output, shapes, op, protocol === "cbor");
}

/** The error code and members a raw error reply carries, per protocol. */
export function errorOnWire(
  protocol: WireProtocol,
  reply: Exchange,
): { type: string | undefined; queryError: string | undefined; code: string | undefined; message: string } {
  const queryError = reply.headers["x-amzn-query-error"];
  if (protocol === "query") {
    const root = readXml(reply.body.toString("utf8"));
    const error = child(root, "Error");
    return {
      type: undefined,
      queryError,
      code: child(error, "Code")?.text,
      message: unescape(child(error, "Message")?.text ?? ""),
    };
  }
  if (protocol === "rest-json") {
    const body = JSON.parse(reply.body.toString("utf8") || "{}") as { message?: string };
    return { type: reply.headers["x-amzn-errortype"], queryError, code: undefined, message: body.message ?? "" };
  }
  const wire = protocol === "cbor" ? readCbor(reply.body) : readJson(reply.body.toString("utf8"));
  const map = wire.t === "map" ? wire.v : new Map();
  const text = (key: string): string | undefined => {
    const v = map.get(key) as { t: string; v: unknown } | undefined;
    return v?.t === "str" ? (v.v as string) : undefined;
  };
  return { type: text("__type"), queryError, code: undefined, message: text("message") ?? text("Message") ?? "" };
}

/** Members of a JSON/CBOR error body that the error's model structure does not have (besides __type and message). */
export function errorMemberProblems(
  protocol: WireProtocol,
  reply: Exchange,
  shapes: ServiceShapes,
  type: string,
): string[] {
  if (protocol === "query") return [];
  const text = reply.body.toString("utf8");
  const wire = protocol === "cbor" ? readCbor(reply.body) : readJson(text === "" ? "{}" : text);
  if (wire.t !== "map") return [`${type}: the error body is not an object`];
  const structure = shapes.structures[type];
  const problems: string[] = [];
  for (const [key, value] of wire.v) {
    if (key === "__type" || key === "message" || key === "Message") continue;
    const member = structure?.members[key];
    if (member === undefined) problems.push(`${type}.${key}: not a member of the error`);
    else problems.push(...wireProblems(value, member, shapes, `${type}.${key}`, protocol === "cbor"));
  }
  return problems;
}
