/**
 * Opt-in fault injection, so the lab runner's retries and error explanations can be exercised on purpose.
 *
 * Compact syntax (option string, env GENAI_LAB_SANDBOX_FAULTS, `genai-lab sandbox --faults …`, POST /_sandbox/faults):
 *   comma-separated items, each `name` (a switch) or `name=value`:
 *     throttle=0.2        fraction of calls answered 429 ThrottlingException
 *     5xx=0.1             fraction of calls answered 503 ServiceUnavailableException
 *     latency=250         added latency in milliseconds (every faulted call)
 *     access-denied       Bedrock Runtime: AccessDeniedException (model access not granted)
 *     legacy              Bedrock Runtime: Legacy models refused with ResourceNotFoundException
 *     no-delivery         invocation logs are never delivered (logging still looks configured)
 *     iam-delay=5000      IAM propagation window in ms (a new or changed role is not yet usable by Bedrock)
 *     stream-error=0.3    fraction of streaming calls (InvokeModelWithResponseStream, ConverseStream) that break
 *                         mid-stream with an exception event (the HTTP status is already 200)
 *     stream-error-type=model|throttle|timeout|unavailable|internal   which exception (default model =
 *                         modelStreamErrorException)
 *     scope=runtime|all   which calls throttle/5xx/latency apply to (default runtime = Bedrock Runtime only)
 *     seed=42             PRNG seed, so a run is reproducible
 *   `none` resets everything to the defaults. Example: `throttle=0.3,latency=100,seed=7`.
 */
export type FaultScope = "runtime" | "all";
export const STREAM_ERROR_TYPES = ["model", "throttle", "timeout", "unavailable", "internal"] as const;
export type StreamErrorType = (typeof STREAM_ERROR_TYPES)[number];

export interface FaultConfig {
  throttleRate: number;
  serverErrorRate: number;
  latencyMs: number;
  modelAccessDenied: boolean;
  legacyEnforced: boolean;
  logDeliveryDisabled: boolean;
  iamPropagationMs: number;
  streamErrorRate: number;
  streamErrorType: StreamErrorType;
  scope: FaultScope;
  seed: number;
}

/**
 * Everything off, but a short IAM propagation window: real IAM can take up to a minute; one second is enough for
 * a role used right after it is created to be refused once (the lab shows the retry) without slowing the lab.
 * Tests pass 0.
 */
export const DEFAULT_FAULTS: Readonly<FaultConfig> = {
  throttleRate: 0,
  serverErrorRate: 0,
  latencyMs: 0,
  modelAccessDenied: false,
  legacyEnforced: false,
  logDeliveryDisabled: false,
  iamPropagationMs: 1000,
  streamErrorRate: 0,
  streamErrorType: "model",
  scope: "runtime",
  seed: 1,
};

export const FAULTS_ENV = "GENAI_LAB_SANDBOX_FAULTS";

export class FaultSyntaxError extends Error {
  override readonly name = "FaultSyntaxError";
}

function rate(name: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new FaultSyntaxError(`Fault "${name}" needs a rate between 0 and 1, e.g. ${name}=0.2`);
  }
  return n;
}

function millis(name: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !/^\d+$/.test(value.trim()) || n > 600_000) {
    throw new FaultSyntaxError(`Fault "${name}" needs whole milliseconds (0–600000), e.g. ${name}=250`);
  }
  return n;
}

function flag(name: string, value: string | undefined): boolean {
  if (value === undefined) return true;
  const v = value.trim().toLowerCase();
  if (v === "true" || v === "on" || v === "1") return true;
  if (v === "false" || v === "off" || v === "0") return false;
  throw new FaultSyntaxError(`Fault "${name}" is a switch: write ${name}, ${name}=on or ${name}=off`);
}

function streamErrorType(value: unknown): StreamErrorType {
  const found = STREAM_ERROR_TYPES.find((type) => type === value);
  if (found === undefined) {
    throw new FaultSyntaxError(`Fault "stream-error-type" is one of ${STREAM_ERROR_TYPES.join(", ")}`);
  }
  return found;
}

