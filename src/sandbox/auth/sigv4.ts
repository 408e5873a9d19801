/**
 * SigV4 verification (header and presigned-query forms), hand-written over node:crypto because verifying means
 * rebuilding the canonical request from exactly what the client signed (its SignedHeaders, its raw path and query),
 * which the SDK's signer does not expose.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const ALGORITHM = "AWS4-HMAC-SHA256";
const SKEW_MS = 15 * 60 * 1000;

export interface SignedRequestParts {
  method: string;
  /** Path as sent on the wire (still percent-encoded), without the query. */
  rawPath: string;
  /** Query as sent on the wire, without the leading "?". */
  rawQuery: string;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  body: Buffer;
  /** The body's SHA-256 (hex) when already computed while it arrived. */
  bodySha256?: string;
}

export interface ParsedSignature {
  form: "header" | "query";
  accessKeyId: string;
  scopeDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  /** The request time, YYYYMMDDTHHMMSSZ. */
  amzDate: string;
  /** Presigned form only: validity in seconds. */
  expiresSeconds: number | undefined;
  securityToken: string | undefined;
}

/** Why a request is not authenticated; the protocol layer turns it into each service's real error. */
export type AuthFailureKind = "missing" | "incomplete" | "unknown-key" | "invalid-token" | "expired-token" | "mismatch";

export class AuthFailure extends Error {
  constructor(
    readonly kind: AuthFailureKind,
    message: string,
  ) {
    super(message);
  }
}

export const MISMATCH_MESSAGE =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

