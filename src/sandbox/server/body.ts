import type { IncomingMessage } from "node:http";
import type { ServiceName } from "../protocol/types.js";

/**
 * Transport limits per service. PutLogEvents' own 1,048,576-byte batch rule is checked by the operation (with AWS's
 * message); the transport cap above it leaves room for JSON escaping. CloudWatch caps PutMetricData requests at 1 MB.
 */
export const BODY_LIMITS: Readonly<Record<ServiceName | "unknown", number>> = {
  logs: 5 * 1024 * 1024,
  monitoring: 1024 * 1024,
  bedrock: 1024 * 1024,
  "bedrock-runtime": 25 * 1000 * 1000,
  sts: 256 * 1024,
  // Policy documents may be 131,072 characters, and form encoding can triple that.
  iam: 1024 * 1024,
  unknown: 1024 * 1024,
};

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The request body exceeds the ${limit}-byte limit.`);
  }
}

/** Reads the whole body, failing fast (without buffering the rest) once it passes `limit`. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    req.on("data", (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        fail(new BodyTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks, size));
    });
    req.on("error", fail);
    req.on("aborted", () => fail(new Error("The client aborted the request.")));
  });
}
