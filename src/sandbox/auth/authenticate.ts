import type { CallerIdentity, IdentityResolver } from "./identity.js";
import { AuthFailure, checkTime, MISMATCH_MESSAGE, parseSignature, signatureMatches } from "./sigv4.js";
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
  if (!signatureMatches(sig, identity.secretAccessKey, parts)) throw new AuthFailure("mismatch", MISMATCH_MESSAGE);
  return { identity, region: sig.region };
}
