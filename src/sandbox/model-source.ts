/**
 * The sandbox's model source from its options and environment: the simulated model unless a model endpoint is set.
 * A bad endpoint or map fails the start (ModelBackendConfigError, naming the setting), never the first call.
 */
import { endpointSource } from "./model/backend/index.js";
import { simulatedSource } from "./model/index.js";
import type { ModelSource } from "./model/index.js";
import type { SandboxOptions } from "./options.js";

export const MODEL_ENDPOINT_ENV = "GENAI_LAB_MODEL_ENDPOINT";
export const MODEL_MAP_ENV = "GENAI_LAB_MODEL_MAP";
export const MODEL_TIMEOUT_ENV = "GENAI_LAB_MODEL_TIMEOUT_MS";
export const MODEL_API_KEY_ENV = "GENAI_LAB_MODEL_API_KEY";
export const STREAM_SCALE_ENV = "GENAI_LAB_SANDBOX_STREAM_SCALE";

export class SandboxSettingError extends Error {
  override readonly name = "SandboxSettingError";
  constructor(
    /** What is wrong, in both languages (`message` is the English). */
    readonly text: { en: string; vi: string },
    /** The environment variable the bad value came from. */
    readonly source: string,
  ) {
    super(text.en);
  }
}

function number(env: Readonly<Record<string, string | undefined>>, name: string, min: number, max: number) {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new SandboxSettingError(
      {
        en: `${name}="${raw}" must be a number from ${min} to ${max}.`,
        vi: `${name}="${raw}" phải là một số từ ${min} đến ${max}.`,
      },
      name,
    );
  }
  return n;
}

export function createModelSource(
  options: SandboxOptions,
  env: Readonly<Record<string, string | undefined>>,
): ModelSource {
  const endpoint = options.modelEndpoint ?? (env[MODEL_ENDPOINT_ENV]?.trim() || undefined);
  if (endpoint === undefined) {
    return simulatedSource(options.streamTimeScale ?? number(env, STREAM_SCALE_ENV, 0, 100) ?? 1);
  }
  const timeoutMs = options.modelTimeoutMs ?? number(env, MODEL_TIMEOUT_ENV, 100, 3_600_000);
  const map = options.modelMap ?? env[MODEL_MAP_ENV];
  const apiKey = env[MODEL_API_KEY_ENV];
  return endpointSource({
    endpoint,
    ...(map !== undefined ? { map } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(apiKey ? { apiKey } : {}),
  });
}
