/** Which AWS the command talks to: the sandbox (default), a real account, or any AWS-compatible endpoint. */
import type { LabManifest, TargetKind } from "../engine/contract.js";
import { endpointOf, namedTarget, TARGET_ENV, targetKindOf } from "../app/target-kind.js";
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

export { TARGET_ENV, targetKindOf } from "../app/target-kind.js";

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
