/**
 * Two moments the dashboard preview and step 2's hint need to explain numbers: the preflight's probe call, and when
 * the lab turned invocation logging on. A call made before logging was on is in the AWS/Bedrock metrics but never in
 * the logs — metrics count every call, logs only the calls made while logging is on.
 */
import { defineFact, z, type FactsReader, type FactValue } from "genai-lab/kit";
import type { Invocation } from "./invoke.js";
import type { ActCtx } from "./model.js";

const PROBE = defineFact(
  "probe",
  z.object({ at: z.number(), modelId: z.string(), requestId: z.string(), inputTokens: z.number() }),
);
const LOGGING_ON = defineFact("loggingOnAt", z.number());

export type ProbeFact = FactValue<typeof PROBE>;

export function rememberProbe(ctx: ActCtx, modelId: string, call: Invocation): void {
  const fact: ProbeFact = { at: call.at, modelId, requestId: call.requestId, inputTokens: call.inputTokens };
  PROBE.set(ctx, fact);
}

/** Called when the lab itself turns logging on (not when it finds it already on). */
export function rememberLoggingOn(ctx: ActCtx): void {
  LOGGING_ON.set(ctx, ctx.clock.now());
}

export function forgetLoggingOn(ctx: ActCtx): void {
  LOGGING_ON.delete(ctx);
}

/** The preflight's probe call, if it was made inside `range` (whether or not it was logged). */
export function probeIn(facts: FactsReader, range: { startMs: number; endMs: number }): ProbeFact | undefined {
  const probe = PROBE.get({ facts });
  return probe && probe.at >= range.startMs && probe.at <= range.endMs ? probe : undefined;
}

/** The probe call, if it was made before the lab turned logging on and inside `range`. */
export function unloggedProbe(facts: FactsReader, range: { startMs: number; endMs: number }): ProbeFact | undefined {
  const probe = probeIn(facts, range);
  const loggingOn = LOGGING_ON.get({ facts });
  return probe && loggingOn !== undefined && probe.at < loggingOn ? probe : undefined;
}
