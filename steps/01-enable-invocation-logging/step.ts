/**
 * Step 1: turn on Bedrock model invocation logging to CloudWatch Logs — the log group, the role Bedrock assumes,
 * and the account's logging configuration. Check: logging enabled (the lab's group, text delivery on).
 */
import { defineFact, defineStep, json, shq, z } from "genai-lab/kit";
import type { LabAws, LabParams } from "../lab.js";
import { ensureLogGroup } from "../lib/log-group.js";
import { desiredConfig, ensureLoggingConfig, readLoggingConfig, toJson } from "../lib/logging-config.js";
import { checkLoggingEnabled } from "../lib/logging-check.js";
import {
  createRoleLine,
  logGroupLines,
  loggingPython,
  loggingScript,
  putLoggingConfigLine,
  untilPropagated,
} from "../lib/logging-cli.js";
import { ensureLoggingRole, roleNameOf } from "../lib/logging-role.js";
import { bothLanguages } from "../lib/by-hand/shell.js";
import type { ReadCtx } from "../lib/model.js";
import { roleArnFor } from "../lib/policies.js";

/** The role the logging configuration names, as the role action settled on it. */
const ROLE = defineFact("loggingRoleArn", z.string());

/** The role the configuration names: the one the role action settled on, else the one it would settle on. */
const loggingRoleArn = (ctx: ReadCtx) =>
  ROLE.get(ctx) ?? (ctx.params.loggingRoleArn.trim() || roleArnFor(ctx.target.accountId, ctx.params.loggingRoleName));

export const step = defineStep<LabParams, LabAws>({
  id: "enable-invocation-logging",
  title: { vi: "Bật model invocation logging", en: "Enable model invocation logging" },
  values: {
    // The whole setup as one bash block with the learner's values, built from the documents the actions use.
    script: bothLanguages(loggingScript),
  },
  yourTurn: { cli: (ctx) => loggingScript(ctx, ctx.lang), python: (ctx) => loggingPython(ctx, ctx.lang) },
  actions: [
    {
      id: "create-log-group",
      title: { vi: "Tạo log group (retention 7 ngày, có tag)", en: "Create the log group (7-day retention, tagged)" },
      cli: (ctx) => logGroupLines(ctx).join(" && "),
      billable: true,
      async run(ctx) {
        return { summary: await ensureLogGroup(ctx) };
      },
    },
    {
      id: "create-logging-role",
      title: { vi: "Tạo IAM role cho Bedrock ghi log", en: "Create the IAM role Bedrock logs through" },
      cli: (ctx) =>
        ctx.params.loggingRoleArn
          ? `aws iam get-role --role-name ${roleNameOf(ctx.params.loggingRoleArn)}`
          : createRoleLine(ctx.target, ctx.params.logGroupName, ctx.params.loggingRoleName),
      async run(ctx) {
        const { arn, summary } = await ensureLoggingRole(ctx);
        ROLE.set(ctx, arn);
        return { summary };
      },
    },
    {
      id: "put-logging-config",
      title: { vi: "Ghi cấu hình model invocation logging", en: "Save the model invocation logging configuration" },
      cli: (ctx) =>
        untilPropagated(
          putLoggingConfigLine(ctx.target.region, shq(JSON.stringify(desiredConfig(ctx, loggingRoleArn(ctx))))),
        ),
      billable: true,
      async run(ctx) {
        const already = await ensureLoggingConfig(ctx, desiredConfig(ctx, loggingRoleArn(ctx)));
        const readBack = await readLoggingConfig(ctx);
        ctx.report.output(
          json(
            { vi: "Cấu hình đọc lại từ Bedrock", en: "The configuration as Bedrock reads it back" },
            { loggingConfig: toJson(readBack) },
          ),
        );
        return already
          ? { status: "skipped", summary: { vi: "Logging đã được bật từ trước", en: "Logging was already on" } }
          : { summary: { vi: "Đã bật model invocation logging", en: "Model invocation logging enabled" } };
      },
    },
  ],
  checks: [
    {
      id: "logging-enabled",
      label: { vi: "Model invocation logging đã bật", en: "Model invocation logging enabled" },
      run: checkLoggingEnabled,
    },
  ],
});
