/**
 * Cleanup from the ledger only: what this lab created on this target, nothing else. Dashboards and the logging
 * configuration are put back as they were when the lab replaced something; the log group is deleted only after
 * asking (it holds the learner's logs). Each deletion is idempotent: "already gone" counts as done. The plan itself
 * (order, names, CLI lines) is in cleanup-plan.ts.
 */
import { json, type LedgerEntry } from "genai-lab/kit";
import { DeleteAlarmsCommand, DeleteDashboardsCommand, PutDashboardCommand } from "@aws-sdk/client-cloudwatch";
import {
  DeleteModelInvocationLoggingConfigurationCommand,
  PutModelInvocationLoggingConfigurationCommand,
  type LoggingConfig,
} from "@aws-sdk/client-bedrock";
import { DeleteRoleCommand, DeleteRolePolicyCommand } from "@aws-sdk/client-iam";
import { DeleteLogGroupCommand } from "@aws-sdk/client-cloudwatch-logs";
import { errorMessage, ifExists } from "./errors.js";
import { readLoggingConfig, sameDestination } from "./logging-config.js";
import type { ActCtx } from "./model.js";
import { roleOfPolicy } from "./cleanup-plan.js";
import { LOGGING_POLICY_NAME } from "./policies.js";

/** Asks before the log group goes: it holds every logged prompt and answer. */
export function askAboutLogGroup(ctx: ActCtx, name: string): Promise<boolean> {
  return ctx.confirm({
    kind: "destructive",
    question: { vi: `Xoá log group ${name}?`, en: `Delete the log group ${name}?` },
    detail: {
      vi: "Log group này chứa toàn bộ invocation log (prompt và câu trả lời). Xoá rồi thì không lấy lại được.",
      en: "This log group holds every invocation log (prompts and answers). Once deleted, they cannot be recovered.",
    },
  });
}

/** Removes (or restores) one resource; false when it was kept on purpose (`keep`, or a configuration changed since). */
export async function removeEntry(ctx: ActCtx, entry: LedgerEntry, keep = false): Promise<boolean> {
  const send = { abortSignal: ctx.signal };
  switch (entry.type) {
    case "dashboard": {
      const previous = entry.meta?.previousBody;
      if (typeof previous === "string") {
        await ctx.aws.cloudwatch.send(
          new PutDashboardCommand({ DashboardName: entry.name, DashboardBody: previous }),
          send,
        );
      } else {
        await ifExists(() =>
          ctx.aws.cloudwatch.send(new DeleteDashboardsCommand({ DashboardNames: [entry.name] }), send),
        );
      }
      return true;
    }
    case "logging-config":
      return restoreLoggingConfig(ctx, entry);
    case "iam-role-policy": {
      await ifExists(() =>
        ctx.aws.iam.send(
          new DeleteRolePolicyCommand({ RoleName: roleOfPolicy(entry), PolicyName: LOGGING_POLICY_NAME }),
          send,
        ),
      );
      return true;
    }
    case "iam-role":
      await ifExists(() => ctx.aws.iam.send(new DeleteRoleCommand({ RoleName: entry.name }), send));
      return true;
    case "cloudwatch-alarm":
      // DeleteAlarms skips names that do not exist (API reference).
      await ctx.aws.cloudwatch.send(new DeleteAlarmsCommand({ AlarmNames: [entry.name] }), send);
      return true;
    case "log-group":
      // Asked in the plan step (askAboutLogGroup), which also said so when the answer was no.
      if (keep) return false;
      await ifExists(() => ctx.aws.logs.send(new DeleteLogGroupCommand({ logGroupName: entry.name }), send));
      return true;
    default:
      return false;
  }
}

async function restoreLoggingConfig(ctx: ActCtx, entry: LedgerEntry): Promise<boolean> {
  const send = { abortSignal: ctx.signal };
  const current = await readLoggingConfig(ctx);
  const set = entry.meta?.set as LoggingConfig | undefined;
  if (set && current && !sameDestination(current, set)) {
    ctx.report.note("warning", {
      vi: "Cấu hình logging đã bị thay đổi sau khi bài lab đặt nó, nên bài lab để nguyên.",
      en: "The logging configuration was changed after the lab set it, so the lab leaves it alone.",
    });
    return true;
  }
  if (!current) return true;
  const previous = entry.meta?.previous as LoggingConfig | null | undefined;
  if (previous) {
    try {
      await ctx.aws.bedrock.send(new PutModelInvocationLoggingConfigurationCommand({ loggingConfig: previous }), send);
      return true;
    } catch (error) {
      ctx.report.output(
        json(
          { vi: "Cấu hình cũ (khôi phục thủ công)", en: "The previous configuration (restore it by hand)" },
          { loggingConfig: previous },
        ),
      );
      ctx.report.note("warning", {
        vi: `Không khôi phục được cấu hình logging cũ (${errorMessage(error)}); bài lab tắt logging thay vào đó.`,
        en: `The previous logging configuration could not be restored (${errorMessage(error)}); the lab turns logging off instead.`,
      });
    }
  }
  await ctx.aws.bedrock.send(new DeleteModelInvocationLoggingConfigurationCommand({}), send);
  return true;
}
