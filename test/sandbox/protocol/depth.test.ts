/**
 * Absurdly nested requests are malformed requests: a 4xx in the protocol's shape, never a 500 (they overflowed the
 * stack), and never decoded into nested objects before the caller is authenticated.
 */
import { cbor } from "@smithy/core/cbor";
import { describe, expect, it } from "vitest";
import { jsonTooDeep, MAX_DEPTH, valueTooDeep } from "../../../src/sandbox/protocol/depth.js";
import { sandboxForFile } from "../helpers.js";
import { formHeaders, jsonHeaders, send } from "../signing.js";

const internalErrors: unknown[] = [];
const { sandbox } = await sandboxForFile({ onError: (e) => internalErrors.push(e) });

const deepJson = (n: number): string => `${"[".repeat(n)}1${"]".repeat(n)}`;
const deepKey = (n: number): string => Array.from({ length: n }, (_, i) => `k${i}`).join(".");

describe("nesting limits", () => {
  it("Query parameter names nested 10,000 deep: 400 MalformedQueryString, and only after authentication", async () => {
    const body = `Action=ListRoles&Version=2010-05-08&${deepKey(10_000)}=1`;
    const signed = await send(sandbox, { service: "iam", headers: formHeaders, body });
    expect(signed.status).toBe(400);
    expect(signed.text).toContain("<Code>MalformedQueryString</Code>");
    const unsigned = await send(sandbox, { service: "iam", headers: formHeaders, body, unsigned: true });
    expect(unsigned.status).toBe(403);
    expect(unsigned.text).toContain("<Code>MissingAuthenticationToken</Code>");
    // CloudWatch's Query API too.
    const cw = await send(sandbox, {
      service: "monitoring",
      headers: formHeaders,
      body: `Action=PutMetricData&Version=2010-08-01&Namespace=x&${deepKey(10_000)}=1`,
    });
    expect(cw.status).toBe(400);
  });

  it("a 100,000-deep value in CloudWatch JSON and Logs JSON 1.1: 400 SerializationException", async () => {
    const cw = await send(sandbox, {
      service: "monitoring",
      headers: jsonHeaders("GraniteServiceVersion20100801.PutMetricData", "1.0"),
      body: `{"Namespace":"x","MetricData":${deepJson(100_000)}}`,
    });
    expect(cw.status).toBe(400);
    expect(JSON.parse(cw.text)).toMatchObject({ __type: "SerializationException" });
    expect(cw.headers.get("x-amzn-query-error")).toBe("SerializationException;Sender");
    const logs = await send(sandbox, {
      service: "logs",
      headers: jsonHeaders("Logs_20140328.PutLogEvents"),
      body: `{"logGroupName":"g","logStreamName":"s","logEvents":${deepJson(100_000)}}`,
    });
    expect(logs.status).toBe(400);
    expect(JSON.parse(logs.text)).toMatchObject({ __type: "SerializationException" });
  });

  it("deep CBOR (past the codec's own limit, and past ours): 400 in CBOR", async () => {
    for (const depth of [100_000, MAX_DEPTH + 10]) {
      // {"MetricData": [[[…1…]]]}, written by hand: the encoder itself cannot nest that deep.
      const bytes = Buffer.concat([
        Buffer.from([0xa1, 0x6a]),
        Buffer.from("MetricData"),
        Buffer.alloc(depth, 0x81),
        Buffer.from([0x01]),
      ]);
      const r = await send(sandbox, {
        service: "monitoring",
        path: "/service/GraniteServiceVersion20100801/operation/PutMetricData",
        headers: { "content-type": "application/cbor", accept: "application/cbor", "smithy-protocol": "rpc-v2-cbor" },
        body: bytes,
      });
      expect(r.status, String(depth)).toBe(400);
      expect(cbor.deserialize(r.bytes)).toMatchObject({ __type: "SerializationException" });
    }
  });

  it("a deep InvokeModel body: 400 ValidationException, not a stack overflow in the model", async () => {
    const body = `{"anthropic_version":"bedrock-2023-05-31","max_tokens":5,"messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":${deepJson(100_000)}}]}]}`;
    const r = await send(sandbox, {
      service: "bedrock",
      path: "/model/anthropic.claude-3-haiku-20240307-v1:0/invoke",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(r.status).toBe(400);
    expect(r.headers.get("x-amzn-errortype")).toBe("ValidationException");
  });

  it("reported no internal error for any of them", () => {
    expect(internalErrors).toEqual([]);
  });
});

describe("jsonTooDeep", () => {
  it("counts structure, not brackets inside strings, on text and on bytes alike", () => {
    const cases: [string, number, boolean][] = [
      ["[[1]]", 1, true],
      ["[[1]]", 2, false],
      ['"[[[["', 0, false],
      ['["\\"[[["]', 1, false],
      ['["a\\\\"]', 1, false],
      ['["a\\\\", [[1]]]', 2, true],
      ['{"a":[{"b":[]}]}', 3, true],
      ['{"a":[{"b":[]}]}', 4, false],
      ['"unterminated [[[', 0, false],
    ];
    for (const [json, max, deeper] of cases) {
      expect(jsonTooDeep(json, max), json).toBe(deeper);
      expect(jsonTooDeep(Buffer.from(json), max), json).toBe(deeper);
    }
  });

  it("skips a 24 MB string in milliseconds", () => {
    const big = Buffer.from(JSON.stringify({ prompt: "x".repeat(24_000_000) }));
    const started = performance.now();
    expect(jsonTooDeep(big)).toBe(false);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe("valueTooDeep", () => {
  it("counts a parsed value's nesting as jsonTooDeep counts the text's", () => {
    const cases: [string, number][] = [
      ["[[1]]", 1],
      ["[[1]]", 2],
      ['"[[[["', 0],
      ['["a", [[1]]]', 2],
      ['["a", [[1]]]', 3],
      ['{"a":[{"b":[]}]}', 3],
      ['{"a":[{"b":[]}]}', 4],
      ['{"a":1,"b":{"c":{}}}', 2],
      [deepJson(MAX_DEPTH), MAX_DEPTH],
      [deepJson(MAX_DEPTH + 1), MAX_DEPTH],
    ];
    for (const [json, max] of cases) {
      expect(valueTooDeep(JSON.parse(json), max), json).toBe(jsonTooDeep(json, max));
    }
    expect(valueTooDeep(JSON.parse(deepJson(MAX_DEPTH + 1)))).toBe(true);
  });

  it("finds deep nesting anywhere in a wide body, own __proto__ members included", () => {
    const events = Array.from({ length: 1000 }, (_, i) => ({ timestamp: i, message: `{"i":${i}}` }));
    expect(valueTooDeep({ logEvents: events })).toBe(false);
    const hidden = JSON.parse(`{"logEvents":[${'{"timestamp":1},'.repeat(500)}{"x":${deepJson(MAX_DEPTH)}}]}`);
    expect(valueTooDeep(hidden)).toBe(true);
    expect(valueTooDeep(JSON.parse(`{"__proto__":${deepJson(MAX_DEPTH)}}`))).toBe(true);
  });

  it("walks a 100,000-deep value without overflowing the stack", () => {
    expect(valueTooDeep(JSON.parse(deepJson(100_000)))).toBe(true);
  });
});
