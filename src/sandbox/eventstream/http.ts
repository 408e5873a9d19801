/**
 * Writes a streamed reply: status and headers at once (as Bedrock does, before the model has said anything), then
 * each frame as the producer yields it, waiting for the socket to drain. When the client goes away the producer's
 * signal aborts and its iterator is returned, so its `finally` (the call's log record and metrics) still runs.
 */
import { once } from "node:events";
import type { ServerResponse } from "node:http";

/** Produces a stream's frames; stops early when `signal` aborts (the client disconnected, the sandbox closed). */
export type FrameProducer = (signal: AbortSignal) => AsyncIterable<Uint8Array>;

export async function writeStream(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  produce: FrameProducer,
): Promise<void> {
  const gone = new AbortController();
  // Closed before we ended it: the client went away. (Not writableFinished: over HTTP/2 a reset stream reads as
  // "finished" too.)
  const onClose = (): void => {
    if (!res.writableEnded) gone.abort();
  };
  res.on("close", onClose);
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.flushHeaders();
  const frames = produce(gone.signal)[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await frames.next();
      if (next.done === true) break;
      if (gone.signal.aborted) break;
      if (!res.write(next.value)) {
        await Promise.race([once(res, "drain"), once(gone.signal, "abort")]);
      }
    }
  } catch (error) {
    // A producer bug after the headers went out: nothing valid can follow, so cut the connection.
    res.destroy();
    throw error;
  } finally {
    res.off("close", onClose);
    await frames.return?.();
  }
  if (!gone.signal.aborted) res.end();
}
