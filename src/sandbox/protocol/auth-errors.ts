import { AwsError } from "../errors.js";
import type { AuthFailure, AuthFailureKind } from "../auth/sigv4.js";
import type { Protocol } from "./types.js";

/** JSON-protocol code, Query-protocol code. CloudWatch's query-compatible JSON carries both. */
const CODES: Readonly<Record<AuthFailureKind, readonly [string, string]>> = {
  missing: ["MissingAuthenticationTokenException", "MissingAuthenticationToken"],
  incomplete: ["IncompleteSignatureException", "IncompleteSignature"],
  "unknown-key": ["UnrecognizedClientException", "InvalidClientTokenId"],
  "invalid-token": ["UnrecognizedClientException", "InvalidClientTokenId"],
  "expired-token": ["ExpiredTokenException", "ExpiredToken"],
  mismatch: ["InvalidSignatureException", "SignatureDoesNotMatch"],
};

/**
 * The error each protocol family really answers: AWS JSON services answer 400 with the *Exception names,
 * REST-JSON front ends 403, the Query services 403 with the short names (IncompleteSignature is a 400 there).
 */
export function authError(failure: AuthFailure, protocol: Protocol, queryCompatible: boolean): AwsError {
  const [jsonCode, queryCode] = CODES[failure.kind];
  const message =
    failure.kind === "missing" && protocol === "query" ? "Request is missing Authentication Token" : failure.message;
  switch (protocol) {
    case "query":
      return new AwsError(queryCode, message, { status: failure.kind === "incomplete" ? 400 : 403 });
    case "rest-json":
      return new AwsError(jsonCode, message, { status: 403 });
    case "json-1.0":
    case "json-1.1":
    case "cbor":
      return new AwsError(jsonCode, message, { status: 400, ...(queryCompatible ? { queryCode } : {}) });
  }
}
