/**
 * Canonical JSON (RFC 8785, the JSON Canonicalization Scheme) for the values a report holds: object keys sorted
 * by UTF-16 code units, no whitespace, strings and numbers serialised as ECMAScript's JSON.stringify does (which
 * is what RFC 8785 specifies). The same report always gives the same bytes, so a digest over them detects edits
 * however the file was re-indented or its keys reordered.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError("canonical JSON has no NaN or Infinity");
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value)) return `[${value.map((item: unknown) => canonicalJson(item ?? null)).join(",")}]`;
      const record = value as Record<string, unknown>;
      // Sorting with the default comparator orders by UTF-16 code units, as RFC 8785 §3.2.3 requires.
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort();
      return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(",")}}`;
    }
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
}