function header(parts: SignedRequestParts, name: string): string | undefined {
  // HTTP/2 may carry the host only as the :authority pseudo-header.
  const v = parts.headers[name] ?? (name === "host" ? parts.headers[":authority"] : undefined);
  return Array.isArray(v) ? v.join(",") : v;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters. */
export function uriEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function parseQueryPairs(rawQuery: string): [string, string][] {
  if (rawQuery === "") return [];
  return rawQuery
    .split("&")
    .filter((p) => p !== "")
    .map((p) => {
      const eq = p.indexOf("=");
      return eq < 0 ? [safeDecode(p), ""] : [safeDecode(p.slice(0, eq)), safeDecode(p.slice(eq + 1))];
    });
}

/** Parses the Authorization header or the X-Amz-* query parameters. Returns undefined when the request is unsigned. */
export function parseSignature(parts: SignedRequestParts): ParsedSignature | undefined {
  const auth = header(parts, "authorization");
  const query = new Map(parseQueryPairs(parts.rawQuery));
  if (auth !== undefined && auth.trim() !== "") return parseHeaderForm(parts, auth.trim());
  if (query.has("X-Amz-Algorithm") || query.has("X-Amz-Signature") || query.has("X-Amz-Credential")) {
    return parseQueryForm(query);
  }
  return undefined;
}

function parseScope(
  credential: string,
  context: string,
): Pick<ParsedSignature, "accessKeyId" | "scopeDate" | "region" | "service"> {
  const [accessKeyId, scopeDate, region, service, terminator, ...rest] = credential.split("/");
  if (!accessKeyId || !scopeDate || !region || !service || terminator !== "aws4_request" || rest.length > 0) {
    throw new AuthFailure(
      "incomplete",
      `Credential should be scoped to a valid region, service and terminated with 'aws4_request'. ${context}`,
    );
  }
  return { accessKeyId, scopeDate, region, service };
}

function parseHeaderForm(parts: SignedRequestParts, auth: string): ParsedSignature {
  const space = auth.indexOf(" ");
  const algorithm = space < 0 ? auth : auth.slice(0, space);
  const context = `Authorization=${auth.length > 200 ? `${auth.slice(0, 200)}…` : auth}`;
  if (algorithm !== ALGORITHM) {
    throw new AuthFailure("incomplete", `Unsupported AWS 'algorithm': '${algorithm}'. ${context}`);
  }
  const fields = new Map<string, string>();
  for (const piece of auth.slice(space + 1).split(",")) {
    const eq = piece.indexOf("=");
    if (eq > 0) fields.set(piece.slice(0, eq).trim(), piece.slice(eq + 1).trim());
  }
  const missing = ["Credential", "Signature", "SignedHeaders"].filter((k) => !fields.get(k));
  if (missing.length > 0) {
    throw new AuthFailure(
      "incomplete",
      `${missing.map((k) => `Authorization header requires '${k}' parameter.`).join(" ")} ${context}`,
    );
  }
  const amzDate = header(parts, "x-amz-date") ?? dateHeaderToAmz(header(parts, "date"));
  if (amzDate === undefined) {
    throw new AuthFailure(
      "incomplete",
      `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ${context}`,
    );
  }
  return {
    form: "header",
    ...parseScope(fields.get("Credential") ?? "", context),
    signedHeaders: (fields.get("SignedHeaders") ?? "").split(";"),
    signature: fields.get("Signature") ?? "",
    amzDate,
    expiresSeconds: undefined,
    securityToken: header(parts, "x-amz-security-token"),
  };
}

function parseQueryForm(query: Map<string, string>): ParsedSignature {
  const required = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date"];
  const missing = required.filter((k) => !query.get(k));
  if (missing.length > 0) {
    throw new AuthFailure(
      "incomplete",
      missing.map((k) => `AWS query-string parameters must include '${k}'.`).join(" ") +
        " Re-examine the query-string parameters.",
    );
  }
  if (query.get("X-Amz-Algorithm") !== ALGORITHM) {
    throw new AuthFailure("incomplete", `Unsupported AWS 'algorithm': '${query.get("X-Amz-Algorithm") ?? ""}'.`);
  }
  const expires = query.get("X-Amz-Expires");
  const expiresSeconds = expires === undefined ? undefined : Number(expires);
  if (
    expiresSeconds !== undefined &&
    (!Number.isInteger(expiresSeconds) || expiresSeconds < 0 || expiresSeconds > 604800)
  ) {
    throw new AuthFailure("incomplete", "X-Amz-Expires must be non-negative and less than or equal to 604800.");
  }
  return {
    form: "query",
    ...parseScope(query.get("X-Amz-Credential") ?? "", ""),
    signedHeaders: (query.get("X-Amz-SignedHeaders") ?? "").split(";"),
    signature: query.get("X-Amz-Signature") ?? "",
    amzDate: query.get("X-Amz-Date") ?? "",
    expiresSeconds,
    securityToken: query.get("X-Amz-Security-Token"),
  };
}

function dateHeaderToAmz(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : toAmzDate(t);
}

export function toAmzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

export function parseAmzDate(s: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return Number.isNaN(t) ? undefined : t;
}

/** Rejects requests signed more than 15 minutes from `now` (and expired presigned URLs), with AWS's wording. */
export function checkTime(sig: ParsedSignature, now: number): void {
  const t = parseAmzDate(sig.amzDate);
  if (t === undefined) {
    throw new AuthFailure(
      "incomplete",
      `Date must be in ISO-8601 'basic format'. Got '${sig.amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601`,
    );
  }
  if (sig.scopeDate !== sig.amzDate.slice(0, 8)) {
    throw new AuthFailure(
      "mismatch",
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${sig.scopeDate}' != '${sig.amzDate.slice(0, 8)}', from '${sig.amzDate}'.`,
    );
  }
  if (sig.form === "query" && sig.expiresSeconds !== undefined) {
    if (t + sig.expiresSeconds * 1000 < now) {
      throw new AuthFailure(
        "mismatch",
        `Signature expired: ${sig.amzDate} is now earlier than ${toAmzDate(now - sig.expiresSeconds * 1000)} (${toAmzDate(now)} - ${sig.expiresSeconds} sec.)`,
      );
    }
    if (t - SKEW_MS > now) {
      throw new AuthFailure(
        "mismatch",
        `Signature not yet current: ${sig.amzDate} is still later than ${toAmzDate(now + SKEW_MS)} (${toAmzDate(now)} + 15 min.)`,
      );
    }
    return;
  }
  if (t < now - SKEW_MS) {
    throw new AuthFailure(
      "mismatch",
      `Signature expired: ${sig.amzDate} is now earlier than ${toAmzDate(now - SKEW_MS)} (${toAmzDate(now)} - 15 min.)`,
    );
  }
  if (t > now + SKEW_MS) {
    throw new AuthFailure(
      "mismatch",
      `Signature not yet current: ${sig.amzDate} is still later than ${toAmzDate(now + SKEW_MS)} (${toAmzDate(now)} + 15 min.)`,
    );
  }
}

/** The canonical URI for every service but S3: normalised, then each segment encoded again (double encoding). */
export function canonicalPath(rawPath: string): string {
  const segments: string[] = [];
  for (const seg of rawPath.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") segments.pop();
    else segments.push(seg);
  }
  const joined = `${rawPath.startsWith("/") ? "/" : ""}${segments.join("/")}${segments.length > 0 && rawPath.endsWith("/") ? "/" : ""}`;
  return uriEncode(joined).replace(/%2F/g, "/");
}

function canonicalQuery(rawQuery: string, form: "header" | "query"): string {
  return parseQueryPairs(rawQuery)
    .filter(([k]) => !(form === "query" && k === "X-Amz-Signature"))
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}

const sha256hex = (data: string | Buffer): string => createHash("sha256").update(data).digest("hex");

const keyCache = new Map<string, Buffer>();
function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const id = `${secret}\n${date}\n${region}\n${service}`;
  let key = keyCache.get(id);
  if (key === undefined) {
    const kDate = createHmac("sha256", `AWS4${secret}`).update(date).digest();
    const kRegion = createHmac("sha256", kDate).update(region).digest();
    const kService = createHmac("sha256", kRegion).update(service).digest();
    key = createHmac("sha256", kService).update("aws4_request").digest();
    if (keyCache.size > 256) keyCache.clear();
    keyCache.set(id, key);
  }
  return key;
}

