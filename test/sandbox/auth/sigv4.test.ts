import { Hash } from "@smithy/hash-node";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import { describe, expect, it } from "vitest";
import { canonicalPath, checkTime, parseSignature, signatureMatches } from "../../../src/sandbox/auth/sigv4.js";
import type { AuthFailure, SignedRequestParts } from "../../../src/sandbox/auth/sigv4.js";

const creds = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const signer = new SignatureV4({
  service: "bedrock",
  region: "us-east-1",
  credentials: creds,
  sha256: Hash.bind(null, "sha256"),
});
const date = new Date("2025-08-15T15:46:41Z");

function toParts(req: HttpRequest, rawPath: string): SignedRequestParts {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = v;
  const rawQuery = Object.entries(req.query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join("&");
  return { method: req.method, rawPath, rawQuery, headers, body: Buffer.from((req.body as string | undefined) ?? "") };
}

function request(path: string, body = '{"a":1}'): HttpRequest {
  return new HttpRequest({
    method: "POST",
    hostname: "127.0.0.1",
    port: 4566,
    path,
    headers: { host: "127.0.0.1:4566", "content-type": "application/json" },
    body,
    query: {},
  });
}

describe("SigV4 verification against the SDK's own signer", () => {
  it("accepts a header-signed request, including a percent-encoded model id in the path", async () => {
    const path = "/model/us.anthropic.claude-3-5-sonnet-20241022-v2%3A0/invoke";
    const signed = (await signer.sign(request(path), { signingDate: date })) as HttpRequest;
    const parts = toParts(signed, path);
    const sig = parseSignature(parts);
    expect(sig).toMatchObject({
      form: "header",
      accessKeyId: creds.accessKeyId,
      region: "us-east-1",
      service: "bedrock",
      scopeDate: "20250815",
    });
    expect(signatureMatches(sig!, creds.secretAccessKey, parts)).toBe(true);
  });

  it("rejects a wrong secret, a changed body and a changed path", async () => {
    const path = "/model/m/invoke";
    const signed = (await signer.sign(request(path), { signingDate: date })) as HttpRequest;
    const parts = toParts(signed, path);
    const sig = parseSignature(parts)!;
    expect(signatureMatches(sig, "not-the-secret", parts)).toBe(false);
    expect(signatureMatches(sig, creds.secretAccessKey, { ...parts, body: Buffer.from('{"a":2}') })).toBe(false);
    expect(signatureMatches(sig, creds.secretAccessKey, { ...parts, rawPath: "/model/n/invoke" })).toBe(false);
  });

  it("accepts a presigned URL (query form) and rejects it once expired", async () => {
    const req = new HttpRequest({
      method: "GET",
      hostname: "127.0.0.1",
      port: 4566,
      path: "/",
      headers: { host: "127.0.0.1:4566" },
      query: { Action: "GetCallerIdentity", Version: "2011-06-15" },
    });
    const presigned = (await new SignatureV4({
      service: "sts",
      region: "us-east-1",
      credentials: creds,
      sha256: Hash.bind(null, "sha256"),
    }).presign(req, { signingDate: date, expiresIn: 60 })) as HttpRequest;
    const parts = toParts(presigned, "/");
    const sig = parseSignature(parts)!;
    expect(sig.form).toBe("query");
    expect(sig.expiresSeconds).toBe(60);
    expect(signatureMatches(sig, creds.secretAccessKey, parts)).toBe(true);
    expect(() => checkTime(sig, date.getTime() + 30_000)).not.toThrow();
    expect(() => checkTime(sig, date.getTime() + 61_000)).toThrow(/Signature expired/);
  });

  it("enforces the 15-minute skew window with AWS's wording", async () => {
    const signed = (await signer.sign(request("/x"), { signingDate: date })) as HttpRequest;
    const sig = parseSignature(toParts(signed, "/x"))!;
    expect(() => checkTime(sig, date.getTime() + 14 * 60_000)).not.toThrow();
    expect(() => checkTime(sig, date.getTime() + 16 * 60_000)).toThrow(
      "Signature expired: 20250815T154641Z is now earlier than 20250815T154741Z (20250815T160241Z - 15 min.)",
    );
    expect(() => checkTime(sig, date.getTime() - 16 * 60_000)).toThrow(/Signature not yet current/);
  });

  it("reports incomplete Authorization headers like AWS", () => {
    const parts: SignedRequestParts = {
      method: "POST",
      rawPath: "/",
      rawQuery: "",
      headers: { authorization: "AWS4-HMAC-SHA256 Credential=AKID/20250815/us-east-1/logs/aws4_request" },
      body: Buffer.alloc(0),
    };
    const error = (() => {
      try {
        parseSignature(parts);
      } catch (e) {
        return e as AuthFailure;
      }
      return undefined;
    })();
    expect(error?.kind).toBe("incomplete");
    expect(error?.message).toMatch(
      /^Authorization header requires 'Signature' parameter\. Authorization header requires 'SignedHeaders' parameter\./,
    );
    expect(parseSignature({ ...parts, headers: {} })).toBeUndefined();
  });

  it("double-encodes and normalises the canonical path like the SDKs", () => {
    expect(canonicalPath("/model/a%3Ab/invoke")).toBe("/model/a%253Ab/invoke");
    expect(canonicalPath("/a/./b/../c/")).toBe("/a/c/");
    expect(canonicalPath("/")).toBe("/");
  });
});
