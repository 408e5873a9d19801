/**
 * Idle, half-sent and slow connections are closed on time, and idle ones can no longer lock real clients out.
 * Real sockets on loopback, against a sandbox with short limits (the defaults: idle 5 s, headers 10 s, body 60 s,
 * send 30 s, 128 connections); every probe is bounded in count and time.
 */
import { connect } from "node:net";
import type { Socket } from "node:net";
import { connect as connectHttp2 } from "node:http2";
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DescribeLogGroupsCommand,
  PutLogEventsCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../../src/sandbox/server/limits.js";
import { sandboxForFile } from "../helpers.js";
import { jsonHeaders, signRequest } from "../signing.js";

const limits = {
  idleTimeoutMs: 300,
  headersTimeoutMs: 600,
  requestTimeoutMs: 800,
  sendTimeoutMs: 800,
  sweepMs: 50,
  maxConnections: 16,
};
const { sandbox, c } = await sandboxForFile({ limits });
const url = new URL(sandbox.endpoint);

interface Probe {
  socket: Socket;
  received(): string;
  /** Resolves with the milliseconds from connect to the server closing the connection. */
  closed: Promise<number>;
}

function probe(first = ""): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let got = "";
    const socket = connect(Number(url.port), url.hostname, () => {
      if (first) socket.write(first);
      resolve({ socket, received: () => got, closed });
    });
    const closed = new Promise<number>((done) => socket.on("close", () => done(performance.now() - started)));
    socket.on("data", (chunk: Buffer) => (got += chunk.toString("latin1")));
    socket.on("error", () => undefined);
    socket.once("error", reject);
  });
}

/** Resolves "still open" after `ms`: raced against a close, it bounds every wait. */
const after = (ms: number): Promise<"still open"> => new Promise((r) => setTimeout(() => r("still open"), ms));

describe("connection timeouts", () => {
  it("has sensible defaults: headers well under a minute", () => {
    expect(DEFAULT_LIMITS.headersTimeoutMs).toBeLessThanOrEqual(10_000);
    expect(DEFAULT_LIMITS.idleTimeoutMs).toBeLessThanOrEqual(5_000);
    expect(DEFAULT_LIMITS.maxConnections).toBeLessThan(256);
  });

  it("closes a connection that never sends anything", async () => {
    const idle = await probe();
    const ms = await Promise.race([idle.closed, after(3000)]);
    expect(ms).toBeGreaterThanOrEqual(limits.idleTimeoutMs - 50);
    expect(ms).toBeLessThan(1500);
  });

  it("answers 408 and closes a request whose headers trickle in forever", async () => {
    const slow = await probe("GET /_sandbox/health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    const trickle = setInterval(() => slow.socket.write("X-Slow: a\r\n"), 100);
    try {
      const ms = await Promise.race([slow.closed, after(3000)]);
      expect(ms).toBeGreaterThanOrEqual(limits.headersTimeoutMs - 50);
      expect(ms).toBeLessThan(2000);
      expect(slow.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    } finally {
      clearInterval(trickle);
    }
  });

  it("answers a body that stops arriving with 408 in the protocol's shape", async () => {
    const head = `POST / HTTP/1.1\r\nHost: ${url.host}\r\ncontent-type: application/x-amz-json-1.1\r\nx-amz-target: Logs_20140328.DescribeLogGroups\r\ncontent-length: 100\r\n\r\n{"a":`;
    const stalled = await probe(head);
    const ms = await Promise.race([stalled.closed, after(3000)]);
    expect(ms).toBeLessThan(2000);
    expect(stalled.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(stalled.received()).toContain('"__type":"RequestTimeoutException"');
  });

  it("closes an idle HTTP/2 session with a GOAWAY", async () => {
    const session = connectHttp2(sandbox.endpoint);
    const started = performance.now();
    const ended = await Promise.race([
      new Promise<string>((resolve) => {
        session.on("goaway", () => resolve("goaway"));
        session.on("close", () => resolve("close"));
      }),
      after(3000),
    ]);
    session.destroy();
    expect(ended).not.toBe("still open");
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("abandons a response the client never reads", async () => {
    await c.logs.send(new CreateLogGroupCommand({ logGroupName: "/big" }));
    await c.logs.send(new CreateLogStreamCommand({ logGroupName: "/big", logStreamName: "s" }));
    const now = Date.now();
    const message = "m".repeat(900);
    await c.logs.send(
      new PutLogEventsCommand({
        logGroupName: "/big",
        logStreamName: "s",
        logEvents: Array.from({ length: 1000 }, () => ({ timestamp: now, message })),
      }),
    );
    const body = JSON.stringify({ logGroupName: "/big" });
    const signed = await signRequest(sandbox, {
      service: "logs",
      headers: jsonHeaders("Logs_20140328.FilterLogEvents"),
      body,
    });
    const one = `POST / HTTP/1.1\r\n${Object.entries(signed.headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join("")}content-length: ${body.length}\r\n\r\n${body}`;
    // 24 pipelined pages of ~1 MB each, far more than the socket buffers hold, and nothing read.
    const reader = await probe();
    reader.socket.pause();
    reader.socket.write(one.repeat(24));
    await new Promise((r) => setTimeout(r, limits.sendTimeoutMs + 1200));
    reader.socket.resume();
    const ms = await Promise.race([reader.closed, after(5000)]);
    expect(ms).not.toBe("still open");
    expect(reader.received().length).toBeLessThan(24 * 900_000);
  });
});

describe("the connection cap", () => {
  it("makes room by closing the longest-idle connections, so real clients are never locked out", async () => {
    const idle: Probe[] = [];
    for (let i = 0; i < 40; i += 1) idle.push(await probe());
    await new Promise((r) => setTimeout(r, 100));
    const started = performance.now();
    await c.logs.send(new DescribeLogGroupsCommand({}));
    expect(performance.now() - started).toBeLessThan(1000);
    const stillOpen = idle.filter((p) => !p.socket.destroyed && p.socket.readyState === "open").length;
    expect(stillOpen).toBeLessThanOrEqual(limits.maxConnections);
    for (const p of idle) p.socket.destroy();
  });

  it("refuses a new connection at once when every connection is busy with a request", async () => {
    const head = `POST / HTTP/1.1\r\nHost: ${url.host}\r\ncontent-type: application/x-amz-json-1.1\r\nx-amz-target: Logs_20140328.DescribeLogGroups\r\ncontent-length: 1000\r\n\r\n{`;
    const busy: Probe[] = [];
    for (let i = 0; i < limits.maxConnections; i += 1) busy.push(await probe(head));
    await new Promise((r) => setTimeout(r, 50));
    const extra = await probe();
    const ms = await Promise.race([extra.closed, after(500)]);
    expect(ms).not.toBe("still open");
    // Once the stalled bodies time out, the sandbox serves again.
    await Promise.all(busy.map((p) => p.closed));
    await expect(c.logs.send(new DescribeLogGroupsCommand({}))).resolves.toBeDefined();
  });
});
