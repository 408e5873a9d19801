/** A small XML writer for AWS Query replies: objects become elements, arrays become <member> lists. */
export function xmlEscape(s: string): string {
  return s.replace(/[&<>"'\r]/g, (c) => {
    switch (c) {
      case "&":
        return "&amp;";
      case "<":
        return "&lt;";
      case ">":
        return "&gt;";
      case '"':
        return "&quot;";
      case "'":
        return "&apos;";
      default:
        return "&#13;";
    }
  });
}

/** AWS Query renders timestamps as ISO 8601; whole seconds drop the ".000" like IAM and STS do. */
export function xmlTimestamp(d: Date): string {
  return d.toISOString().replace(/\.000Z$/, "Z");
}

function scalar(value: unknown): string {
  if (value instanceof Date) return xmlTimestamp(value);
  if (typeof value === "string") return xmlEscape(value);
  if (typeof value === "number")
    return Number.isFinite(value) ? String(value) : value > 0 ? "Infinity" : Number.isNaN(value) ? "NaN" : "-Infinity";
  if (typeof value === "boolean") return value ? "true" : "false";
  return xmlEscape(String(value));
}

export function xmlElement(name: string, value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return `<${name}>${value.map((v) => xmlElement("member", v)).join("")}</${name}>`;
  if (typeof value === "object" && !(value instanceof Date)) {
    return `<${name}>${xmlChildren(value as Record<string, unknown>)}</${name}>`;
  }
  return `<${name}>${scalar(value)}</${name}>`;
}

export function xmlChildren(obj: Record<string, unknown>): string {
  return Object.entries(obj)
    .map(([k, v]) => xmlElement(k, v))
    .join("");
}