export const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

/**
 * Recomputes the signature over exactly what the client said it signed, and compares in constant time. The payload
 * is always part of it: UNSIGNED-PAYLOAD (which AWS accepts for Amazon S3 only) is refused before this is called, so
 * a presigned URL cannot be replayed with a different body (e.g. other Query parameters).
 */
export function signatureMatches(sig: ParsedSignature, secret: string, parts: SignedRequestParts): boolean {
  const declared = header(parts, "x-amz-content-sha256");
  const actual = parts.bodySha256 ?? sha256hex(parts.body);
  // A declared body hash must be the body's: the signature covers the header, so without this check a replayed
  // signature would carry any body.
  if (declared !== undefined && declared.toLowerCase() !== actual) return false;
  return matchesWithPayload(sig, secret, parts, actual);
}

function matchesWithPayload(
  sig: ParsedSignature,
  secret: string,
  parts: SignedRequestParts,
  payloadHash: string,
): boolean {
  const headerLines = sig.signedHeaders.map((name) => {
    const value = (header(parts, name) ?? "").trim().replace(/\s+/g, " ");
    return `${name}:${value}\n`;
  });
  const canonical = [
    parts.method,
    canonicalPath(parts.rawPath),
    canonicalQuery(parts.rawQuery, sig.form),
    headerLines.join(""),
    sig.signedHeaders.join(";"),
    payloadHash,
  ].join("\n");
  const scope = `${sig.scopeDate}/${sig.region}/${sig.service}/aws4_request`;
  const stringToSign = `${ALGORITHM}\n${sig.amzDate}\n${scope}\n${sha256hex(canonical)}`;
  const expected = createHmac("sha256", signingKey(secret, sig.scopeDate, sig.region, sig.service))
    .update(stringToSign)
    .digest();
  if (!/^[0-9a-f]{64}$/i.test(sig.signature)) return false;
  return timingSafeEqual(Buffer.from(sig.signature, "hex"), expected);
}
