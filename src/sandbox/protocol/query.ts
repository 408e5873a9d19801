import { AwsError } from "../errors.js";
import { MAX_DEPTH, tooDeepMessage } from "./depth.js";
import { decodeUtf8 } from "./json.js";
import { ShapedOutput } from "./shape.js";
import { xmlChildren, xmlElement, xmlEscape } from "./xml.js";
import { writeXml } from "./xml-writer.js";

/** Form decoding (`+` is a space), strict about percent escapes and UTF-8 like the Query front end. */
export function parseForm(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of text.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const key = decodeComponent(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? "" : decodeComponent(pair.slice(eq + 1));
    out.set(key, value);
  }
  return out;
}

function decodeComponent(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    throw new AwsError(
      "MalformedQueryString",
      `The query string contains an invalid escape sequence or invalid UTF-8: '${s.slice(0, 64)}'`,
    );
  }
}

export function decodeFormBody(body: Buffer): Map<string, string> {
  return parseForm(decodeUtf8(body, "MalformedQueryString"));
}

type Tree = { [key: string]: Tree | string } | string;

/**
 * Turns flattened Query parameters (`A.member.1.B=x`) into nested objects and arrays (`{A: [{B: "x"}]}`).
 * `member.N` (and map `entry.N.key/value`) become arrays; values stay strings — callers coerce by shape.
 * A name with more than MAX_DEPTH parts is malformed (AWS's deepest real names have under 10; 10,000 overflowed).
 */
export function formToObject(
  params: Map<string, string>,
  skip: ReadonlySet<string> = new Set(["Action", "Version"]),
): Record<string, unknown> {
  const root: Record<string, Tree> = {};
  for (const [key, value] of params) {
    if (skip.has(key) || key.startsWith("X-Amz-")) continue;
    const parts = key.split(".", MAX_DEPTH + 2);
    if (parts.length > MAX_DEPTH) throw new AwsError("MalformedQueryString", tooDeepMessage());
    let node: Record<string, Tree> = root;
    for (let i = 0; i < parts.length - 1; i += 1) {
      const part = parts[i] ?? "";
      const next = node[part];
      if (next === undefined || typeof next === "string") {
        const created: Record<string, Tree> = {};
        node[part] = created;
        node = created;
      } else {
        node = next;
      }
    }
    node[parts[parts.length - 1] ?? ""] = value;
  }
  return collapse(root) as Record<string, unknown>;
}

function collapse(node: Tree): unknown {
  if (typeof node === "string") return node;
  const keys = Object.keys(node);
  if (keys.length === 1 && (keys[0] === "member" || keys[0] === "entry")) {
    const items = node[keys[0]];
    if (items !== undefined && typeof items !== "string") {
      return Object.keys(items)
        .filter((k) => /^\d+$/.test(k))
        .sort((a, b) => Number(a) - Number(b))
        .map((k) => collapse(items[k] ?? ""));
    }
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = collapse(node[k] ?? "");
  return out;
}

/** The reply document. A shaped result has an <OpResult> exactly when the model gives the operation an output. */
export function queryResponse(operation: string, namespace: string, result: unknown, requestId: string): string {
  const body =
    result instanceof ShapedOutput
      ? result.type === null
        ? ""
        : writeXml(`${operation}Result`, result.value ?? {}, result.type, result.shapes)
      : result !== undefined && result !== null && typeof result === "object" && Object.keys(result).length > 0
        ? xmlElement(`${operation}Result`, result)
        : "";
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response xmlns="${namespace}">${body}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>\n`;
}

export function queryError(
  namespace: string,
  code: string,
  message: string,
  status: number,
  fields: Record<string, unknown>,
  requestId: string,
): string {
  const type = status >= 500 ? "Receiver" : "Sender";
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${namespace}"><Error><Type>${type}</Type><Code>${xmlEscape(code)}</Code><Message>${xmlEscape(message)}</Message>${xmlChildren(fields)}</Error><RequestId>${requestId}</RequestId></ErrorResponse>\n`;
}
