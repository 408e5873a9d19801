/** IAM's request members and their constraints, shared by the role and user calls (and STS's session tags). */
import { AwsError } from "../errors.js";
import { InputReader } from "../validate/input.js";
import { policyProblem } from "./policy.js";

export const NAME = { min: 1, max: 64, pattern: /^[\w+=,.@-]+$/, patternText: "[\\w+=,.@-]+" } as const;
export const POLICY_NAME = { min: 1, max: 128, pattern: /^[\w+=,.@-]+$/, patternText: "[\\w+=,.@-]+" } as const;
export const PATH = {
  min: 1,
  max: 512,
  pattern: /^(\/|\/[\u0021-\u007E]+\/)$/,
  patternText: "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)",
} as const;
// IAM's own pattern for policy documents: tab, newline, carriage return and printable Latin-1.
export const DOCUMENT = {
  min: 1,
  max: 131_072,
  // eslint-disable-next-line no-control-regex
  pattern: /^[\u0009\u000A\u000D\u0020-\u00FF]+$/,
  patternText: "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+",
} as const;
export const TAG_KEY = {
  min: 1,
  max: 128,
  pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u,
  patternText: "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+",
} as const;
export const TAG_VALUE = {
  min: 0,
  max: 256,
  pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u,
  patternText: "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*",
} as const;

export const reader = (input: Record<string, unknown>): InputReader =>
  new InputReader(input, {
    code: "ValidationError",
    wire: "query",
    label: (n) => n.charAt(0).toLowerCase() + n.slice(1),
  });

/** IAM returns policy documents URL-encoded (RFC 3986), as the real service does. */
export const encodePolicy = (doc: string): string => encodeURIComponent(doc);

export function readTags(r: InputReader, required: boolean): { Key: string; Value: string }[] | undefined {
  const list = r.list("Tags", { required, max: 50 });
  return list?.map((t, i) => {
    const tag = (t ?? {}) as Record<string, unknown>;
    const key = typeof tag.Key === "string" ? tag.Key : "";
    const value = typeof tag.Value === "string" ? tag.Value : "";
    r.checkString(`tags.${i + 1}.member.key`, key, TAG_KEY);
    r.checkString(`tags.${i + 1}.member.value`, value, TAG_VALUE);
    return { Key: key, Value: value };
  });
}

export function checkDocument(doc: string, kind: "trust" | "identity"): void {
  const problem = policyProblem(doc, kind);
  if (problem !== undefined) throw new AwsError("MalformedPolicyDocument", problem);
}

/**
 * IAM's list paging: MaxItems (1–1000, default 100) items from the Marker on, with IsTruncated and, when truncated,
 * the Marker to continue from. Markers are opaque; one the sandbox did not issue is refused.
 */
export function readPage(r: InputReader): { maxItems: number; marker: string | undefined } {
  const maxItems = r.integer("MaxItems", { min: 1, max: 1000 }) ?? 100;
  const marker = r.string("Marker", {
    min: 1,
    max: 320,
    pattern: /^[\u0020-\u00FF]+$/,
    patternText: "[\\u0020-\\u00FF]+",
  });
  return { maxItems, marker };
}

export function page<T>(items: readonly T[], { maxItems, marker }: { maxItems: number; marker: string | undefined }) {
  let start = 0;
  if (marker !== undefined) {
    const decoded = /^iam:(\d+)$/.exec(Buffer.from(marker, "base64").toString("utf8"));
    if (decoded === null) throw new AwsError("ValidationError", "Invalid Marker.");
    start = Number(decoded[1]);
  }
  const end = start + maxItems;
  return end < items.length
    ? { items: items.slice(start, end), IsTruncated: true, Marker: Buffer.from(`iam:${end}`).toString("base64") }
    : { items: items.slice(start), IsTruncated: false };
}
