/**
 * Errors after a stream has started. The HTTP status (200) and headers are gone, so Bedrock sends the error as the
 * stream's last message: `:message-type: exception`, `:exception-type: <union member>`, payload {"message": …}.
 * SDKs raise it while the caller iterates (JS: the modeled exception; boto3: EventStreamError naming the member).
 *
 *   InvokeModelWithResponseStream's union: internalServerException, modelStreamErrorException, validationException,
 *     throttlingException, modelTimeoutException, serviceUnavailableException
 *   ConverseStream's union: the same but modelTimeoutException (a timeout there is a modelStreamErrorException)
 */
import { AwsError } from "../errors.js";
import type { StreamErrorType } from "../faults/config.js";
import type { RuntimeOperation } from "../model/prepare.js";

const MEMBERS: Readonly<Record<"InvokeModelWithResponseStream" | "ConverseStream", readonly string[]>> = {
  InvokeModelWithResponseStream: [
    "internalServerException",
    "modelStreamErrorException",
    "validationException",
    "throttlingException",
    "modelTimeoutException",
    "serviceUnavailableException",
  ],
  ConverseStream: [
    "internalServerException",
    "modelStreamErrorException",
    "validationException",
    "throttlingException",
    "serviceUnavailableException",
  ],
};

/** The union member an error travels as in `operation`'s stream (modelStreamErrorException when it has none). */
export function exceptionMember(operation: RuntimeOperation, error: AwsError): string {
  const member = error.code.charAt(0).toLowerCase() + error.code.slice(1);
  const allowed = operation === "ConverseStream" ? MEMBERS.ConverseStream : MEMBERS.InvokeModelWithResponseStream;
  return allowed.includes(member) ? member : "modelStreamErrorException";
}

/** The error one member carries on the wire: `{message, …fields}`; a re-labelled error keeps its message. */
export function exceptionPayload(member: string, error: AwsError): Record<string, unknown> {
  const payload: Record<string, unknown> = { message: error.message, ...error.fields };
  if (member === "modelStreamErrorException" && error.code !== "ModelStreamErrorException") {
    payload.originalStatusCode ??= error.status;
    payload.originalMessage ??= error.message;
  }
  return payload;
}

/** The simulated mid-stream faults (`stream-error=…`), with Bedrock's wording. */
export function simulatedStreamError(type: StreamErrorType): AwsError {
  switch (type) {
    case "model":
      return new AwsError(
        "ModelStreamErrorException",
        "The model stream was interrupted by an error in the model. (simulated: stream-error fault)",
        { status: 424, fields: { originalStatusCode: 500, originalMessage: "Model stream interrupted." } },
      );
    case "throttle":
      return new AwsError(
        "ThrottlingException",
        "Too many tokens, please wait before trying again. (simulated: stream-error fault)",
        { status: 429 },
      );
    case "timeout":
      return new AwsError(
        "ModelTimeoutException",
        "Model has timed out in processing the request. Try your request again. (simulated: stream-error fault)",
        { status: 408 },
      );
    case "unavailable":
      return new AwsError(
        "ServiceUnavailableException",
        "Service Unavailable. Please try again later. (simulated: stream-error fault)",
        { status: 503 },
      );
    case "internal":
      return new AwsError(
        "InternalServerException",
        "The server encountered an internal error while processing the request. (simulated: stream-error fault)",
        { status: 500 },
      );
  }
}
