/**
 * Two moments the dashboard preview needs to explain its numbers: the preflight's probe call, and when the lab
 * turned invocation logging on. A call made before logging was on is in the AWS/Bedrock metrics but never in the
 * logs — metrics count every call, logs only the calls made while logging is on.
 */
import type { FactsReader } from "../../src/engine/contract.js";
import type { Invocation } from "./invoke.js";
import type { ActCtx } from "./model.js";

const PROBE_FACT = "probe";
const LOGGING_ON_FACT = "loggingOnAt";

export interface ProbeFact {
  [key: string]: string | number;
  at: number;
  modelId: string;
  requestId: string;
  inputTokens: number;
}

export function rememberProbe(ctx: ActCtx, modelId: string, call: Invocation): void {
  const fact: ProbeFact = { at: call.at, modelId, requestId: call.requestId, inputTokens: call.inputTokens };
  ctx.facts.set(PROBE_FACT, fact);
}

/** Called when the lab itself turns logging on (not when it finds it already on). */
export function rememberLoggingOn(ctx: ActCtx): void {
  ctx.facts.set(LOGGING_ON_FACT, ctx.clock.now());
}

export function forgetLoggingOn(ctx: ActCtx): void {
  ctx.facts.delete(LOGGING_ON_FACT);
}

/** The probe call, if it was made before the lab turned logging on and inside `range`. */
export function unloggedProbe(facts: FactsReader, range: { startMs: number; endMs: number }): ProbeFact | undefined {
  const probe = facts.get<ProbeFact>(PROBE_FACT);
  const loggingOn = facts.get<number>(LOGGING_ON_FACT);
  if (!probe || loggingOn === undefined) return undefined;
  return probe.at < loggingOn && probe.at >= range.startMs && probe.at <= range.endMs ? probe : undefined;
}
