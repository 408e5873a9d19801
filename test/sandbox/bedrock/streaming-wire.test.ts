/**
 * The event-stream wire, read without any AWS library: each message's prelude, CRCs, headers and payload, exactly
 * as Bedrock frames them (total length · headers length · prelude CRC32 · headers · payload · message CRC32).
 */
import { describe, expect, it } from "vitest";
import { sandboxForFile } from "../helpers.js";
import { send } from "../signing.js";
import { crc32 } from "./crc32.js";
import { claudeBody, CLAUDE, NOVA } from "./stream-helpers.js";

const { sandbox } = await sandboxForFile({ streamTimeScale: 0 });

interface Message {
  headers: Record<string, string>;
  payload: Record<string, unknown>;
}

/** Parses every message, checking both CRCs and that the messages fill the body exactly. */
function parseMessages(body: Uint8Array): Message[] {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const out: Message[] = [];
  let at = 0;
  while (at < body.length) {
    const total = view.getUint32(at);
    const headersLength = view.getUint32(at + 4);
    expect(view.getUint32(at + 8)).toBe(crc32(body.subarray(at, at + 8)));
    expect(view.getUint32(at + total - 4)).toBe(crc32(body.subarray(at, at + total - 4)));
    const headers: Record<string, string> = {};
    let h = at + 12;
    while (h < at + 12 + headersLength) {
      const nameLength = body[h] ?? 0;
      const name = Buffer.from(body.subarray(h + 1, h + 1 + nameLength)).toString("utf8");
      expect(body[h + 1 + nameLength]).toBe(7); // string header
      const valueLength = view.getUint16(h + 2 + nameLength);
      headers[name] = Buffer.from(body.subarray(h + 4 + nameLength, h + 4 + nameLength + valueLength)).toString("utf8");
      h += 4 + nameLength + valueLength;
    }
    const payload = Buffer.from(body.subarray(at + 12 + headersLength, at + total - 4)).toString("utf8");
    out.push({ headers, payload: JSON.parse(payload) as Record<string, unknown> });
    at += total;
  }
  expect(at).toBe(body.length);
  return out;
}

const stream = (modelId: string, operation: string, body: string) =>
  send(sandbox, {
    service: "bedrock",
    path: `/model/${encodeURIComponent(modelId)}/${operation}`,
    headers: { "content-type": "application/json", accept: "application/vnd.amazon.eventstream" },
    body,
  });

describe("event-stream framing", () => {
  it("frames InvokeModelWithResponseStream as chunk events with base64 model chunks and padding", async () => {
    const r = await stream(CLAUDE, "invoke-with-response-stream", claudeBody("What is Amazon Bedrock?", 40));
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/vnd.amazon.eventstream");
    expect(r.headers.get("x-amzn-bedrock-content-type")).toBe("application/json");
    expect(r.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers.get("content-length")).toBeNull();
    const messages = parseMessages(r.bytes);
    for (const m of messages) {
      expect(Object.keys(m.headers)).toEqual([":event-type", ":content-type", ":message-type"]);
      expect(m.headers).toEqual({
        ":event-type": "chunk",
        ":content-type": "application/json",
        ":message-type": "event",
      });
      expect(Object.keys(m.payload)).toEqual(["bytes", "p"]);
      expect(m.payload.p).toMatch(/^[a-zA-Z0-9]+$/);
    }
    const chunks = messages.map(
      (m) => JSON.parse(Buffer.from(m.payload.bytes as string, "base64").toString("utf8")) as { type: string },
    );
    expect(chunks.map((c) => c.type)).toEqual([
      "message_start",
      "content_block_start",
      ...chunks.slice(2, -3).map(() => "content_block_delta"),
      "content_block_stop",
      "message_delta",
      "message_stop",
    ]);
    expect(chunks.length).toBeGreaterThan(6);
  });

  it("frames ConverseStream events under their own :event-type", async () => {
    const r = await stream(
      NOVA,
      "converse-stream",
      JSON.stringify({ messages: [{ role: "user", content: [{ text: "Explain RAG in simple terms." }] }] }),
    );
    expect(r.status).toBe(200);
    const messages = parseMessages(r.bytes);
    const types = messages.map((m) => m.headers[":event-type"]);
    expect(types[0]).toBe("messageStart");
    expect(types.slice(-3)).toEqual(["contentBlockStop", "messageStop", "metadata"]);
    expect(new Set(types.slice(1, -3))).toEqual(new Set(["contentBlockDelta"]));
    expect(messages[1]!.payload).toMatchObject({ contentBlockIndex: 0, delta: { text: expect.any(String) } });
    expect(messages.at(-1)!.payload).toMatchObject({
      usage: { inputTokens: expect.any(Number), outputTokens: expect.any(Number) },
      metrics: { latencyMs: expect.any(Number) },
    });
  });

  it("ends a broken stream with an exception message after HTTP 200", async () => {
    sandbox.setFaults("stream-error=1,stream-error-type=throttle");
    try {
      const r = await stream(CLAUDE, "invoke-with-response-stream", claudeBody("What is Amazon Bedrock?"));
      expect(r.status).toBe(200);
      const last = parseMessages(r.bytes).at(-1)!;
      expect(last.headers).toEqual({
        ":exception-type": "throttlingException",
        ":content-type": "application/json",
        ":message-type": "exception",
      });
      expect(last.payload.message).toMatch(/^Too many tokens, please wait before trying again\./);
    } finally {
      sandbox.setFaults("none,iam-delay=0");
    }
  });

  it("refuses a bad body before streaming, as a plain HTTP error", async () => {
    const r = await stream(
      CLAUDE,
      "invoke-with-response-stream",
      JSON.stringify({ anthropic_version: "bedrock-2023-05-31", messages: [{ role: "user", content: "hi" }] }),
    );
    expect(r.status).toBe(400);
    expect(r.headers.get("x-amzn-errortype")).toBe("ValidationException");
    expect(JSON.parse(r.text)).toEqual({
      message:
        "Malformed input request: #: required key [max_tokens] not found, please reformat your input and try again.",
    });
  });
});
