/** Helpers for streaming tests: request bodies, and draining an SDK stream with each event's arrival time. */
import { ConverseStreamCommand, InvokeModelWithResponseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import type { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";

export const CLAUDE = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
export const HAIKU = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
export const NOVA = "us.amazon.nova-lite-v1:0";

export const claudeBody = (prompt: string, max = 512): string =>
  JSON.stringify({
    anthropic_version: "bedrock-2023-05-31",
    max_tokens: max,
    messages: [{ role: "user", content: prompt }],
  });

export const novaBody = (prompt: string, max = 512): string =>
  JSON.stringify({ messages: [{ role: "user", content: [{ text: prompt }] }], inferenceConfig: { maxTokens: max } });

export interface Arrival<T> {
  at: number;
  event: T;
}

export interface Drained<T> {
  /** ms from send() to the response headers (the SDK's resolved promise). */
  headersAt: number;
  events: Arrival<T>[];
  /** What the iteration threw, if it did. */
  error?: Error & { $metadata?: unknown };
  requestId?: string;
}

async function drain<T>(
  start: number,
  out: { $metadata: { requestId?: string } },
  iterable: AsyncIterable<T>,
): Promise<Drained<T>> {
  const headersAt = performance.now() - start;
  const events: Arrival<T>[] = [];
  try {
    for await (const event of iterable) events.push({ at: performance.now() - start, event });
  } catch (error) {
    return { headersAt, events, error: error as Error, requestId: out.$metadata.requestId };
  }
  return { headersAt, events, requestId: out.$metadata.requestId };
}

/** InvokeModelWithResponseStream, every chunk decoded from its bytes. */
export async function invokeStream(client: BedrockRuntimeClient, modelId: string, body: string) {
  const start = performance.now();
  const out = await client.send(
    new InvokeModelWithResponseStreamCommand({ modelId, body, contentType: "application/json" }),
  );
  async function* chunks() {
    for await (const part of out.body ?? []) {
      if (part.chunk?.bytes) yield JSON.parse(new TextDecoder().decode(part.chunk.bytes)) as Record<string, unknown>;
    }
  }
  return { contentType: out.contentType, ...(await drain(start, out, chunks())) };
}

export async function converseStream(
  client: BedrockRuntimeClient,
  modelId: string,
  prompt: string,
  maxTokens?: number,
) {
  const start = performance.now();
  const out = await client.send(
    new ConverseStreamCommand({
      modelId,
      messages: [{ role: "user", content: [{ text: prompt }] }],
      ...(maxTokens !== undefined ? { inferenceConfig: { maxTokens } } : {}),
    }),
  );
  async function* events() {
    yield* out.stream ?? [];
  }
  return drain(start, out, events());
}

/** The text an Anthropic chunk list carries. */
export const anthropicText = (chunks: readonly Arrival<Record<string, unknown>>[]): string =>
  chunks
    .map(({ event }) => (event.type === "content_block_delta" ? (event.delta as { text: string }).text : ""))
    .join("");
