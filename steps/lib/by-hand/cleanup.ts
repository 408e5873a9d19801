/**
 * Cleanup by hand: delete what the learner's own commands created, in the order that leaves nothing dangling
 * (the bonus investigation's alarm — DeleteAlarms ignores a name that does not exist —, the dashboard, the logging configuration that points at the role and the group, the role's policy, the role,
 * the group). A role given with --logging-role-arn is not the lab's to delete. What genai-lab's own actions made,
 * `genai-lab cleanup` removes from its ledger.
 */
import type { Lang, Text } from "genai-lab/kit";
import { ALARM_NAME } from "../investigation/actions.js";
import { deleteLine } from "../delete-lines.js";
import { LOGGING_POLICY_NAME } from "../policies.js";
import { comment, py, type ByHandCtx } from "./shell.js";

const KEEP_LOGS: Text = {
  vi: "Log group chứa mọi prompt và câu trả lời đã ghi: chỉ xoá khi bạn không cần chúng nữa.",
  en: "The log group holds every logged prompt and answer: delete it when you no longer need them.",
};

export function cleanupCli(ctx: ByHandCtx, lang: Lang = "en"): string {
  const { region } = ctx.target;
  const { params } = ctx;
  const role = params.loggingRoleName;
  return [
    deleteLine.alarm(region, ALARM_NAME),
    deleteLine.dashboard(region, params.dashboardName),
    deleteLine.loggingConfig(region),
    ...(params.loggingRoleArn.trim() ? [] : [deleteLine.rolePolicy(role), deleteLine.role(role)]),
    comment(lang, KEEP_LOGS),
    deleteLine.logGroup(region, params.logGroupName),
  ].join("\n");
}

export function cleanupPython(ctx: ByHandCtx, lang: Lang = "en"): string {
  const { params, target } = ctx;
  const lines = [
    "import boto3",
    "",
    `region = ${py(target.region)}`,
    `boto3.client("cloudwatch", region_name=region).delete_alarms(AlarmNames=[${py(ALARM_NAME)}])`,
    `boto3.client("cloudwatch", region_name=region).delete_dashboards(DashboardNames=[${py(params.dashboardName)}])`,
    'boto3.client("bedrock", region_name=region).delete_model_invocation_logging_configuration()',
  ];
  if (!params.loggingRoleArn.trim())
    lines.push(
      'iam = boto3.client("iam")',
      `iam.delete_role_policy(RoleName=${py(params.loggingRoleName)}, PolicyName=${py(LOGGING_POLICY_NAME)})`,
      `iam.delete_role(RoleName=${py(params.loggingRoleName)})`,
    );
  lines.push(
    comment(lang, KEEP_LOGS),
    `boto3.client("logs", region_name=region).delete_log_group(logGroupName=${py(params.logGroupName)})`,
  );
  return lines.join("\n");
}
