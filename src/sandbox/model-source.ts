/**
 * The sandbox's model source from its options and environment: the simulated model unless a model endpoint is set.
 * A bad endpoint or map fails the start (ModelBackendConfigError, naming the setting), never the first call.
 */
import { simulatedSource } from "./model/index.js";
import type { ModelSource } from "./model/index.js";
import type { SandboxOptions } from "./options.js";

export const STREAM_SCALE_ENV = "GENAI_LAB_SANDBOX_STREAM_SCALE";

export class SandboxSettingError extends Error {
  override readonly name = "SandboxSettingError";
  constructor(
    message: string,
    /** The environment variable the bad value came from. */
    readonly source: string,
  ) {
    super(message);
  }
}

function number(env: Readonly<Record<string, string | undefined>>, name: string, min: number, max: number) {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new SandboxSettingError(`${name}="${raw}" must be a number from ${min} to ${max}.`, name);
  }
  return n;
}

export function createModelSource(
  options: SandboxOptions,
  env: Readonly<Record<string, string | undefined>>,
): ModelSource {
  return simulatedSource(options.streamTimeScale ?? number(env, STREAM_SCALE_ENV, 0, 100) ?? 1);
}
