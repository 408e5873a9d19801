/**
 * The streams through the machine's Python clients: boto3 (invoke_model_with_response_stream, converse_stream) reads
 * them, mid-stream exceptions included; the AWS CLI, which has no command for these two operations, reads what they
 * leave behind (the invocation log, TimeToFirstToken). Each test skips, saying why, when its client is absent.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../../src/sandbox/index.js";
import { clients, startTestSandbox } from "../helpers.js";
import { configureLogging } from "../pipeline/logging-fixture.js";
import { CLAUDE, NOVA } from "./stream-helpers.js";

const run = promisify(execFile);
const works = (file: string, args: string[]) =>
  run(file, args, { timeout: 20_000 }).then(
    () => true,
    () => false,
  );
const hasBoto3 = await works("python3", ["-c", "import boto3"]);
const hasAwsCli = await works("aws", ["--version"]);

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ streamTimeScale: 0.01 });
  await configureLogging(clients(sandbox));
});
afterAll(() => sandbox.close());

const env = () => ({
  PATH: process.env.PATH ?? "",
  HOME: process.env.HOME ?? "",
  AWS_ACCESS_KEY_ID: sandbox.credentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: sandbox.credentials.secretAccessKey,
  AWS_DEFAULT_REGION: "us-east-1",
  AWS_REGION: "us-east-1",
  AWS_ENDPOINT_URL: sandbox.endpoint,
  AWS_CONFIG_FILE: "/nonexistent/genai-lab-test/config",
  AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/genai-lab-test/credentials",
});

const python = async (script: string): Promise<Record<string, unknown>> => {
  const { stdout } = await run("python3", ["-c", script], { env: env(), timeout: 60_000 });
  return JSON.parse(stdout) as Record<string, unknown>;
};

/** boto3 finds the sandbox through AWS_ENDPOINT_URL, as the README's paste-in lines set it. */
const PRELUDE = `
import boto3, json, botocore
rt = boto3.client("bedrock-runtime")
`;

describe.skipIf(!hasBoto3)(hasBoto3 ? "boto3" : "boto3 — skipped: no python3 with boto3 on PATH", () => {
  it("reads invoke_model_with_response_stream chunk by chunk, with Bedrock's invocation metrics", async () => {
    const out = await python(`${PRELUDE}
body = json.dumps({"anthropic_version": "bedrock-2023-05-31", "max_tokens": 64, "messages": [{"role": "user", "content": "Explain RAG in simple terms."}]})
r = rt.invoke_model_with_response_stream(modelId="${CLAUDE}", body=body)
chunks = [json.loads(e["chunk"]["bytes"]) for e in r["body"]]
whole = json.loads(rt.invoke_model(modelId="${CLAUDE}", body=body)["body"].read())
print(json.dumps({"contentType": r["contentType"], "types": [c["type"] for c in chunks],
  "text": "".join(c["delta"]["text"] for c in chunks if c["type"] == "content_block_delta"),
  "whole": whole["content"][0]["text"], "metrics": chunks[-1]["amazon-bedrock-invocationMetrics"]}))
`);
    expect(out.contentType).toBe("application/json");
    expect((out.types as string[]).slice(0, 2)).toEqual(["message_start", "content_block_start"]);
    expect((out.types as string[]).slice(-2)).toEqual(["message_delta", "message_stop"]);
    expect(out.text).toBe(out.whole);
    expect(out.metrics).toMatchObject({ outputTokenCount: 64, firstByteLatency: expect.any(Number) });
  });

  it("reads converse_stream's events and their usage", async () => {
    const out = await python(`${PRELUDE}
r = rt.converse_stream(modelId="${NOVA}", messages=[{"role": "user", "content": [{"text": "Hello, how are you?"}]}])
events = list(r["stream"])
print(json.dumps({"names": [next(iter(e)) for e in events],
  "text": "".join(e["contentBlockDelta"]["delta"]["text"] for e in events if "contentBlockDelta" in e),
  "metadata": events[-1]["metadata"]}))
`);
    expect((out.names as string[])[0]).toBe("messageStart");
    expect((out.names as string[]).slice(-3)).toEqual(["contentBlockStop", "messageStop", "metadata"]);
    expect(out.text).toBe("Hello! I'm doing well, thanks for asking! How can I help you today?");
    expect(out.metadata).toMatchObject({ usage: { outputTokens: 17 }, metrics: { latencyMs: expect.any(Number) } });
  });

  it("raises botocore's EventStreamError for an exception in the middle of a stream", async () => {
    sandbox.setFaults("stream-error=1,stream-error-type=throttle");
    try {
      const out = await python(`${PRELUDE}
r = rt.converse_stream(modelId="${NOVA}", messages=[{"role": "user", "content": [{"text": "Explain RAG in simple terms."}]}])
seen = 0
try:
    for e in r["stream"]:
        seen += 1
    print(json.dumps({"raised": False}))
except botocore.exceptions.EventStreamError as err:
    print(json.dumps({"raised": True, "code": err.response["Error"]["Code"], "message": err.response["Error"]["Message"], "seen": seen}))
`);
      expect(out).toMatchObject({ raised: true, code: "throttlingException" });
      expect(out.message).toMatch(/^Too many tokens, please wait before trying again\./);
      expect(out.seen).toBe(4); // messageStart and three deltas
    } finally {
      sandbox.setFaults("none,iam-delay=0");
    }
  });
});

describe.skipIf(!hasAwsCli)(hasAwsCli ? "the AWS CLI" : "the AWS CLI — skipped: no `aws` on PATH", () => {
  it("finds a stream's invocation log and its TimeToFirstToken", async () => {
    // A stream to find (through boto3's sibling, the JS SDK; the CLI has no command for streams).
    const { invokeStream, claudeBody } = await import("./stream-helpers.js");
    const streamed = await invokeStream(clients(sandbox).runtime, CLAUDE, claudeBody("What is Amazon Bedrock?", 32));
    const aws = (...args: string[]) => run("aws", ["--output", "json", ...args], { env: env(), timeout: 60_000 });
    const logs = JSON.parse(
      (
        await aws(
          "logs",
          "filter-log-events",
          "--log-group-name",
          "/aws/bedrock/model-invocations",
          "--filter-pattern",
          '{ $.operation = "InvokeModelWithResponseStream" }',
        )
      ).stdout,
    ) as { events: { message: string }[] };
    const record = logs.events.map((e) => JSON.parse(e.message) as { requestId: string; operation: string });
    expect(record.find((r) => r.requestId === streamed.requestId)?.operation).toBe("InvokeModelWithResponseStream");
    const now = Date.now();
    const stats = JSON.parse(
      (
        await aws(
          "cloudwatch",
          "get-metric-statistics",
          "--namespace",
          "AWS/Bedrock",
          "--metric-name",
          "TimeToFirstToken",
          "--dimensions",
          `Name=ModelId,Value=${CLAUDE}`,
          "--start-time",
          new Date(now - 3_600_000).toISOString(),
          "--end-time",
          new Date(now + 60_000).toISOString(),
          "--period",
          "3600",
          "--statistics",
          "SampleCount",
          "Maximum",
        )
      ).stdout,
    ) as { Datapoints: { SampleCount: number; Maximum: number; Unit: string }[] };
    expect(stats.Datapoints.reduce((n, d) => n + d.SampleCount, 0)).toBeGreaterThanOrEqual(1);
    expect(stats.Datapoints[0]?.Unit).toBe("Milliseconds");
  });
});
