import type { CallerIdentity, IdentityResolver } from "./identity.js";
import {
  AuthFailure,
  checkTime,
  MISMATCH_MESSAGE,
  parseSignature,
  signatureMatches,
  UNSIGNED_PAYLOAD,
} from "./sigv4.js";
import type { SignedRequestParts } from "./sigv4.js";

export interface Authenticated {
  identity: CallerIdentity;
  /** The Region from the credential scope. */
  region: string;
}

/**
 * Authenticates one request for a service whose SigV4 signing name is `signingName`.
 * Order follows AWS: presence and shape, then the key, then the session token, then the clock, then the signature.
 */
export function authenticate(
  parts: SignedRequestParts,
  signingName: string,
  resolver: IdentityResolver,
  now: number,
): Authenticated {
  const sig = parseSignature(parts);
  if (sig === undefined) throw new AuthFailure("missing", "Missing Authentication Token");
  const identity = resolver.lookup(sig.accessKeyId);
  if (identity === undefined)
    throw new AuthFailure("unknown-key", "The security token included in the request is invalid.");
  if (identity.sessionToken !== sig.securityToken) {
    throw new AuthFailure("invalid-token", "The security token included in the request is invalid.");
  }
  if (identity.expiresAt !== undefined && identity.expiresAt <= now) {
    throw new AuthFailure("expired-token", "The security token included in the request is expired");
  }
  if (sig.service !== signingName) {
    throw new AuthFailure("mismatch", `Credential should be scoped to correct service: '${signingName}'. `);
  }
  checkTime(sig, now);
  // Over HTTP/2 the SDKs sign without a host header (the :authority pseudo-header carries it), as AWS accepts.
  if (!sig.signedHeaders.includes("host") && parts.headers[":authority"] === undefined) {
    throw new AuthFailure("mismatch", "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
  // What chooses the operation must be signed: the target header, and (through the payload hash) the body.
  if (parts.headers["x-amz-target"] !== undefined && !sig.signedHeaders.includes("x-amz-target")) {
    throw new AuthFailure("mismatch", "'X-Amz-Target' must be a 'SignedHeader' in the AWS Authorization.");
  }
  // A URL presigned over UNSIGNED-PAYLOAD (S3-style) simply does not match: the body's hash is what is verified.
  if (parts.headers["x-amz-content-sha256"] === UNSIGNED_PAYLOAD) {
    throw new AuthFailure(
      "mismatch",
      "UNSIGNED-PAYLOAD is accepted by Amazon S3 only: sign the SHA-256 of the request body (x-amz-content-sha256).",
    );
  }
  if (!signatureMatches(sig, identity.secretAccessKey, parts)) throw new AuthFailure("mismatch", MISMATCH_MESSAGE);
  return { identity, region: sig.region };
}
