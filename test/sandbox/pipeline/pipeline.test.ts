import { ConverseCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { CreateLogGroupCommand, DeleteLogGroupCommand } from "@aws-sdk/client-cloudwatch-logs";
import { DeleteRolePolicyCommand, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningSandbox, SandboxOptions } from "../../../src/sandbox/index.js";
import { clients, loggingPolicy, startTestSandbox, rejection } from "../helpers.js";
import type { Clients } from "../helpers.js";
import { bedrockMetric, configureLogging, GROUP, logRecords } from "./logging-fixture.js";

const PROFILE = "us.anthropic.claude-3-5-sonnet-20241022-v2:0";
const NOW = Date.UTC(2025, 7, 15, 15, 46, 41, 250);
let sandbox: RunningSandbox;
let c: Clients;
let clock = NOW;

const configure = (): Promise<void> => configureLogging(c);

const anthropicBody = (prompt: string, max = 128) =>
  JSON.stringify({
    anthropic_version: "bedrock-2023-05-31",
    max_tokens: max,
    messages: [{ role: "user", content: prompt }],
  });

const invoke = (modelId = PROFILE, prompt = "What is Amazon Bedrock?") =>
  c.runtime.send(
    new InvokeModelCommand({
      modelId,
      contentType: "application/json",
      accept: "application/json",
      body: anthropicBody(prompt),
    }),
  );

const records = (): Promise<Record<string, unknown>[]> => logRecords(c);
const metricSum = (metricName: string, modelId?: string): Promise<number> => bedrockMetric(c, NOW, metricName, modelId);

/** Starts a sandbox on the test clock (SDK signing clock moved to match), with `options` on top. */
async function start(options: SandboxOptions = {}): Promise<void> {
  sandbox = await startTestSandbox({ now: () => clock, ...options });
  c = clients(sandbox, sandbox.credentials, sandbox.region, clock - Date.now());
}

beforeEach(() => {
  clock = NOW;
  return start();
});
afterEach(() => sandbox.close());

describe("Bedrock → CloudWatch pipeline", () => {
  it("delivers a ModelInvocationLog record with the real key order, and publishes AWS/Bedrock metrics", async () => {
    await configure();
    const out = await invoke();
    const reply = JSON.parse(Buffer.from(out.body).toString("utf8")) as {
      usage: { input_tokens: number; output_tokens: number };
    };
    const [record, ...rest] = await records();
    expect(rest).toEqual([]);
    expect(Object.keys(record!)).toEqual([
      "timestamp",
      "accountId",
      "identity",
      "region",
      "requestId",
      "operation",
      "modelId",
      "input",
      "output",
      "inferenceRegion",
      "schemaType",
      "schemaVersion",
    ]);
    expect(record).toMatchObject({
      timestamp: "2025-08-15T15:46:41Z",
      accountId: "123456789012",
      identity: { arn: "arn:aws:iam::123456789012:user/genai-lab-sandbox" },
      region: "us-east-1",
      requestId: out.$metadata.requestId,
      operation: "InvokeModel",
      modelId: `arn:aws:bedrock:us-east-1:123456789012:inference-profile/${PROFILE}`,
      input: {
        inputContentType: "application/json",
        inputBodyJson: JSON.parse(anthropicBody("What is Amazon Bedrock?")),
        inputTokenCount: reply.usage.input_tokens,
      },
      output: {
        outputContentType: "application/json",
        outputBodyJson: reply,
        outputTokenCount: reply.usage.output_tokens,
      },
      schemaType: "ModelInvocationLog",
      schemaVersion: "1.0",
    });
    expect(["us-east-1", "us-east-2", "us-west-2"]).toContain(record!.inferenceRegion);
    expect(Object.keys(record!.input as object)).toEqual(["inputContentType", "inputBodyJson", "inputTokenCount"]);

    await invoke(PROFILE, "Explain RAG in simple terms.");
    expect(await metricSum("Invocations", PROFILE)).toBe(2);
    expect(await metricSum("InputTokenCount", PROFILE)).toBeGreaterThan(reply.usage.input_tokens);
    expect(await metricSum("OutputTokenCount", PROFILE)).toBe(256);
    expect(await metricSum("InvocationLatency", PROFILE)).toBeGreaterThan(0);
    expect(await metricSum("LegacyModelInvocations", PROFILE)).toBe(2);
    expect(await metricSum("ModelInvocationLogsCloudWatchDeliverySuccess")).toBe(2);
  });

  it("waits for the delivery delay: nothing visible before it, the record after", async () => {
    await sandbox.close();
    await start({ deliveryDelayMs: 3000 });
    await configure();
    await invoke();
    expect(await records()).toEqual([]);
    clock += 2999;
    expect(await records()).toEqual([]);
    clock += 1;
    expect(await records()).toHaveLength(1);
  });

  it("logs failures with errorCode and counts them as client errors or throttles, never as Invocations", async () => {
    await configure();
    sandbox.setFaults("access-denied");
    expect(await rejection(invoke())).toEqual({
      name: "AccessDeniedException",
      message: "You don't have access to the model with the specified model ID.",
      status: 403,
    });
    sandbox.setFaults("access-denied=off,throttle=1");
    expect(await rejection(invoke())).toMatchObject({ name: "ThrottlingException", status: 429 });
    sandbox.setFaults("throttle=0,5xx=1");
    expect(await rejection(invoke())).toMatchObject({ name: "ServiceUnavailableException", status: 503 });
    sandbox.setFaults("5xx=0");
    const recs = await records();
    expect(recs.map((r) => r.errorCode)).toEqual([
      "AccessDeniedException",
      "ThrottlingException",
      "ServiceUnavailableException",
    ]);
    expect(Object.keys(recs[0]!).slice(6, 9)).toEqual(["modelId", "errorCode", "input"]);
    expect(recs[0]!.output).toBeUndefined();
    expect(await metricSum("InvocationClientErrors", PROFILE)).toBe(1);
    expect(await metricSum("InvocationThrottles", PROFILE)).toBe(1);
    expect(await metricSum("InvocationServerErrors", PROFILE)).toBe(1);
    expect(await metricSum("Invocations", PROFILE)).toBe(0);
  });

  it("counts a delivery failure when the role loses its permissions or the group disappears", async () => {
    await sandbox.close();
    await start({ deliveryDelayMs: 1000 });
    await configure();
    await invoke();
    await c.iam.send(new DeleteRolePolicyCommand({ RoleName: "BedrockLogging", PolicyName: "logs" }));
    clock += 1000;
    expect(await records()).toEqual([]);
    expect(await metricSum("ModelInvocationLogsCloudWatchDeliveryFailure")).toBe(1);
    await c.iam.send(
      new PutRolePolicyCommand({
        RoleName: "BedrockLogging",
        PolicyName: "logs",
        PolicyDocument: loggingPolicy(GROUP),
      }),
    );
    await invoke();
    await c.logs.send(new DeleteLogGroupCommand({ logGroupName: GROUP }));
    clock += 1000;
    await c.logs.send(new CreateLogGroupCommand({ logGroupName: "/elsewhere" }));
    expect(await metricSum("ModelInvocationLogsCloudWatchDeliveryFailure")).toBe(2);
    expect(await metricSum("ModelInvocationLogsCloudWatchDeliverySuccess")).toBe(0);
  });

  it("keeps pending deliveries across a restart (they are stored, not timers)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sandbox-pending-"));
    try {
      await sandbox.close();
      const dbPath = join(dir, "s.db");
      await start({ deliveryDelayMs: 5000, dbPath });
      await configure();
      await invoke();
      await sandbox.close();
      clock += 5000;
      await start({ deliveryDelayMs: 5000, dbPath });
      expect(await records()).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("never delivers with the no-delivery fault, although calls succeed", async () => {
    await configure();
    sandbox.setFaults("no-delivery");
    await invoke();
    clock += 60_000;
    expect(await records()).toEqual([]);
  });

  it("logs Converse calls too, with Converse's own output body", async () => {
    await configure();
    const r = await c.runtime.send(
      new ConverseCommand({
        modelId: "us.amazon.nova-lite-v1:0",
        messages: [{ role: "user", content: [{ text: "What is prompt engineering?" }] }],
        inferenceConfig: { maxTokens: 64 },
      }),
    );
    expect(r.usage?.outputTokens).toBeGreaterThan(0);
    expect(r.metrics?.latencyMs).toBeGreaterThan(0);
    const [record] = await records();
    expect(record).toMatchObject({
      operation: "Converse",
      output: {
        outputTokenCount: r.usage!.outputTokens,
        outputBodyJson: { usage: { inputTokens: r.usage!.inputTokens } },
      },
    });
    expect(await metricSum("Invocations", "us.amazon.nova-lite-v1:0")).toBe(1);
  });

  it("logs nothing when invocation logging is not configured", async () => {
    await c.logs.send(new CreateLogGroupCommand({ logGroupName: GROUP }));
    await invoke();
    expect(await records()).toEqual([]);
    expect(await metricSum("Invocations", PROFILE)).toBe(1);
  });
});
