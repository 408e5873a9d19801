import { ConverseCommand, ConverseStreamCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAwsClients, type AwsClients } from "../../src/aws/clients.js";
import { invocationInfo } from "../../steps/lib/invocation-headers.js";
import { startSandbox, type RunningSandbox } from "../../src/sandbox/index.js";
import { clients as labClients } from "../../steps/clients.js";
import { startFakeOpenAi } from "../fixtures/fake-openai.js";

let sandbox: RunningSandbox;
let aws: AwsClients<typeof labClients>;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, deliveryDelayMs: 0, env: {} });
  aws = createAwsClients(
    labClients,
    { region: "us-east-1", endpoint: sandbox.endpoint, credentials: { ...sandbox.credentials } },
    {},
  );
});
afterAll(async () => {
  aws.destroy();
  await sandbox.close();
});

describe("invocation headers", () => {
  it("surfaces latency, token counts and the simulated label that the SDK hides, over the real wire", async () => {
    const body = JSON.stringify({
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 16,
      messages: [{ role: "user", content: "What is RAG?" }],
    });
    const out = await aws.bedrockRuntime.send(
      new InvokeModelCommand({ modelId: "us.anthropic.claude-sonnet-4-6", body }),
    );
    const reply = JSON.parse(new TextDecoder().decode(out.body)) as {
      usage: { input_tokens: number; output_tokens: number };
    };
    const info = invocationInfo(out);
    expect(info.simulated).toBe(true);
    expect(info.latencyMs).toBeGreaterThan(0);
    expect(info.inputTokens).toBe(reply.usage.input_tokens);
    expect(info.outputTokens).toBe(reply.usage.output_tokens);
  });

  it("labels Converse replies too (Converse reports latency in its body), and is absent on outputs it never saw", async () => {
    const out = await aws.bedrockRuntime.send(
      new ConverseCommand({
        modelId: "amazon.nova-lite-v1:0",
        messages: [{ role: "user", content: [{ text: "Hi" }] }],
      }),
    );
    expect(invocationInfo(out).simulated).toBe(true);
    expect(out.metrics?.latencyMs).toBeGreaterThan(0);
    expect(invocationInfo({})).toEqual({ simulated: false });
  });

  it("labels streams too (their latency and tokens come in the stream itself)", async () => {
    const out = await aws.bedrockRuntime.send(
      new ConverseStreamCommand({
        modelId: "amazon.nova-lite-v1:0",
        messages: [{ role: "user", content: [{ text: "Hi" }] }],
      }),
    );
    for await (const _ of out.stream ?? []) {
      // drained: the label was read from the headers before the first event
    }
    expect(invocationInfo(out)).toEqual({ simulated: true });
  });
});

describe("invocation headers from a real model behind the sandbox", () => {
  it("say which model answered instead of simulated", async () => {
    const fake = await startFakeOpenAi();
    fake.set({ text: "Hi", models: ["llama3.2"], usage: { prompt_tokens: 5, completion_tokens: 1 } });
    const real = await startSandbox({ port: 0, deliveryDelayMs: 0, env: { GENAI_LAB_MODEL_ENDPOINT: fake.url } });
    const client = createAwsClients(labClients, {
      region: "us-east-1",
      endpoint: real.endpoint,
      credentials: { ...real.credentials },
    });
    try {
      const body = JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 8,
        messages: [{ role: "user", content: "Hi" }],
      });
      const out = await client.bedrockRuntime.send(
        new InvokeModelCommand({ modelId: "us.anthropic.claude-sonnet-4-6", body }),
      );
      expect(invocationInfo(out)).toMatchObject({
        simulated: false,
        realModel: `${fake.url}/v1`,
        backendModel: "llama3.2",
        inputTokens: 5,
        outputTokens: 1,
      });
    } finally {
      client.destroy();
      await real.close();
      await fake.close();
    }
  });
});
