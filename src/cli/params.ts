/** The lab's parameters: the manifest's defaults, overridden by named flags and by --param KEY=VALUE. */
import type { LabParams, ParamValue } from "../engine/contract.js";
import { UsageError } from "../engine/usage-error.js";
import type { Flags } from "./args.js";

/** Flags that set a lab parameter of the same meaning, when the lab declares it. */
const NAMED: [keyof Flags, string][] = [
  ["model-id", "modelId"],
  ["logging-role-arn", "loggingRoleArn"],
];

export function resolveParams(defaults: LabParams, flags: Flags, region: string): LabParams {
  const params: LabParams = { ...defaults };
  if ("region" in params) params.region = region;
  for (const [flag, key] of NAMED) {
    const value = flags[flag];
    if (typeof value !== "string") continue;
    if (!(key in params)) {
      throw new UsageError({
        vi: `--${flag}: bài lab này không có tham số ${key}.`,
        en: `--${flag}: this lab has no ${key} parameter.`,
      });
    }
    params[key] = value;
  }
  for (const pair of flags.param ?? []) {
    const eq = pair.indexOf("=");
    const key = eq > 0 ? pair.slice(0, eq) : "";
    if (!key) {
      throw new UsageError({
        vi: `--param: "${pair}" phải có dạng KEY=VALUE.`,
        en: `--param: "${pair}" must look like KEY=VALUE.`,
      });
    }
    if (!(key in defaults)) {
      const known = Object.keys(defaults).join(", ");
      throw new UsageError({
        vi: `--param: bài lab không có tham số "${key}". Các tham số: ${known}.`,
        en: `--param: the lab has no parameter "${key}". Parameters: ${known}.`,
      });
    }
    params[key] = coerce(key, pair.slice(eq + 1), defaults[key]!);
  }
  return params;
}

function coerce(key: string, raw: string, example: ParamValue): ParamValue {
  if (typeof example === "number") {
    const n = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(n)) {
      throw new UsageError({
        vi: `--param ${key}: "${raw}" phải là một số.`,
        en: `--param ${key}: "${raw}" must be a number.`,
      });
    }
    return n;
  }
  if (typeof example === "boolean") {
    if (raw !== "true" && raw !== "false") {
      throw new UsageError({
        vi: `--param ${key}: "${raw}" phải là true hoặc false.`,
        en: `--param ${key}: "${raw}" must be true or false.`,
      });
    }
    return raw === "true";
  }
  if (Array.isArray(example))
    return raw
      .split("|")
      .map((item) => item.trim())
      .filter(Boolean);
  return raw;
}
