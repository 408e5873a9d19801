/**
 * Bedrock's model invocation logging configuration (one per account and Region). The lab remembers what was there
 * before it (ledger meta `previous`), so cleanup can put it back, and retries the role-validation error while IAM
 * propagates a new role (docs/aws-behaviour.md: up to about a minute; Terraform does the same).
 */
import { type JsonValue, StepFailure } from "genai-lab/kit";
import { classify } from "./error-kinds.js";
import {
  GetModelInvocationLoggingConfigurationCommand,
  PutModelInvocationLoggingConfigurationCommand,
  type LoggingConfig,
} from "@aws-sdk/client-bedrock";
import { errorMessage } from "./errors.js";
import { ownedEntry } from "./ledger.js";
import type { ActCtx, ReadCtx } from "./model.js";
import { withRetries } from "./retry.js";
import { rememberLoggingOn } from "./timeline.js";

export const LOGGING_CONFIG_TYPE = "logging-config";

export async function readLoggingConfig(ctx: ReadCtx): Promise<LoggingConfig | undefined> {
  const out = await ctx.aws.bedrock.send(new GetModelInvocationLoggingConfigurationCommand({}), {
    abortSignal: ctx.signal,
  });
  const config = out.loggingConfig;
  // A never-configured account answers {} (or possibly an empty object): both mean "off".
  return config && Object.keys(config).length > 0 ? config : undefined;
}

export function desiredConfig(ctx: ReadCtx, roleArn: string): LoggingConfig {
  const bucket = ctx.params.largeDataBucket.trim();
  return {
    cloudWatchConfig: {
      logGroupName: ctx.params.logGroupName,
      roleArn,
      ...(bucket ? { largeDataDeliveryS3Config: { bucketName: bucket, keyPrefix: "bedrock-logs/" } } : {}),
    },
    textDataDeliveryEnabled: true,
    imageDataDeliveryEnabled: false,
    embeddingDataDeliveryEnabled: false,
  };
}

/** Does `current` already deliver what the lab needs, to the same place, through the same role? */
export function sameDestination(current: LoggingConfig | undefined, wanted: LoggingConfig): boolean {
  const a = current?.cloudWatchConfig;
  const b = wanted.cloudWatchConfig;
  return (
    a?.logGroupName === b?.logGroupName &&
    a?.roleArn === b?.roleArn &&
    a?.largeDataDeliveryS3Config?.bucketName === b?.largeDataDeliveryS3Config?.bucketName &&
    current?.textDataDeliveryEnabled === true
  );
}

/**
 * Step 1's configuration: put (remembering what it replaces) unless the account already delivers what the lab
 * needs. True when it already did.
 */
export async function ensureLoggingConfig(ctx: ActCtx, wanted: LoggingConfig): Promise<boolean> {
  const region = ctx.target.region;
  const before = await readLoggingConfig(ctx);
  if (sameDestination(before, wanted)) {
    // Still re-tracked when the lab owns it, so an interrupted put that did go through is marked as done (the
    // ledger keeps an owned entry's meta: what was there before the lab).
    if (ownedEntry(ctx, LOGGING_CONFIG_TYPE, region))
      await ctx.ledger.track({ type: LOGGING_CONFIG_TYPE, name: region }, async () => {});
    // Delivering to the lab's own log group through the lab's own role: the lab set it, before a reset that forgot
    // the ledger. What was there before the lab is unknown: cleanup turns logging off (its log group goes too).
    else if (deliversToLab(ctx, wanted))
      await ctx.ledger.track(
        { type: LOGGING_CONFIG_TYPE, name: region, meta: { previous: null, set: toJson(wanted) } },
        async () => {},
      );
    return true;
  }
  if (before) {
    ctx.report.note("info", {
      vi: "Tài khoản đã có một cấu hình logging khác ở Region này; bài lab ghi nhớ nó để khôi phục khi dọn dẹp.",
      en: "The account already had another logging configuration in this Region; the lab remembers it and restores it at cleanup.",
    });
  }
  await putLoggingConfig(ctx, wanted, before);
  rememberLoggingOn(ctx);
  return false;
}

