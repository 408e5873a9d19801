/**
 * A real model's failures, said the way Bedrock says them — so SDK retries and the lab's explanations behave as on
 * AWS — with a note naming the backend, so nobody mistakes them for AWS's. Never a silent fallback to the simulation.
 *
 *   cannot connect            → 503 ServiceUnavailableException
 *   no answer in time         → 408 ModelTimeoutException
 *   HTTP 429                  → 429 ThrottlingException
 *   HTTP 503                  → 503 ServiceUnavailableException
 *   HTTP 400 / 422            → 400 ValidationException (the backend's own message)
 *   anything else, bad JSON   → 424 ModelErrorException {originalStatusCode, resourceName}
 *   fails after streaming     → modelStreamErrorException / modelTimeoutException events (runtime-stream.ts)
 */
import { AwsError } from "../../errors.js";

const note = (url: string): string =>
  `(genai-lab sandbox: the model backend at ${url}, set with --model-endpoint or GENAI_LAB_MODEL_ENDPOINT)`;

/** Why fetch failed, from its `cause`: "ECONNREFUSED", "ENOTFOUND", "UND_ERR_SOCKET (other side closed)"… */
function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === undefined) return cause?.message ?? (error as Error).message;
  return cause.message !== undefined && !cause.message.includes(cause.code)
    ? `${cause.code} (${cause.message})`
    : cause.code;
}

export function unreachable(url: string, error: unknown): AwsError {
  return new AwsError(
    "ServiceUnavailableException",
    `The model backend is not reachable: ${causeOf(error)}. Start the model server, or run the sandbox without ` +
      `--model-endpoint to use the simulated model. ${note(url)}`,
    { status: 503 },
  );
}

export function timedOut(url: string, timeoutMs: number): AwsError {
  return new AwsError(
    "ModelTimeoutException",
    `Model has timed out in processing the request: the model backend sent nothing for ${Math.round(timeoutMs / 1000)} s ` +
      `(GENAI_LAB_MODEL_TIMEOUT_MS). ${note(url)}`,
    { status: 408 },
  );
}

/** The backend's own words, from an OpenAI-style error body ({"error": {"message"}} or {"error": "…"}) or its text. */
export function backendMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
    const message =
      typeof parsed.error === "string" ? parsed.error : (parsed.error?.message ?? parsed.message ?? undefined);
    if (typeof message === "string" && message !== "") return message.slice(0, 500);
  } catch {
    // not JSON: the text itself
  }
  return body.trim().slice(0, 500) || "(empty body)";
}

export function httpFailure(url: string, status: number, body: string): AwsError {
  const said = `HTTP ${status}: ${backendMessage(body)}`;
  if (status === 429) {
    return new AwsError("ThrottlingException", `The model backend is rate limiting requests (${said}). ${note(url)}`, {
      status: 429,
    });
  }
  if (status === 503) {
    return new AwsError("ServiceUnavailableException", `The model backend is unavailable (${said}). ${note(url)}`, {
      status: 503,
    });
  }
  if (status === 400 || status === 422) {
    return new AwsError("ValidationException", `The model backend rejected the request (${said}). ${note(url)}`);
  }
  const hint = status === 404 ? " Check that --model-map (GENAI_LAB_MODEL_MAP) names a model the server has." : "";
  return new AwsError("ModelErrorException", `The model backend failed (${said}).${hint} ${note(url)}`, {
    status: 424,
    fields: { originalStatusCode: status, resourceName: url },
  });
}

export function badReply(url: string, detail: string): AwsError {
  return new AwsError(
    "ModelErrorException",
    `The model backend sent a reply genai-lab cannot read: ${detail}. ${note(url)}`,
    {
      status: 424,
      fields: { originalStatusCode: 200, resourceName: url },
    },
  );
}

/** After the stream started: the backend broke off or said something unreadable. */
export function streamBroken(url: string, detail: string): AwsError {
  return new AwsError("ModelStreamErrorException", `The model backend's stream failed: ${detail}. ${note(url)}`, {
    status: 424,
    fields: { originalStatusCode: 200, originalMessage: detail },
  });
}
