/** InvokeModel: parse the body and hand it to the dialect of the target model's family. */
import { invokeAnthropic } from "./anthropic.js";
import { parseBody } from "./malformed.js";
import { invokeNova } from "./nova.js";
import type { InvocationTarget, InvokeResult } from "./types.js";

export interface InvokeOptions {
  /** Seeds the reply id (`msg_bdrk_…`) so it is unique per request; without it the id derives from the body. */
  requestId?: string;
}

/**
 * Answers an InvokeModel body for the resolved target. Throws AwsError ValidationException with Bedrock's wording
 * for malformed bodies. `responseBody` is the JSON object to send back (serialise it with JSON.stringify).
 */
export function invokeModelBody(target: InvocationTarget, bodyText: string, options: InvokeOptions = {}): InvokeResult {
  const body = parseBody(bodyText);
  switch (target.model.family) {
    case "anthropic":
      return invokeAnthropic(target, body, options.requestId);
    case "nova":
      return invokeNova(target, body);
  }
}
