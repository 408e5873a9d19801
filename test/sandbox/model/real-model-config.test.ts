/** Settings of a real model behind the sandbox, and its calls in the logs and metrics. */
import { InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../../src/sandbox/index.js";
import { mapModel, parseModelEndpoint, parseModelMap } from "../../../src/sandbox/model/backend/config.js";
import { clients, startTestSandbox } from "../helpers.js";
import { CLAUDE, claudeBody, converseStream } from "../bedrock/stream-helpers.js";
import { bedrockMetric, configureLogging, logRecords } from "../pipeline/logging-fixture.js";
import { startFakeOpenAi } from "../../fixtures/fake-openai.js";

const fake = await startFakeOpenAi();
afterAll(() => fake.close());

describe("settings", () => {
  it.each([
    ["http://localhost:11434", "http://localhost:11434/v1"],
    ["http://localhost:11434/", "http://localhost:11434/v1"],
    ["http://127.0.0.1:8080/v1", "http://127.0.0.1:8080/v1"],
    ["http://127.0.0.1:8000/v1/chat/completions", "http://127.0.0.1:8000/v1"],
    ["https://gateway.example/openai/v1/", "https://gateway.example/openai/v1"],
    ["http://localhost:1234/api/v2", "http://localhost:1234/api/v2"],
  ])("reads the endpoint %s as the base %s", (input, base) => {
    expect(parseModelEndpoint(input)).toBe(base);
  });

  it.each([["localhost:11434"], ["ftp://x/v1"], ["not a url"], ["http://x/v1?key=1"]])("refuses %s", (input) => {
    expect(() => parseModelEndpoint(input)).toThrow(/URL|http|query/);
  });

  it("maps Bedrock ids to local models, first match wins, by the id as sent or the model it resolves to", () => {
    const map = parseModelMap("anthropic.claude-haiku-*=small, anthropic.*=qwen2.5:7b ,*=llama3.2");
    expect(
      mapModel(map, ["us.anthropic.claude-haiku-4-5-20251001-v1:0", "anthropic.claude-haiku-4-5-20251001-v1:0"]),
    ).toBe("small");
    expect(mapModel(map, ["us.anthropic.claude-sonnet-4-6", "anthropic.claude-sonnet-4-6"])).toBe("qwen2.5:7b");
    expect(mapModel(map, ["amazon.nova-lite-v1:0"])).toBe("llama3.2");
    expect(mapModel(parseModelMap("llama3.2"), ["anything"])).toBe("llama3.2");
    expect(mapModel(parseModelMap(""), ["anything"])).toBeUndefined();
    expect(() => parseModelMap("anthropic.*=")).toThrow(/BEDROCK_ID=LOCAL_MODEL/);
  });

  it("fails to start on a bad endpoint, naming it; GENAI_LAB_MODEL_ENDPOINT is read from the environment", async () => {
    await expect(startSandbox({ port: 0, env: { GENAI_LAB_MODEL_ENDPOINT: "localhost:11434" } })).rejects.toMatchObject(
      {
        name: "ModelBackendConfigError",
        setting: "endpoint",
      },
    );
    const s = await startSandbox({ port: 0, env: { GENAI_LAB_MODEL_ENDPOINT: fake.url, GENAI_LAB_MODEL_MAP: "x" } });
    expect(s.model).toEqual({ kind: "endpoint", url: `${fake.url}/v1` });
    const health = (await (await fetch(`${s.endpoint}/_sandbox/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ simulated: false, model: `real model via ${fake.url}/v1` });
    await s.close();
    const simulated = await startSandbox({ port: 0, env: {} });
    expect(simulated.model).toEqual({ kind: "simulated" });
    await simulated.close();
  });

  it("without a map, asks the server for its models and uses the first", async () => {
    fake.set({ models: ["gemma3:1b", "llama3.2"], text: "Hi" });
    const sandbox = await startTestSandbox({ modelEndpoint: fake.url });
    const c = clients(sandbox);
    const out = await c.runtime.send(new InvokeModelCommand({ modelId: CLAUDE, body: claudeBody("Hi") }));
    expect(fake.requests.at(-1)).toMatchObject({ model: "gemma3:1b" });
    expect(out.$metadata.httpStatusCode).toBe(200);
    await sandbox.close();
  });
});

describe("logged and measured like any call", () => {
  it("logs the backend's token counts and publishes its measured time to first token", async () => {
    const now = Date.UTC(2026, 3, 1, 9, 0, 0);
    const sandbox = await startTestSandbox({ now: () => now, modelEndpoint: fake.url, modelMap: "*=fake-llama" });
    const c = clients(sandbox, sandbox.credentials, sandbox.region, now - Date.now());
    await configureLogging(c);
    fake.set({
      pieces: ["A", " real", " answer"],
      firstByteDelayMs: 80,
      usage: { prompt_tokens: 40, completion_tokens: 3 },
    });
    const r = await converseStream(c.runtime, CLAUDE, "Hello");
    const [record] = await logRecords(c);
    expect(record).toMatchObject({
      requestId: r.requestId,
      operation: "ConverseStream",
      input: { inputTokenCount: 40 },
      output: { outputTokenCount: 3 },
    });
    const ttft = await bedrockMetric(c, now, "TimeToFirstToken", CLAUDE, "Maximum");
    expect(ttft).toBeGreaterThanOrEqual(80);
    // Claude Sonnet 4.5's output counts five times against the quota, whoever answers for it.
    expect(await bedrockMetric(c, now, "EstimatedTPMQuotaUsage", CLAUDE)).toBe(40 + 5 * 3);
    await sandbox.close();
  });
});
