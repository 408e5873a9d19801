/**
 * Writes an AWS Query reply's result by its model shape: members in model order, lists as <member> items, maps as
 * <entry><key/><value/></entry>, doubles with their ".0" (`<Sum>5.0</Sum>`), empty containers as `<Name/>` — the
 * way the Query services write them. Values without a shape fall back to the generic writer in xml.ts.
 */
import { formatDouble, resolve } from "./shape.js";
import type { ServiceShapes, TypeRef } from "./shape.js";
import { xmlElement, xmlEscape, xmlTimestamp } from "./xml.js";

function element(name: string, content: string): string {
  return content === "" ? `<${name}/>` : `<${name}>${content}</${name}>`;
}

function scalar(value: unknown, type: string): string {
  if (value instanceof Date) return xmlTimestamp(value);
  if (typeof value === "number" && (type === "double" || type === "float")) return formatDouble(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  return xmlEscape(String(value));
}

export function writeXml(name: string, value: unknown, type: TypeRef | undefined, shapes: ServiceShapes): string {
  if (value === undefined || value === null) return "";
  const shape = resolve(shapes, type);
  switch (shape.kind) {
    case "primitive":
      return `<${name}>${scalar(value, shape.type)}</${name}>`;
    case "list":
      if (!Array.isArray(value)) return xmlElement(name, value);
      return element(name, value.map((item) => writeXml("member", item, shape.member, shapes)).join(""));
    case "map": {
      if (typeof value !== "object" || Array.isArray(value)) return xmlElement(name, value);
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null);
      const body = entries.map(
        ([key, item]) => `<entry><key>${xmlEscape(key)}</key>${writeXml("value", item, shape.value, shapes)}</entry>`,
      );
      return element(name, body.join(""));
    }
    case "structure": {
      if (typeof value !== "object" || Array.isArray(value) || value instanceof Date) return xmlElement(name, value);
      const record = value as Record<string, unknown>;
      const order = Object.keys(shape.shape.members);
      const keys = [...order.filter((k) => k in record), ...Object.keys(record).filter((k) => !order.includes(k))];
      return element(name, keys.map((key) => writeXml(key, record[key], shape.shape.members[key], shapes)).join(""));
    }
    case "unknown":
      return xmlElement(name, value);
  }
}
