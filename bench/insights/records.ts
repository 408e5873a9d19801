/**
 * A deterministic week of realistic Bedrock invocation records: the real record shape and key order
 * (docs/aws-behaviour.md), five models (one logged as an inference-profile ARN, two through Converse), 25 learners,
 * a few hundred prompts, completions of 100–700 characters. About 1.3 KB per record, like the real thing.
 */
import { createPrng } from "../../src/sandbox/faults/prng.js";

export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";
export const GROUP = "/aws/bedrock/model-invocations";
export const STREAM = "aws/bedrock/modelinvocations";
/** The week ends at 2025-08-15T00:00:00Z. */
export const END_MS = Date.UTC(2025, 7, 15);
export const START_MS = END_MS - 7 * 86_400_000;

const MODELS: readonly [string, number, boolean][] = [
  ["anthropic.claude-3-haiku-20240307-v1:0", 0.4, false],
  [
    "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20241022-v2:0",
    0.25,
    false,
  ],
  ["amazon.nova-lite-v1:0", 0.2, true],
  ["amazon.nova-pro-v1:0", 0.1, true],
  ["anthropic.claude-3-sonnet-20240229-v1:0", 0.05, false],
];

const WORDS = (
  "model token prompt latency bedrock region answer context document search vector embedding serverless " +
  "retrieval grounded response service account policy role logging metric dashboard alarm invocation cost " +
  "throughput quota profile cache stream message request output input count average hour learner lab"
).split(" ");

function sentence(rand: () => number, chars: number): string {
  let out = "";
  while (out.length < chars) out += `${WORDS[Math.floor(rand() * WORDS.length)]} `;
  return `${out.trimEnd()}.`;
}

export function createRecords(seed = 42): (index: number, total: number) => { timestamp: number; message: string } {
  const rand = createPrng(seed);
  const prompts = Array.from({ length: 300 }, () => sentence(rand, 20 + Math.floor(rand() * 160)));
  const hex = (n: number): string =>
    Math.floor(rand() * 16 ** n)
      .toString(16)
      .padStart(n, "0");
  return (index, total) => {
    const timestamp = START_MS + Math.floor(((index + rand()) / total) * (END_MS - START_MS));
    let pick = rand();
    let model = MODELS[0] as (typeof MODELS)[number];
    for (const m of MODELS) {
      model = m;
      pick -= m[1];
      if (pick <= 0) break;
    }
    const [modelId, , converse] = model;
    const prompt = prompts[Math.floor(rand() * prompts.length)] as string;
    const completion = sentence(rand, 100 + Math.floor(rand() * 600));
    const inTokens = 8 + Math.floor(prompt.length / 4);
    const outTokens = Math.max(1, Math.floor(completion.length / 4.5));
    const user = `learner${String(1 + Math.floor(rand() * 25)).padStart(2, "0")}`;
    const input = converse
      ? { messages: [{ role: "user", content: [{ text: prompt }] }], inferenceConfig: { maxTokens: 512 } }
      : {
          anthropic_version: "bedrock-2023-05-31",
          max_tokens: 512,
          messages: [{ role: "user", content: prompt }],
        };
    const output = converse
      ? {
          output: { message: { role: "assistant", content: [{ text: completion }] } },
          stopReason: outTokens >= 150 ? "max_tokens" : "end_turn",
          usage: { inputTokens: inTokens, outputTokens: outTokens, totalTokens: inTokens + outTokens },
          metrics: { latencyMs: 200 + Math.floor(rand() * 3000) },
        }
      : {
          id: `msg_bdrk_01${hex(8)}${hex(8)}`,
          type: "message",
          role: "assistant",
          model: modelId.includes("haiku") ? "claude-3-haiku-20240307" : "claude-3-5-sonnet-20241022",
          content: [{ type: "text", text: completion }],
          stop_reason: outTokens >= 150 ? "max_tokens" : "end_turn",
          stop_sequence: null,
          usage: { input_tokens: inTokens, output_tokens: outTokens },
        };
    const message = JSON.stringify({
      timestamp: new Date(timestamp - (timestamp % 1000)).toISOString().replace(".000Z", "Z"),
      accountId: ACCOUNT,
      identity: { arn: `arn:aws:sts::${ACCOUNT}:assumed-role/genai-lab-learner/${user}` },
      region: REGION,
      requestId: `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
      operation: converse ? "Converse" : "InvokeModel",
      modelId,
      input: { inputContentType: "application/json", inputBodyJson: input, inputTokenCount: inTokens },
      output: { outputContentType: "application/json", outputBodyJson: output, outputTokenCount: outTokens },
      inferenceRegion: REGION,
      schemaType: "ModelInvocationLog",
      schemaVersion: "1.0",
    });
    return { timestamp, message };
  };
}