/** Puts the configuration, tracked in the ledger with what was there before; retries while IAM propagates. */
async function putLoggingConfig(ctx: ActCtx, wanted: LoggingConfig, before: LoggingConfig | undefined): Promise<void> {
  const region = ctx.target.region;
  // An entry from an earlier (maybe interrupted) run already knows the configuration the learner had before the lab.
  const earlier = ownedEntry(ctx, LOGGING_CONFIG_TYPE, region);
  const previous: JsonValue = earlier ? (earlier.meta?.previous ?? null) : toJson(before);
  const put = () =>
    ctx.ledger.track({ type: LOGGING_CONFIG_TYPE, name: region, meta: { previous, set: toJson(wanted) } }, () =>
      withRetries(ctx, { vi: "Ghi cấu hình logging", en: "Saving the logging configuration" }, () =>
        ctx.aws.bedrock.send(new PutModelInvocationLoggingConfigurationCommand({ loggingConfig: wanted }), {
          abortSignal: ctx.signal,
        }),
      ),
    );
  let lastMessage = "";
  const result = await ctx.poll({
    label: {
      vi: "Bedrock đang xác thực role ghi log (IAM cần thời gian lan truyền role mới)",
      en: "Bedrock is validating the logging role (IAM needs time to propagate a new role)",
    },
    timeoutMs: ctx.params.roleWaitSeconds * 1000,
    intervalMs: 1000,
    async probe() {
      try {
        await put();
        return { state: "ready", value: true };
      } catch (error) {
        if (classify(error).kind !== "logging-role") throw error;
        lastMessage = errorMessage(error);
        return {
          state: "not-yet",
          detail: {
            vi: "Bedrock chưa xác thực được role, đang thử lại",
            en: "Bedrock cannot validate the role yet; retrying",
          },
        };
      }
    },
  });
  if (result.state !== "ready") {
    const seconds = Math.round(result.waitedMs / 1000);
    throw new StepFailure(
      {
        vi: `Sau ${seconds} giây và ${result.attempts} lần thử, Bedrock vẫn không xác thực được role ghi log. AWS trả lời: ${lastMessage}`,
        en: `After ${seconds} s and ${result.attempts} tries, Bedrock still cannot validate the logging role. AWS said: ${lastMessage}`,
      },
      {
        vi: "Kiểm tra role: trust policy cho phép bedrock.amazonaws.com assume (điều kiện aws:SourceAccount và aws:SourceArn khớp tài khoản và Region), permissions policy cho phép logs:CreateLogStream và logs:PutLogEvents trên …:log-stream:aws/bedrock/modelinvocations của đúng log group, và log group tồn tại ở cùng Region. Sửa xong thì chạy lại bước này; role vừa tạo có thể cần tới khoảng một phút (tăng --param roleWaitSeconds).",
        en: "Check the role: its trust policy lets bedrock.amazonaws.com assume it (aws:SourceAccount and aws:SourceArn conditions matching this account and Region), its permissions policy allows logs:CreateLogStream and logs:PutLogEvents on …:log-stream:aws/bedrock/modelinvocations of this very log group, and the log group exists in the same Region. Then run this step again; a brand-new role can need about a minute (raise --param roleWaitSeconds).",
      },
      "logging-role",
    );
  }
}

function deliversToLab(ctx: ActCtx, wanted: LoggingConfig): boolean {
  const group = wanted.cloudWatchConfig?.logGroupName ?? "";
  const role = wanted.cloudWatchConfig?.roleArn ?? "";
  const roleName = role.slice(role.lastIndexOf("/") + 1);
  return ownedEntry(ctx, "log-group", group) !== undefined && ownedEntry(ctx, "iam-role", roleName) !== undefined;
}

export function toJson(config: LoggingConfig | undefined): JsonValue {
  return config === undefined ? null : (JSON.parse(JSON.stringify(config)) as JsonValue);
}
