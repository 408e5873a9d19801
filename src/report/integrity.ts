/**
 * Tamper evidence for reports. A report is sealed by adding `integrity`: the SHA-256 of the canonical JSON
 * (RFC 8785) of everything else in the document, and, when an instructor key is configured, an HMAC-SHA256 over
 * the same bytes.
 *
 * What each proves — and does not:
 * - the digest detects any edit made without recomputing it (a changed status, score or evidence, a removed
 *   item). Anyone can recompute a SHA-256, so it does not stop a forger who knows to do that;
 * - the HMAC proves that someone holding the key produced the document, unchanged since. A learner without the
 *   key cannot make a valid one. It proves nothing about reports made by a key holder, and nothing once the key
 *   leaks.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { canonicalJson } from "./canonical.js";

export interface Integrity {
  canonicalization: "RFC8785";
  algorithm: "SHA-256";
  /** Hex SHA-256 of the canonical JSON of the document without `integrity`. */
  digest: string;
  signature?: { algorithm: "HMAC-SHA256"; keyId: string; value: string };
}

export type Sealed<T> = T & { integrity: Integrity };

/** A short, public name for a key: the first 16 hex digits of its SHA-256 (tells "another key" from "edited"). */
export function keyId(key: Uint8Array): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 16);
}

function contentBytes(doc: object): string {
  const { integrity: _integrity, ...rest } = doc as Record<string, unknown>;
  return canonicalJson(rest);
}

export function seal<T extends object>(doc: T, key?: Uint8Array): Sealed<T> {
  const bytes = contentBytes(doc);
  const integrity: Integrity = {
    canonicalization: "RFC8785",
    algorithm: "SHA-256",
    digest: createHash("sha256").update(bytes).digest("hex"),
    ...(key
      ? {
          signature: {
            algorithm: "HMAC-SHA256" as const,
            keyId: keyId(key),
            value: createHmac("sha256", key).update(bytes).digest("hex"),
          },
        }
      : {}),
  };
  const { integrity: _old, ...rest } = doc as T & { integrity?: unknown };
  return { ...(rest as T), integrity };
}

export type SignatureState = "verified" | "absent" | "unchecked";

export type IntegrityCheck =
  | { ok: true; signature: SignatureState }
  | {
      ok: false;
      reason: "no-integrity" | "digest-mismatch" | "signature-mismatch" | "wrong-key" | "unsigned";
    };

/**
 * Re-checks a sealed document. With a key, a signature is required: an unsigned document, one signed with
 * another key, or a bad signature fails. Without a key, a signature present is reported as not checked.
 */
export function checkIntegrity(doc: Record<string, unknown>, key?: Uint8Array): IntegrityCheck {
  const integrity = doc.integrity as Partial<Integrity> | undefined;
  if (!integrity || typeof integrity !== "object" || typeof integrity.digest !== "string") {
    return { ok: false, reason: "no-integrity" };
  }
  const bytes = contentBytes(doc);
  const digest = createHash("sha256").update(bytes).digest("hex");
  if (!sameHex(digest, integrity.digest)) return { ok: false, reason: "digest-mismatch" };
  const signature = integrity.signature;
  if (!key) return { ok: true, signature: signature ? "unchecked" : "absent" };
  if (!signature || typeof signature.value !== "string") return { ok: false, reason: "unsigned" };
  if (signature.keyId !== keyId(key)) return { ok: false, reason: "wrong-key" };
  const expected = createHmac("sha256", key).update(bytes).digest("hex");
  return sameHex(expected, signature.value)
    ? { ok: true, signature: "verified" }
    : { ok: false, reason: "signature-mismatch" };
}

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}
