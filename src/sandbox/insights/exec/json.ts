/**
 * AWS's structure types (CWL_QuerySyntax-operations-functions, "Structure types"; CWL_QuerySyntax-Unnest):
 * `jsonParse(text)` turns JSON text into a MAP (object) or LIST (array) that a query walks with dots —
 * `fields jsonParse(@message) as js | display js.events.0.name` — and `unnest` flattens. Leaves become values the
 * way field discovery makes them: numbers stay numbers, booleans become the words true/false, JSON null is absent.
 */
import { toText, type JsonValue, type Value } from "./values.js";

/** A JSON leaf or structure as a query value. */
export function fromJson(value: unknown): Value {
  switch (typeof value) {
    case "string":
    case "number":
      return value;
    case "boolean":
      return value ? "true" : "false";
    case "object":
      return value === null ? null : (value as JsonValue);
    default:
      return null;
  }
}

/** jsonParse(): the MAP or LIST (or plain value) in a JSON text; absent when the text is not JSON. */
export function jsonParse(text: Value | undefined): Value {
  if (text !== null && typeof text === "object") return text;
  const source = toText(text);
  if (source === null) return null;
  try {
    return fromJson(JSON.parse(source));
  } catch {
    return null;
  }
}

/** `map.a.0.b`: walks keys of MAPs and indexes of LISTs; anything else on the way makes the value absent. */
export function path(value: Value | undefined, keys: readonly string[]): Value {
  let current: unknown = value;
  for (const key of keys) {
    if (current === null || typeof current !== "object") return null;
    current = Array.isArray(current)
      ? /^\d+$/.test(key)
        ? current[Number(key)]
        : undefined
      : (current as Record<string, unknown>)[key];
  }
  return fromJson(current);
}

/** unnest's items: a LIST gives its elements; any other present value is a list of one (AWS's rule). */
export function unnestItems(value: Value | undefined): Value[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value.map(fromJson) : [value];
}