/** Parses the compact syntax onto `base` (defaults unless given). Throws FaultSyntaxError naming the bad item. */
export function parseFaults(text: string, base: Readonly<FaultConfig> = DEFAULT_FAULTS): FaultConfig {
  const out: FaultConfig = { ...base };
  for (const raw of text.split(",")) {
    const item = raw.trim();
    if (item === "") continue;
    const eq = item.indexOf("=");
    const name = (eq < 0 ? item : item.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? undefined : item.slice(eq + 1).trim();
    switch (name) {
      case "none":
        Object.assign(out, DEFAULT_FAULTS);
        break;
      case "throttle":
        out.throttleRate = rate(name, value);
        break;
      case "5xx":
        out.serverErrorRate = rate(name, value);
        break;
      case "latency":
        out.latencyMs = millis(name, value);
        break;
      case "access-denied":
        out.modelAccessDenied = flag(name, value);
        break;
      case "legacy":
        out.legacyEnforced = flag(name, value);
        break;
      case "no-delivery":
        out.logDeliveryDisabled = flag(name, value);
        break;
      case "iam-delay":
        out.iamPropagationMs = millis(name, value);
        break;
      case "stream-error":
        out.streamErrorRate = rate(name, value);
        break;
      case "stream-error-type":
        out.streamErrorType = streamErrorType(value);
        break;
      case "scope":
        if (value !== "runtime" && value !== "all") throw new FaultSyntaxError(`Fault "scope" is runtime or all`);
        out.scope = value;
        break;
      case "seed":
        if (value === undefined || !/^\d+$/.test(value))
          throw new FaultSyntaxError(`Fault "seed" needs a whole number`);
        out.seed = Number(value) >>> 0;
        break;
      default:
        throw new FaultSyntaxError(
          `Unknown fault "${name}". Known: throttle, 5xx, latency, access-denied, legacy, no-delivery, iam-delay, stream-error, stream-error-type, scope, seed, none`,
        );
    }
  }
  return out;
}

/** Accepts a partial object (validated) or the compact string. */
export function resolveFaults(
  input: Partial<FaultConfig> | string | undefined,
  base: Readonly<FaultConfig> = DEFAULT_FAULTS,
): FaultConfig {
  if (input === undefined) return { ...base };
  if (typeof input === "string") return parseFaults(input, base);
  const out: FaultConfig = { ...base };
  for (const key of Object.keys(DEFAULT_FAULTS) as (keyof FaultConfig)[]) {
    if (input[key] !== undefined) Object.assign(out, { [key]: input[key] });
  }
  for (const key of ["modelAccessDenied", "legacyEnforced", "logDeliveryDisabled"] as const) {
    if (typeof out[key] !== "boolean") throw new FaultSyntaxError(`Fault "${key}" must be true or false`);
  }
  if (!Number.isInteger(out.seed) || out.seed < 0) throw new FaultSyntaxError(`Fault "seed" needs a whole number`);
  rate("throttle", String(out.throttleRate));
  rate("5xx", String(out.serverErrorRate));
  rate("stream-error", String(out.streamErrorRate));
  streamErrorType(out.streamErrorType);
  millis("latency", String(out.latencyMs));
  millis("iam-delay", String(out.iamPropagationMs));
  if (out.scope !== "runtime" && out.scope !== "all") throw new FaultSyntaxError(`Fault "scope" is runtime or all`);
  return out;
}

/** The compact form of a configuration (what `GET /_sandbox/faults` and the startup banner show). */
export function formatFaults(f: Readonly<FaultConfig>): string {
  const parts: string[] = [];
  if (f.throttleRate > 0) parts.push(`throttle=${f.throttleRate}`);
  if (f.serverErrorRate > 0) parts.push(`5xx=${f.serverErrorRate}`);
  if (f.latencyMs > 0) parts.push(`latency=${f.latencyMs}`);
  if (f.modelAccessDenied) parts.push("access-denied");
  if (f.legacyEnforced) parts.push("legacy");
  if (f.logDeliveryDisabled) parts.push("no-delivery");
  if (f.streamErrorRate > 0) parts.push(`stream-error=${f.streamErrorRate}`);
  if (f.streamErrorType !== "model") parts.push(`stream-error-type=${f.streamErrorType}`);
  parts.push(`iam-delay=${f.iamPropagationMs}`);
  if (f.scope !== "runtime") parts.push(`scope=${f.scope}`);
  parts.push(`seed=${f.seed}`);
  return parts.join(",");
}
