import { ConverseCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAwsClients, type AwsClients } from "../../src/aws/clients.js";
import { invocationInfo } from "../../steps/lib/invocation-headers.js";
import { startSandbox, type RunningSandbox } from "../../src/sandbox/index.js";
import { clients as labClients } from "../../steps/clients.js";

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
});
