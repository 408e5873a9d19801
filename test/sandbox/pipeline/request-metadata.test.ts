/**
 * Request metadata is recorded with the call in the invocation log, as Bedrock does: Converse's `requestMetadata`
 * member and InvokeModel's X-Amzn-Bedrock-Request-Metadata header (a JSON object, as the JS SDK sends it, or
 * base64-encoded). genai-lab's own calls carry a mark there, so that a grader can tell them apart.
 */
import { ConverseCommand, ConverseStreamCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../../src/sandbox/index.js";
import { clients, startTestSandbox } from "../helpers.js";
import type { Clients } from "../helpers.js";
import { claudeBody, CLAUDE, NOVA } from "../bedrock/stream-helpers.js";
import { configureLogging, logRecords } from "./logging-fixture.js";

let sandbox: RunningSandbox;
let c: Clients;

beforeAll(async () => {
  sandbox = await startTestSandbox({ streamTimeScale: 0 });
  c = clients(sandbox, sandbox.credentials, sandbox.region);
  await configureLogging(c);
});
afterAll(() => sandbox.close());

const recordOf = async (requestId: string | undefined) =>
  (await logRecords(c)).find((record) => record.requestId === requestId);

describe("request metadata in the invocation log", () => {
  it("Converse and ConverseStream: the requestMetadata member", async () => {
    const messages = [{ role: "user" as const, content: [{ text: "Hello" }] }];
    const plain = await c.runtime.send(
      new ConverseCommand({ modelId: NOVA, messages, requestMetadata: { "genai-lab:by": "runner", team: "a b" } }),
    );
    expect((await recordOf(plain.$metadata.requestId))?.requestMetadata).toEqual({
      "genai-lab:by": "runner",
      team: "a b",
    });
    const streamed = await c.runtime.send(
      new ConverseStreamCommand({ modelId: NOVA, messages, requestMetadata: { app: "chat" } }),
    );
    for await (const event of streamed.stream ?? []) void event;
    expect((await recordOf(streamed.$metadata.requestId))?.requestMetadata).toEqual({ app: "chat" });
  });

  it("InvokeModel: the header, as JSON or base64-encoded JSON; nothing recorded without it", async () => {
    const body = new TextEncoder().encode(claudeBody("Hi", 16));
    const sent = await c.runtime.send(
      new InvokeModelCommand({ modelId: CLAUDE, body, requestMetadata: JSON.stringify({ "genai-lab:by": "runner" }) }),
    );
    expect((await recordOf(sent.$metadata.requestId))?.requestMetadata).toEqual({ "genai-lab:by": "runner" });

    const encoded = Buffer.from(JSON.stringify({ env: "test" })).toString("base64");
    const viaBase64 = await c.runtime.send(new InvokeModelCommand({ modelId: CLAUDE, body, requestMetadata: encoded }));
    expect((await recordOf(viaBase64.$metadata.requestId))?.requestMetadata).toEqual({ env: "test" });

    const none = await c.runtime.send(new InvokeModelCommand({ modelId: CLAUDE, body }));
    const record = await recordOf(none.$metadata.requestId);
    expect(record).toBeDefined();
    expect(record).not.toHaveProperty("requestMetadata");
  });
});
