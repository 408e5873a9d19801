import { AwsError } from "../errors.js";
import { tooDeepMessage, valueTooDeep } from "./depth.js";
import { writeJson } from "./json-writer.js";
import { ShapedOutput } from "./shape.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Strict UTF-8 decoding: invalid byte sequences are a client error, never silently replaced. */
export function decodeUtf8(body: Buffer, code = "SerializationException"): string {
  try {
    return utf8.decode(body);
  } catch {
    throw new AwsError(code, "The request body is not valid UTF-8.");
  }
}

/** Decodes an AWS JSON request body: empty means `{}`; anything but a JSON object is a SerializationException. */
export function decodeJsonObject(body: Buffer, code = "SerializationException"): Record<string, unknown> {
  if (body.length === 0) return {};
  const text = decodeUtf8(body, code);
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AwsError(code, `Could not parse the request body as JSON: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new AwsError(
      code,
      "Start of structure or map found where not expected: the request body must be a JSON object.",
    );
  }
  // JSON.parse is iterative; what reads the value next recurses, so absurd nesting is refused here.
  if (valueTooDeep(value)) throw new AwsError(code, tooDeepMessage());
  return value as Record<string, unknown>;
}

/** Prepares handler output for a JSON protocol: Dates become epoch seconds (AWS JSON's default timestamp format). */
export function toJsonWire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toJsonWire);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toJsonWire(v);
    return out;
  }
  return value;
}

/** A reply body: by the operation's model shape when the value carries one (see shape.ts). */
export function encodeJson(value: unknown): string {
  if (value instanceof ShapedOutput) return writeJson(value.value, value.type, value.shapes);
  return JSON.stringify(toJsonWire(value ?? {}));
}
