import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The request body exceeds the ${limit}-byte limit.`);
  }
}

export class BodyTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`The request body did not arrive within ${timeoutMs} ms.`);
  }
}

export interface ReadBody {
  body: Buffer;
  /** SHA-256 of the body, hex, computed chunk by chunk as it arrived (SigV4 needs it; no pause at the end). */
  sha256: string;
}

/**
 * Reads the whole body, failing fast (without buffering the rest) once it passes `limit` or `timeoutMs` passes.
 * A declared Content-Length is read into one buffer of that size, so a large body is held once, not twice.
 */
export function readBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    const whole =
      Number.isInteger(declared) && declared >= 0 && declared <= limit ? Buffer.allocUnsafe(declared) : null;
    let chunks: Buffer[] = [];
    const hash = createHash("sha256");
    let size = 0;
    let settled = false;
    const timer = setTimeout(() => fail(new BodyTimeout(timeoutMs)), timeoutMs);
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      chunks = [];
      reject(error);
    };
    req.on("data", (chunk: Buffer) => {
      if (settled) return;
      if (size + chunk.length > limit || (whole !== null && size + chunk.length > whole.length)) {
        fail(new BodyTooLarge(limit));
        return;
      }
      hash.update(chunk);
      if (whole !== null) chunk.copy(whole, size);
      else chunks.push(chunk);
      size += chunk.length;
    });
    req.on("end", () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const body = whole !== null ? whole.subarray(0, size) : Buffer.concat(chunks, size);
      chunks = [];
      resolve({ body, sha256: hash.digest("hex") });
    });
    req.on("error", fail);
    req.on("aborted", () => fail(new Error("The client aborted the request.")));
  });
}
