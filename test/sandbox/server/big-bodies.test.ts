/**
 * Large bodies: AWS's size limits are enforced before anything is buffered, four concurrent maximum-size
 * InvokeModel calls (25,000,000 bytes each, the API's documented limit) leave the health endpoint answering within a
 * second, and the memory they took is returned afterwards. The sandbox and the sender each run in their own
 * process, so what is measured is what another client of the sandbox would see.
 */
import { spawn } from "node:child_process";
import { request } from "node:http";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { ListMetricsCommand, PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { describe, expect, it } from "vitest";
import { rssMb, startSandboxChild, worstHealthLatency } from "../child.js";
import { rejection, sandboxForFile } from "../helpers.js";
import { formHeaders, jsonHeaders, rfc3986, send } from "../signing.js";

const sender = fileURLToPath(new URL("../fixtures/big-bodies-sender.js", import.meta.url));
const MAX_INVOKE_BODY = 25_000_000;

function sendBig(endpoint: string, count: number, bytes: number): Promise<{ bytes: number[]; statuses: unknown[] }> {
  const child = spawn(process.execPath, [sender, endpoint, String(count), String(bytes)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr.on("data", (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out) as never) : reject(new Error(err)))),
  );
}

describe("four concurrent maximum-size InvokeModel calls", () => {
  it("keep the health endpoint under a second and give their memory back", async () => {
    const { child, endpoint } = await startSandboxChild();
    try {
      await fetch(`${endpoint}/_sandbox/health`);
      const before = rssMb(child.pid);
      let peak = 0;
      const sampling = setInterval(() => (peak = Math.max(peak, rssMb(child.pid) ?? 0)), 100);
      const calls = sendBig(endpoint, 4, MAX_INVOKE_BODY);
      const health = await worstHealthLatency(endpoint, calls);
      const result = await calls.finally(() => clearInterval(sampling));
      // Long text prompts are refused (past the context window, as on Bedrock); image requests are answered.
      expect(result).toEqual({
        bytes: Array(4).fill(MAX_INVOKE_BODY),
        statuses: ["ValidationException", 200, "ValidationException", 200],
      });
      expect(health.worstMs).toBeLessThan(1000);
      // The full collection runs a second after the last large request.
      await new Promise((r) => setTimeout(r, 2500));
      const after = rssMb(child.pid);
      if (before !== undefined && after !== undefined) {
        console.log(
          `RSS ${before.toFixed(0)} MB before, ${peak.toFixed(0)} MB at peak, ${after.toFixed(0)} MB after; health worst ${health.worstMs.toFixed(0)} ms`,
        );
        expect(after - before).toBeLessThan(120);
      }
    } finally {
      child.kill("SIGKILL");
    }
  }, 90_000);
});

const { sandbox, c } = await sandboxForFile();

describe("size limits", () => {
  it("refuse a body over InvokeModel's 25,000,000 bytes from its Content-Length, before reading it", async () => {
    const url = new URL(sandbox.endpoint);
    const answer = await new Promise<{ status: number; type: string | undefined }>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          method: "POST",
          path: "/model/anthropic.claude-3-haiku-20240307-v1:0/invoke",
          headers: { "content-type": "application/json", "content-length": String(MAX_INVOKE_BODY + 1) },
        },
        (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, type: res.headers["x-amzn-errortype"] as string | undefined });
        },
      );
      req.on("error", reject);
      req.write("{"); // nothing more is sent: the answer must not wait for the body
    });
    expect(answer).toEqual({ status: 413, type: "RequestEntityTooLargeException" });
  });

  it("size a Query request by its signed service before reading it: a 390 KB IAM call is not refused as STS's", async () => {
    const statement = { Effect: "Allow", Principal: { Service: "bedrock.amazonaws.com" }, Action: "sts:AssumeRole" };
    const policy = JSON.stringify({ Version: "2012-10-17", Statement: Array(2600).fill(statement) });
    const body = `Action=CreateRole&Version=2010-05-08&RoleName=big&AssumeRolePolicyDocument=${rfc3986(policy)}`;
    expect(body.length).toBeGreaterThan(300 * 1024);
    const r = await send(sandbox, { service: "iam", headers: formHeaders, body });
    expect(r.text).not.toContain("RequestEntityTooLarge");
    expect(r.status).toBeLessThan(500);
  });

  it("decompress a gzip body (the SDKs send PutMetricData over 10 KB so) within the same limit", async () => {
    const MetricData = Array.from({ length: 500 }, (_, i) => ({
      MetricName: `M${String(i)}`,
      Value: i,
      Dimensions: [{ Name: "Padding", Value: "x".repeat(20) }],
    }));
    await c.cw.send(new PutMetricDataCommand({ Namespace: "Gzipped", MetricData }));
    expect((await c.cw.send(new ListMetricsCommand({ Namespace: "Gzipped" }))).Metrics).toHaveLength(500);
    // A few KB that would expand to 64 MB: refused at the operation's limit, never inflated whole.
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    const r = await send(sandbox, {
      service: "monitoring",
      headers: { ...jsonHeaders("GraniteServiceVersion20100801.PutMetricData", "1.0"), "content-encoding": "gzip" },
      body: bomb,
    });
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(r.status).toBe(413);
  });

  it("refuse a prompt past the model's context window, as Bedrock does, without working on it", async () => {
    const body = JSON.stringify({
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 8,
      messages: [{ role: "user", content: "x".repeat(24_000_000) }],
    });
    const started = performance.now();
    const r = await rejection(
      c.runtime.send(new InvokeModelCommand({ modelId: "anthropic.claude-3-haiku-20240307-v1:0", body })),
    );
    expect(r).toMatchObject({
      name: "ValidationException",
      message: "Input is too long for requested model.",
      status: 400,
    });
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
