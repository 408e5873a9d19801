/** Which AWS the command talks to: the sandbox (default), a real account, or any AWS-compatible endpoint. */
import type { LabManifest, TargetKind } from "../engine/contract.js";
import { UsageError } from "../engine/usage-error.js";
import type { Flags } from "./args.js";

export interface TargetChoice {
  kind: TargetKind;
  /** Undefined on a real account when neither a flag nor the environment names one: the profile may. */
  region: string | undefined;
  profile?: string;
  endpoint?: string;
}

/** An AWS Region name: us-east-1, ap-southeast-1, us-gov-west-1… */
export const REGION_NAME = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d{1,2}$/;

/** Where a lab runs when neither a flag, the environment nor a profile names a Region: its own `region`. */
export function labDefaultRegion(manifest: LabManifest): string {
  const region = manifest.parameters.region;
  return typeof region === "string" ? region : "us-east-1";
}

/**
 * `genai-lab env` exports this beside AWS_ENDPOINT_URL: a shell set up for the AWS CLI to reach the lab's sandbox
 * still runs genai-lab on the sandbox target (the same progress, hints and mode), not on "an endpoint".
 */
export const TARGET_ENV = "GENAI_LAB_TARGET";

/** --target, else GENAI_LAB_TARGET — unless --profile or --endpoint-url on the command line choose otherwise. */
function namedTarget(flags: Flags, env: NodeJS.ProcessEnv): string | undefined {
  if (flags.target !== undefined) return flags.target;
  if (flags.profile || flags["endpoint-url"]) return undefined;
  return env[TARGET_ENV]?.trim() || undefined;
}

/**
 * The endpoint a command talks to, if any: --endpoint-url, else AWS_ENDPOINT_URL unless --target names one — or
 * unless GENAI_LAB_TARGET says `genai-lab env` set it (then it is the lab's own sandbox, for the AWS CLI).
 */
function endpointOf(flags: Flags, env: NodeJS.ProcessEnv): string | undefined {
  if (flags["endpoint-url"] !== undefined) return flags["endpoint-url"];
  return flags.target === undefined && !env[TARGET_ENV]?.trim() ? env.AWS_ENDPOINT_URL : undefined;
}

/** Which kind of target the flags and the environment choose (chooseTarget also validates them). */
export function targetKindOf(flags: Flags, env: NodeJS.ProcessEnv): TargetKind {
  if (endpointOf(flags, env)) return "endpoint";
  return namedTarget(flags, env) === "aws" || flags.profile ? "aws" : "sandbox";
}

export function chooseTarget(flags: Flags, env: NodeJS.ProcessEnv): TargetChoice {
  const named = namedTarget(flags, env);
  if (named !== undefined && named !== "sandbox" && named !== "aws") {
    throw new UsageError({
      vi: `${TARGET_ENV}: giá trị "${named}" không hợp lệ. Chọn sandbox hoặc aws.`,
      en: `${TARGET_ENV}: "${named}" is not valid. Choose sandbox or aws.`,
    });
  }
  const endpoint = endpointOf(flags, env);
  if (flags.target === "sandbox" && (flags.profile || flags["endpoint-url"])) {
    throw new UsageError({
      vi: `--target sandbox không dùng với ${flags.profile ? "--profile" : "--endpoint-url"}: sandbox có sẵn thông tin xác thực và endpoint riêng. Bỏ tuỳ chọn đó, hoặc dùng --target aws.`,
      en: `--target sandbox does not take ${flags.profile ? "--profile" : "--endpoint-url"}: the sandbox has its own credentials and endpoint. Drop that option, or use --target aws.`,
    });
  }
  if (endpoint !== undefined) {
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      url = new URL("invalid:");
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new UsageError({
        vi: `--endpoint-url: "${endpoint}" không phải URL http(s), ví dụ http://127.0.0.1:4566.`,
        en: `--endpoint-url: "${endpoint}" is not an http(s) URL, e.g. http://127.0.0.1:4566.`,
      });
    }
  }
  const region = flags.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (region !== undefined && !REGION_NAME.test(region)) {
    throw new UsageError({
      vi: `--region: "${region}" không phải tên Region AWS (ví dụ us-east-1, ap-southeast-1).`,
      en: `--region: "${region}" is not an AWS Region name (e.g. us-east-1, ap-southeast-1).`,
    });
  }
  const kind = targetKindOf(flags, env);
  return {
    kind,
    region,
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(endpoint ? { endpoint } : {}),
  };
}
