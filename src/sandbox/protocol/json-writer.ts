/**
 * Writes a reply for the AWS JSON protocols by its model shape: members in model order, doubles with their ".0"
 * (`5.0`, as AWS writes them, so typed clients such as boto3 read a float), timestamps as epoch seconds, NaN and the
 * infinities as the strings Smithy prescribes. Values without a shape are written as their JavaScript type says.
 */
import { formatDouble, resolve } from "./shape.js";
import type { ServiceShapes, TypeRef } from "./shape.js";

function untyped(value: unknown): string {
  if (value instanceof Date) return String(value.getTime() / 1000);
  if (Array.isArray(value)) return `[${value.map(untyped).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const parts: string[] = [];
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) parts.push(`${JSON.stringify(key)}:${untyped(item)}`);
    }
    return `{${parts.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function double(value: unknown): string {
  if (typeof value !== "number") return untyped(value);
  return Number.isFinite(value) ? formatDouble(value) : JSON.stringify(formatDouble(value));
}

function typed(value: unknown, type: TypeRef | undefined, shapes: ServiceShapes): string {
  const shape = resolve(shapes, type);
  switch (shape.kind) {
    case "primitive":
      if (shape.type === "datetime" && value instanceof Date) return JSON.stringify(value.toISOString());
      return shape.type === "double" || shape.type === "float" ? double(value) : untyped(value);
    case "list":
      return Array.isArray(value)
        ? `[${value.map((item) => typed(item, shape.member, shapes)).join(",")}]`
        : untyped(value);
    case "map":
      return members(value, () => shape.value, [], shapes);
    case "structure":
      return members(value, (key) => shape.shape.members[key], Object.keys(shape.shape.members), shapes);
    case "unknown":
      return untyped(value);
  }
}

/** An object's members: the model's first, in model order, then any others. */
function members(
  value: unknown,
  typeOf: (key: string) => TypeRef | undefined,
  order: readonly string[],
  shapes: ServiceShapes,
): string {
  if (value === null || typeof value !== "object" || Array.isArray(value) || value instanceof Date) {
    return untyped(value);
  }
  const record = value as Record<string, unknown>;
  const keys = [...order.filter((key) => key in record), ...Object.keys(record).filter((key) => !order.includes(key))];
  const parts: string[] = [];
  for (const key of keys) {
    const item = record[key];
    if (item !== undefined && item !== null) parts.push(`${JSON.stringify(key)}:${typed(item, typeOf(key), shapes)}`);
  }
  return `{${parts.join(",")}}`;
}

/** The JSON text of `value` typed as `type` (a structure of `shapes`). */
export function writeJson(value: unknown, type: TypeRef | null, shapes: ServiceShapes): string {
  return typed(value ?? {}, type ?? undefined, shapes);
}
