/**
 * Which kind of AWS a command or the TUI talks to, from the flags and the environment: shared by the CLI (which
 * also validates the choice) and the TUI (which names the target while it connects).
 */
import type { TargetKind } from "../engine/contract.js";

/** The flags that choose a target. */
export interface TargetFlags {
  target?: string;
  profile?: string;
  "endpoint-url"?: string;
}

/**
 * `genai-lab env` exports this beside AWS_ENDPOINT_URL: a shell set up for the AWS CLI to reach the lab's sandbox
 * still runs genai-lab on the sandbox target (the same progress, hints and mode), not on "an endpoint".
 */
export const TARGET_ENV = "GENAI_LAB_TARGET";

/** --target, else GENAI_LAB_TARGET — unless --profile or --endpoint-url on the command line choose otherwise. */
export function namedTarget(flags: TargetFlags, env: NodeJS.ProcessEnv): string | undefined {
  if (flags.target !== undefined) return flags.target;
  if (flags.profile || flags["endpoint-url"]) return undefined;
  return env[TARGET_ENV]?.trim() || undefined;
}

/**
 * The endpoint a command talks to, if any: --endpoint-url, else AWS_ENDPOINT_URL unless --target names one — or
 * unless GENAI_LAB_TARGET says `genai-lab env` set it (then it is the lab's own sandbox, for the AWS CLI).
 */
export function endpointOf(flags: TargetFlags, env: NodeJS.ProcessEnv): string | undefined {
  if (flags["endpoint-url"] !== undefined) return flags["endpoint-url"];
  return flags.target === undefined && !env[TARGET_ENV]?.trim() ? env.AWS_ENDPOINT_URL : undefined;
}

/** Which kind of target the flags and the environment choose (the CLI's chooseTarget also validates them). */
export function targetKindOf(flags: TargetFlags, env: NodeJS.ProcessEnv): TargetKind {
  if (endpointOf(flags, env)) return "endpoint";
  return namedTarget(flags, env) === "aws" || flags.profile ? "aws" : "sandbox";
}
