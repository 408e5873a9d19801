/**
 * "Model invocation logging enabled": however it was set (console, CLI, SDK, the runner), the Region's configuration
 * delivers text data to the lab's log group, the group exists, and the role it names is one Bedrock can use (any
 * name: logging-role-check.ts). Each near miss is named: no configuration here (another Region?), S3 only, another
 * group, text off, the group gone, the role missing or wrong. Credited to the runner only while the configuration is
 * still the one the runner's own action saved.
 */
import type { LoggingConfig } from "@aws-sdk/client-bedrock";
import type { CheckResult, DoneBy, Evidence, Text } from "genai-lab/kit";
import { createdEntry, creditFor } from "./ledger.js";
import { findLogGroup } from "./log-group.js";
import { LOGGING_CONFIG_TYPE, readLoggingConfig } from "./logging-config.js";
import { inspectLoggingRole } from "./logging-role-check.js";
import type { ReadCtx } from "./model.js";

const CONSOLE: Text = {
  vi: "Bedrock console → Settings → Model invocation logging",
  en: "Bedrock console → Settings → Model invocation logging",
};

/** The runner saved this configuration and nobody changed its destination since. */
export function loggingDoneBy(ctx: ReadCtx, config: LoggingConfig): DoneBy | undefined {
  const entry = createdEntry(ctx, LOGGING_CONFIG_TYPE, ctx.target.region);
  const set = entry?.meta?.set as LoggingConfig | null | undefined;
  const same =
    set?.cloudWatchConfig?.logGroupName === config.cloudWatchConfig?.logGroupName &&
    set?.cloudWatchConfig?.roleArn === config.cloudWatchConfig?.roleArn;
  return creditFor(ctx, entry !== undefined && same);
}

export async function checkLoggingEnabled(ctx: ReadCtx): Promise<CheckResult> {
  const { region } = ctx.target;
  const group = ctx.params.logGroupName;
  const expected: Text = {
    vi: `ở ${region}: đích CloudWatch Logs = ${group}, text data bật, role mà Bedrock assume được và ghi được vào log group`,
    en: `in ${region}: CloudWatch Logs destination = ${group}, text data on, a role Bedrock can assume that may write to the group`,
  };
  const config = await readLoggingConfig(ctx);
  const cw = config?.cloudWatchConfig;
  const details: Record<string, string> = {};
  if (cw?.logGroupName) details.logGroupName = cw.logGroupName;
  if (cw?.roleArn) details.roleArn = cw.roleArn;
  const fail = (en: string, vi: string, hint: Text): CheckResult => ({
    status: "fail",
    evidence: { expected, actual: { vi, en }, ...(Object.keys(details).length > 0 ? { details } : {}) },
    hint,
  });

  if (!config) {
    return fail(`no logging configuration in ${region}`, `chưa cấu hình logging ở ${region}`, {
      vi: `Bedrock chưa có cấu hình model invocation logging ở ${region}. Cấu hình này riêng cho từng Region: nếu bạn đã lưu nó ở Region khác (Region mặc định của CLI chẳng hạn), hãy lưu lại ở ${region} (${CONSOLE.vi}, hoặc \`aws bedrock put-model-invocation-logging-configuration --region ${region} …\`).`,
      en: `Bedrock has no model invocation logging configuration in ${region}. It is set per Region: if you saved it in another one (your CLI's default Region, say), save it again in ${region} (${CONSOLE.en}, or \`aws bedrock put-model-invocation-logging-configuration --region ${region} …\`).`,
    });
  }
  if (!cw) {
    const bucket = config.s3Config?.bucketName;
    return fail(
      bucket ? `logging goes to the S3 bucket ${bucket} only` : "logging has no CloudWatch Logs destination",
      bucket ? `logging chỉ ghi vào bucket S3 ${bucket}` : "logging không có đích CloudWatch Logs",
      {
        vi: `Bài lab đọc log trong CloudWatch Logs: thêm đích CloudWatch Logs với log group ${group} (trên console chọn "CloudWatch Logs only" hoặc "Both S3 and CloudWatch Logs").`,
        en: `The lab reads the logs in CloudWatch Logs: add a CloudWatch Logs destination with the log group ${group} (in the console choose "CloudWatch Logs only" or "Both S3 and CloudWatch Logs").`,
      },
    );
  }
  if (cw.logGroupName !== group) {
    return fail(
      `logging writes to ${cw.logGroupName}, not ${group}`,
      `logging ghi vào ${cw.logGroupName}, không phải ${group}`,
      {
        vi: `Đổi log group của cấu hình logging thành ${group}: bài lab (và các bước sau) tìm log ở đó.`,
        en: `Change the logging configuration's log group to ${group}: the lab (and the later steps) look for the logs there.`,
      },
    );
  }
  if (config.textDataDeliveryEnabled !== true) {
    return fail("text data delivery is off", "text data đang tắt", {
      vi: `Bật text data (trên console: tích **Text**; trong CLI/SDK: "textDataDeliveryEnabled": true): không có nó, prompt và câu trả lời không được ghi log.`,
      en: `Turn text data on (console: tick **Text**; CLI/SDK: "textDataDeliveryEnabled": true): without it, prompts and answers are not logged.`,
    });
  }
  if (!(await findLogGroup(ctx, group))) {
    return fail(`the log group ${group} does not exist`, `log group ${group} không tồn tại`, {
      vi: `Cấu hình trỏ tới ${group} nhưng log group đó không còn (Bedrock không tự tạo): \`aws logs create-log-group --log-group-name ${group} --region ${region}\`.`,
      en: `The configuration names ${group}, but that log group is gone (Bedrock does not create it): \`aws logs create-log-group --log-group-name ${group} --region ${region}\`.`,
    });
  }
  const role = await inspectLoggingRole(ctx, cw.roleArn ?? "", group);
  if (role.state === "wrong") return fail(role.actual.en, role.actual.vi, role.hint);
  if (role.state === "unverified") details.role = `not verified (${role.reason})`;
  const evidence: Evidence = {
    expected,
    actual: {
      vi: `đích CloudWatch Logs = ${group}, text data bật, role ${roleName(cw.roleArn)} hợp lệ${role.state === "unverified" ? " (không đọc được IAM để kiểm tra)" : ""}`,
      en: `CloudWatch Logs destination = ${group}, text data on, role ${roleName(cw.roleArn)} fit for use${role.state === "unverified" ? " (IAM not readable to verify)" : ""}`,
    },
    details,
  };
  const doneBy = loggingDoneBy(ctx, config);
  return { status: "pass", evidence, ...(doneBy ? { doneBy } : {}) };
}

const roleName = (arn: string | undefined) => (arn ?? "").slice((arn ?? "").lastIndexOf("/") + 1);
