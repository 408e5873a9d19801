/** Smithy RPC v2 CBOR: requests decoded by @smithy/core's codec (the one the AWS SDKs use), replies by cbor-writer.ts. */
import { cbor } from "@smithy/core/cbor";
import { AwsError } from "../errors.js";
import { MAX_DEPTH, tooDeepMessage } from "./depth.js";
import { writeCbor } from "./cbor-writer.js";
import { ShapedOutput } from "./shape.js";

/** Decoded CBOR → plain values; deeper than MAX_DEPTH is malformed (the codec itself overflows near 10,000). */
function fromWire(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new AwsError("SerializationException", tooDeepMessage());
  if (Array.isArray(value)) return value.map((item) => fromWire(item, depth + 1));
  if (value instanceof Uint8Array) return value;
  if (value !== null && typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (typeof v.tag === "number" && "value" in v && Object.keys(v).length === 2) {
      // Tag 1 is an epoch-seconds timestamp; other tags are not used by CloudWatch.
      return v.tag === 1 && typeof v.value === "number" ? new Date(v.value * 1000) : fromWire(v.value, depth + 1);
    }
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v)) out[k] = fromWire(item, depth + 1);
    return out;
  }
  return value;
}

export function decodeCbor(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let value: unknown;
  try {
    value = cbor.deserialize(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
  } catch (error) {
    throw new AwsError("SerializationException", `Could not decode the CBOR request body: ${(error as Error).message}`);
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new AwsError("SerializationException", "The CBOR request body must be a map.");
  }
  return fromWire(value) as Record<string, unknown>;
}

/** A reply body, typed by the operation's model shape when the value carries one (see cbor-writer.ts). */
export function encodeCbor(value: unknown): Buffer {
  return value instanceof ShapedOutput ? writeCbor(value.value, value.type, value.shapes) : writeCbor(value);
}
