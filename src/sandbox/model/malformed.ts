/**
 * Bedrock checks InvokeModel bodies against a JSON schema per model family before the model sees them, and words
 * the failures the way its schema validator (everit) does:
 *   one violation   → "Malformed input request: #/max_tokens: expected type: Integer, found: String, please reformat
 *                      your input and try again."
 *   several         → "Malformed input request: 2 schema violations found, please reformat your input and try again."
 * Model-level problems (roles, empty text, max_tokens above the model's limit) come back afterwards in the model
 * provider's own words. Both are HTTP 400 ValidationException.
 */
import { AwsError } from "../errors.js";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The type names the validator prints ("found: String"). */
export function jsonTypeName(value: unknown): string {
  if (value === null) return "Null";
  if (Array.isArray(value)) return "JSONArray";
  switch (typeof value) {
    case "string":
      return "String";
    case "boolean":
      return "Boolean";
    case "number":
      return Number.isInteger(value) ? "Integer" : "BigDecimal";
    default:
      return "JSONObject";
  }
}

function malformed(detail: string): AwsError {
  return new AwsError(
    "ValidationException",
    `Malformed input request: ${detail}, please reformat your input and try again.`,
  );
}

/** Parses an InvokeModel body; anything but a JSON object is malformed. */
export function parseBody(bodyText: string): JsonObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    // AWS's parser reports its own position-based text here; the sandbox keeps the recognisable prefix and suffix.
    throw malformed(
      bodyText.trimStart().startsWith("{")
        ? "#: the request body is not valid JSON"
        : "A JSONObject text must begin with '{' at 1 [character 2 line 1]",
    );
  }
  if (!isObject(parsed)) throw malformed(`#: expected type: JSONObject, found: ${jsonTypeName(parsed)}`);
  return parsed;
}

/** Collects schema violations, then throws them in the validator's wording. */
export class Violations {
  private readonly messages: string[] = [];

  add(path: string, message: string): void {
    this.messages.push(`${path}: ${message}`);
  }

  required(object: JsonObject, path: string, keys: readonly string[]): void {
    for (const key of keys) if (!(key in object)) this.add(path, `required key [${key}] not found`);
  }

  allowedKeys(object: JsonObject, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(object))
      if (!allowed.includes(key)) this.add(path, `extraneous key [${key}] is not permitted`);
  }

  type(
    value: Json | undefined,
    path: string,
    expected: "String" | "Integer" | "Number" | "JSONArray" | "JSONObject",
  ): boolean {
    if (value === undefined) return false;
    const ok =
      expected === "String"
        ? typeof value === "string"
        : expected === "Integer"
          ? typeof value === "number" && Number.isInteger(value)
          : expected === "Number"
            ? typeof value === "number"
            : expected === "JSONArray"
              ? Array.isArray(value)
              : isObject(value);
    if (!ok) this.add(path, `expected type: ${expected}, found: ${jsonTypeName(value)}`);
    return ok;
  }

  range(value: Json | undefined, path: string, min: number | undefined, max: number | undefined): void {
    if (typeof value !== "number") return;
    if (min !== undefined && value < min) this.add(path, `${value} is not greater or equal to ${min}`);
    if (max !== undefined && value > max) this.add(path, `${value} is not less or equal to ${max}`);
  }

  oneOf(value: Json | undefined, path: string, allowed: readonly string[]): void {
    if (value === undefined) return;
    if (typeof value !== "string" || !allowed.includes(value))
      this.add(path, `${String(value)} is not a valid enum value`);
  }

  throwIfAny(): void {
    const [first] = this.messages;
    if (first === undefined) return;
    throw malformed(this.messages.length === 1 ? first : `${this.messages.length} schema violations found`);
  }
}

/** A model-level refusal, passed through in the provider's words. */
export function modelValidation(message: string): AwsError {
  return new AwsError("ValidationException", message);
}
