/** Raw, hand-built AWS requests signed with the SDK's own SigV4 signer, for wire-level tests. */
import { Hash } from "@smithy/hash-node";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import type { RunningSandbox } from "../../src/sandbox/index.js";

export interface RawRequest {
  service: string;
  method?: string;
  path?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  signingDate?: Date;
  /** Skip signing entirely. */
  unsigned?: boolean;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  bytes: Uint8Array;
}

export async function signRequest(sandbox: RunningSandbox, r: RawRequest): Promise<HttpRequest> {
  const url = new URL(sandbox.endpoint);
  const body = r.body ?? "";
  const request = new HttpRequest({
    protocol: "http:",
    hostname: url.hostname,
    port: Number(url.port),
    method: r.method ?? "POST",
    path: r.path ?? "/",
    query: r.query ?? {},
    headers: { host: url.host, ...(r.headers ?? {}) },
    body,
  });
  if (r.unsigned) return request;
  const signer = new SignatureV4({
    service: r.service,
    region: r.region ?? sandbox.region,
    credentials: r.credentials ?? sandbox.credentials,
    sha256: Hash.bind(null, "sha256"),
  });
  return (await signer.sign(request, r.signingDate ? { signingDate: r.signingDate } : {})) as HttpRequest;
}

export async function send(sandbox: RunningSandbox, r: RawRequest): Promise<RawResponse> {
  const signed = await signRequest(sandbox, r);
  return sendPrepared(sandbox, signed);
}

export async function sendPrepared(sandbox: RunningSandbox, request: HttpRequest): Promise<RawResponse> {
  const qs = Object.entries(request.query as Record<string, string>)
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .join("&");
  const headers = { ...request.headers };
  delete headers.host;
  const res = await fetch(`${sandbox.endpoint}${request.path}${qs ? `?${qs}` : ""}`, {
    method: request.method,
    headers,
    ...(request.method === "GET" || request.method === "HEAD" ? {} : { body: request.body as string | Uint8Array }),
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, text: Buffer.from(bytes).toString("utf8"), bytes };
}

export const jsonHeaders = (target: string, version = "1.1"): Record<string, string> => ({
  "content-type": `application/x-amz-json-${version}`,
  "x-amz-target": target,
});

export const formHeaders = { "content-type": "application/x-www-form-urlencoded; charset=utf-8" };

export const rfc3986 = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A presigned URL's path and query (`/?Action=…&X-Amz-Signature=…`), signed with the SDK's own presigner. */
export async function presignedPath(
  sandbox: RunningSandbox,
  r: { service: string; method?: string; query: Record<string, string>; headers?: Record<string, string> },
): Promise<string> {
  const url = new URL(sandbox.endpoint);
  const signer = new SignatureV4({
    service: r.service,
    region: sandbox.region,
    credentials: sandbox.credentials,
    sha256: Hash.bind(null, "sha256"),
  });
  const presigned = await signer.presign(
    new HttpRequest({
      method: r.method ?? "GET",
      protocol: "http:",
      hostname: url.hostname,
      port: Number(url.port),
      path: "/",
      headers: { host: url.host, ...(r.headers ?? {}) },
      query: r.query,
    }),
    { expiresIn: 300 },
  );
  return `/?${new URLSearchParams(presigned.query as Record<string, string>).toString()}`;
}
