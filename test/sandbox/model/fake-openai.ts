/**
 * An in-process OpenAI-compatible server (POST /v1/chat/completions, GET /v1/models) on a loopback port, for the
 * sandbox's real-model tests: it answers whole or streamed (SSE), fails on request, hangs, stalls or drops the
 * connection mid-stream, and records every request it got.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeBehaviour {
  /** The reply's text; streamed in `pieces` when given. */
  text?: string;
  pieces?: string[];
  pieceDelayMs?: number;
  /** ms before the first byte of the answer. */
  firstByteDelayMs?: number;
  finishReason?: string;
  /** vLLM's stop_reason: the stop string met. */
  stopReason?: string;
  /** null: the server reports no usage. */
  usage?: { prompt_tokens: number; completion_tokens: number } | null;
  /** Fail with this HTTP status and body. */
  status?: number;
  errorBody?: string;
  /** Never answer. */
  hang?: boolean;
  /** Streams: stop sending (connection kept open) after this many pieces. */
  stallAfter?: number;
  /** Streams: destroy the connection after this many pieces. */
  dropAfter?: number;
  /** Streams: send an OpenAI-style error chunk after this many pieces. */
  errorChunkAfter?: number;
  /** Answer whole even when asked to stream. */
  ignoreStream?: boolean;
  models?: string[];
}

export interface FakeOpenAi {
  url: string;
  requests: Record<string, unknown>[];
  headers: Record<string, string | string[] | undefined>[];
  set(behaviour: FakeBehaviour): void;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  let b: FakeBehaviour = {};
  const requests: Record<string, unknown>[] = [];
  const headers: Record<string, string | string[] | undefined>[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      void (async () => {
        headers.push(req.headers);
        if (req.method === "GET" && req.url === "/v1/models") {
          res.setHeader("content-type", "application/json");
          res.end(
            JSON.stringify({
              object: "list",
              data: (b.models ?? ["fake-llama"]).map((id) => ({ id, object: "model" })),
            }),
          );
          return;
        }
        if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
          res.statusCode = 404;
          res.end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}` } }));
          return;
        }
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
        requests.push(body);
        if (b.hang) return;
        if (b.firstByteDelayMs) await sleep(b.firstByteDelayMs);
        if (b.status !== undefined) {
          res.statusCode = b.status;
          res.setHeader("content-type", "application/json");
          res.end(b.errorBody ?? JSON.stringify({ error: { message: "fake failure" } }));
          return;
        }
        const text = b.text ?? (b.pieces ?? ["Hello", " from", " the", " fake", " model."]).join("");
        const usage = b.usage === undefined ? { prompt_tokens: 21, completion_tokens: 7 } : b.usage;
        const finish = b.finishReason ?? "stop";
        const model = String(body.model);
        if (body.stream !== true || b.ignoreStream) {
          res.setHeader("content-type", "application/json");
          res.end(
            JSON.stringify({
              id: "chatcmpl-1",
              object: "chat.completion",
              model,
              choices: [
                {
                  index: 0,
                  message: { role: "assistant", content: text },
                  finish_reason: finish,
                  ...(b.stopReason ? { stop_reason: b.stopReason } : {}),
                },
              ],
              ...(usage ? { usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } } : {}),
            }),
          );
          return;
        }
        res.setHeader("content-type", "text/event-stream");
        const send = (data: unknown) =>
          res.write(`data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`);
        const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
          id: "chatcmpl-1",
          object: "chat.completion.chunk",
          model,
          choices: [{ index: 0, delta, finish_reason: finishReason }],
        });
        send(chunk({ role: "assistant", content: "" }));
        const pieces = b.pieces ?? [text];
        for (const [i, piece] of pieces.entries()) {
          if (b.stallAfter === i) return;
          if (b.dropAfter === i) {
            await sleep(30); // let what was written reach the client first
            res.socket?.destroy();
            return;
          }
          if (b.errorChunkAfter === i) {
            send({ error: { message: "the GPU caught fire", type: "server_error" } });
            res.end();
            return;
          }
          if (b.pieceDelayMs) await sleep(b.pieceDelayMs);
          res.write(": keep-alive\n\n");
          send(chunk({ content: piece }));
        }
        send({
          ...chunk({}, finish),
          choices: [
            { index: 0, delta: {}, finish_reason: finish, ...(b.stopReason ? { stop_reason: b.stopReason } : {}) },
          ],
        });
        if (usage) send({ id: "chatcmpl-1", object: "chat.completion.chunk", model, choices: [], usage });
        send("[DONE]");
        res.end();
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    headers,
    set: (behaviour) => {
      b = behaviour;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
