/**
 * classifyAwsError: every error from the AWS SDK (or the network under it) becomes a Problem, once, here:
 * what happened and what to do next, in Vietnamese and English. A lab adds the errors it explains in its own
 * words (its manifest's `errors`): they are tried after credentials and before the generic kinds. Only `name`, `message`, `$metadata` and
 * `$fault` are read — never `$responseBodyText`, never credentials.
 */
import type { ErrorKind } from "../engine/contract.js";
import { classifyGeneric, isAbortError, StepFailure, type Problem, type ProblemKind } from "../engine/problem.js";
import type { Text } from "../engine/text.js";
import { HINTS } from "./hints.js";

interface SdkErrorLike {
  name?: string;
  code?: string;
  message?: string;
  $fault?: "client" | "server";
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

const CREDENTIAL_CODES = new Set([
  "CredentialsProviderError",
  "ExpiredToken",
  "ExpiredTokenException",
  "UnrecognizedClientException",
  "InvalidClientTokenId",
  "InvalidSignatureException",
  "SignatureDoesNotMatch",
  "IncompleteSignature",
  "IncompleteSignatureException",
  "MissingAuthenticationToken",
  "MissingAuthenticationTokenException",
  "TokenRefreshRequired",
  "SSOTokenProviderFailure",
  "UnauthorizedException",
]);
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
]);

export function classifyAwsError(error: unknown, kinds: readonly ErrorKind[] = []): Problem {
  if (error instanceof StepFailure || isAbortError(error)) return classifyGeneric(error);
  if (!(error instanceof Error) && (typeof error !== "object" || error === null)) return classifyGeneric(error);
  const e = error as SdkErrorLike;
  const code = e.name && e.name !== "Error" ? e.name : e.code;
  const message = e.message ?? "";
  const status = e.$metadata?.httpStatusCode;
  const base = {
    ...(code ? { code } : {}),
    ...(message ? { message } : {}),
    ...(status !== undefined ? { httpStatus: status } : {}),
    ...(e.$metadata?.requestId ? { requestId: e.$metadata.requestId } : {}),
  };
  const make = (kind: ProblemKind, hint: { title: Text; next: Text }, retryable = false): Problem => ({
    kind,
    ...hint,
    ...base,
    retryable,
  });

  // Something answered, but not as AWS does (a proxy's HTML page, a web server on the port): say so, and keep
  // the answer's text out of the message — it is not an AWS message and may be anything.
  if (code === "NotAwsResponse" || /Deserialization error/i.test(message) || (code === "SyntaxError" && e.$metadata)) {
    return {
      kind: "not-aws",
      ...HINTS.notAws,
      ...(status !== undefined ? { httpStatus: status } : {}),
      retryable: false,
    };
  }
  // None found (nothing was even sent) is a different fix from credentials AWS refused.
  if (code === "CredentialsProviderError" || /Could not load credentials|Unable to locate credentials/i.test(message)) {
    return make("credentials", HINTS.noCredentials);
  }
  if (code && CREDENTIAL_CODES.has(code)) return make("credentials", HINTS.credentials(code));
  if (/The security token included in the request is (invalid|expired)/i.test(message)) {
    return make("credentials", HINTS.credentials(code ?? "InvalidClientTokenId"));
  }
  for (const known of kinds) {
    const seen = { ...(code ? { code } : {}), message, ...(status !== undefined ? { status } : {}) };
    if (known.match(seen)) return make(known.kind, known.explain(seen), known.retryable ?? false);
  }
  if (
    code === "AccessDeniedException" ||
    code === "AccessDenied" ||
    code === "UnauthorizedOperation" ||
    status === 403
  ) {
    const action = /not authorized to perform: ([\w:*-]+)/.exec(message)?.[1];
    return make("iam-permission", HINTS.iamPermission(action));
  }
  if (
    code === "ResourceNotFoundException" ||
    code === "ResourceNotFound" ||
    code === "NoSuchEntity" ||
    code === "NoSuchEntityException"
  ) {
    return make("not-found", HINTS.notFound);
  }
  if (
    code === "ThrottlingException" ||
    code === "Throttling" ||
    code === "TooManyRequestsException" ||
    status === 429
  ) {
    return make("throttled", HINTS.throttled, true);
  }
  if (status === 408) return make("timeout", HINTS.timeout, true);
  if (
    code === "ServiceUnavailableException" ||
    code === "InternalServerException" ||
    code === "ServiceUnavailable" ||
    (status !== undefined && status >= 500)
  ) {
    return make("unavailable", HINTS.unavailable, true);
  }
  if (code === "TimeoutError" || code === "RequestTimeout" || code === "ETIMEDOUT" || /timed? ?out/i.test(code ?? "")) {
    return make("timeout", HINTS.timeout, true);
  }
  if ((code && NETWORK_CODES.has(code)) || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|socket hang up/.test(message)) {
    return make("network", HINTS.network, true);
  }
  if (
    code === "ValidationException" ||
    code === "ValidationError" ||
    code === "InvalidParameterException" ||
    code === "InvalidParameterValue"
  ) {
    return make("validation", HINTS.validation(message));
  }
  if (e.$metadata || e.$fault) return make("aws", HINTS.aws(code ?? "Error", message));
  return classifyGeneric(error);
}
