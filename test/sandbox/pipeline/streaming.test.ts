/** Streaming calls in the invocation logs (their own operation names) and in AWS/Bedrock's newest metrics. */
import { InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../../src/sandbox/index.js";
import { clients, startTestSandbox } from "../helpers.js";
import type { Clients } from "../helpers.js";
import { CLAUDE, claudeBody, converseStream, invokeStream, NOVA, novaBody } from "../bedrock/stream-helpers.js";
import { bedrockMetric, configureLogging, logRecords } from "./logging-fixture.js";

const NOW = Date.UTC(2026, 2, 12, 21, 20, 0);
let sandbox: RunningSandbox;
let c: Clients;

beforeAll(async () => {
  sandbox = await startTestSandbox({ now: () => NOW, streamTimeScale: 0 });
  c = clients(sandbox, sandbox.credentials, sandbox.region, NOW - Date.now());
  await configureLogging(c);
});
afterAll(() => sandbox.close());

const metric = (name: string, modelId: string, stat = "Sum") => bedrockMetric(c, NOW, name, modelId, stat);
const withoutPadding = (event: object) => JSON.parse(JSON.stringify(event)) as unknown;

describe("streaming calls, logged and measured", () => {
  it("logs InvokeModelWithResponseStream under its own name, its output the list of chunks the caller got", async () => {
    const body = claudeBody("What is Amazon Bedrock?", 48);
    const r = await invokeStream(c.runtime, CLAUDE, body);
    const record = (await logRecords(c)).find((rec) => rec.requestId === r.requestId)!;
    expect(record).toMatchObject({
      operation: "InvokeModelWithResponseStream",
      modelId: `arn:aws:bedrock:us-east-1:123456789012:inference-profile/${CLAUDE}`,
      input: { inputContentType: "application/json", inputBodyJson: JSON.parse(body) },
      output: { outputContentType: "application/json", outputTokenCount: 48 },
      schemaType: "ModelInvocationLog",
    });
    expect((record.output as { outputBodyJson: unknown }).outputBodyJson).toEqual(r.events.map((e) => e.event));
    expect((record.input as { inputTokenCount: number }).inputTokenCount).toBeGreaterThan(0);
  });

  it("logs ConverseStream with its events as { <event>: payload }", async () => {
    const r = await converseStream(c.runtime, NOVA, "Hello", 32);
    const record = (await logRecords(c)).find((rec) => rec.requestId === r.requestId)!;
    expect(record.operation).toBe("ConverseStream");
    const logged = (record.output as { outputBodyJson: Record<string, unknown>[] }).outputBodyJson;
    expect(logged).toEqual(r.events.map((e) => withoutPadding(e.event)));
    expect(Object.keys(logged.at(-1)!)).toEqual(["metadata"]);
  });

  it("logs a stream that broke with its errorCode and counts it as an error, not an invocation", async () => {
    sandbox.setFaults("stream-error=1");
    try {
      const r = await invokeStream(
        c.runtime,
        "us.anthropic.claude-haiku-4-5-20251001-v1:0",
        claudeBody("Explain RAG."),
      );
      expect(r.error?.name).toBe("ModelStreamErrorException");
      const record = (await logRecords(c)).find((rec) => rec.requestId === r.requestId)!;
      expect(record).toMatchObject({
        operation: "InvokeModelWithResponseStream",
        errorCode: "ModelStreamErrorException",
      });
      expect(record.output).toBeUndefined();
      expect(await metric("InvocationClientErrors", "us.anthropic.claude-haiku-4-5-20251001-v1:0")).toBe(1);
      expect(await metric("Invocations", "us.anthropic.claude-haiku-4-5-20251001-v1:0")).toBe(0);
    } finally {
      sandbox.setFaults("none,iam-delay=0");
    }
  });

  it("publishes TimeToFirstToken for streams only, and EstimatedTPMQuotaUsage for every call", async () => {
    const model = "us.anthropic.claude-sonnet-4-20250514-v1:0";
    const whole = await c.runtime.send(new InvokeModelCommand({ modelId: model, body: claudeBody("Hi there", 20) }));
    const usage = (
      JSON.parse(Buffer.from(whole.body).toString()) as { usage: { input_tokens: number; output_tokens: number } }
    ).usage;
    const streamed = await invokeStream(c.runtime, model, claudeBody("What is prompt engineering?", 30));
    const metrics = streamed.events.at(-1)!.event["amazon-bedrock-invocationMetrics"] as Record<string, number>;
    expect(await metric("Invocations", model)).toBe(2);
    expect(await metric("TimeToFirstToken", model, "SampleCount")).toBe(1);
    expect(await metric("TimeToFirstToken", model, "Maximum")).toBe(metrics.firstByteLatency);
    // Claude Sonnet 4's output burns its quota five times over.
    expect(await metric("EstimatedTPMQuotaUsage", model)).toBe(
      usage.input_tokens + 5 * usage.output_tokens + metrics.inputTokenCount! + 5 * metrics.outputTokenCount!,
    );
    const nova = await invokeStream(c.runtime, "us.amazon.nova-pro-v1:0", novaBody("Hello", 16));
    const novaMetrics = nova.events.at(-1)!.event["amazon-bedrock-invocationMetrics"] as Record<string, number>;
    expect(await metric("EstimatedTPMQuotaUsage", "us.amazon.nova-pro-v1:0")).toBe(
      novaMetrics.inputTokenCount! + novaMetrics.outputTokenCount!,
    );
  });
});
