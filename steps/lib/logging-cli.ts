/**
 * Step 1 by hand, as text a learner can paste: heredocs write the role's policy documents and the logging
 * configuration with the learner's own account, Region and names (never a `file://` pointing at a file that exists
 * nowhere), and the action lines carry their JSON inline. All are built from the same policy functions the lab
 * itself uses, so the three ways (Your turn, the page, the actions) do exactly what genai-lab does.
 */
import { shq, type Lang } from "genai-lab/kit";
import { LAB_TAG } from "../lab.js";
import { comment, heredoc, py, type ByHandCtx } from "./by-hand/shell.js";
import {
  LOGGING_POLICY_NAME,
  loggingPermissionsPolicy,
  loggingTrustPolicy,
  roleArnFor,
  type Scope,
} from "./policies.js";

/** The role the learner's configuration names: the one given with --logging-role-arn, else the lab's. */
function roleOf(ctx: ByHandCtx): { arn: string; given: boolean } {
  const given = ctx.params.loggingRoleArn.trim();
  return given
    ? { arn: given, given: true }
    : { arn: roleArnFor(ctx.target.accountId, ctx.params.loggingRoleName), given: false };
}

function loggingConfigFor(ctx: ByHandCtx) {
  return {
    cloudWatchConfig: { logGroupName: ctx.params.logGroupName, roleArn: roleOf(ctx).arn },
    textDataDeliveryEnabled: true,
  };
}

/** The log group, tagged as the lab's, then its retention: the action's line (joined by &&) and the script's. */
export function logGroupLines(ctx: Pick<ByHandCtx, "params" | "target">): [string, string] {
  const { region } = ctx.target;
  const group = shq(ctx.params.logGroupName);
  return [
    `aws logs create-log-group --region ${region} --log-group-name ${group} --tags ${LAB_TAG.key}=${LAB_TAG.value}`,
    `aws logs put-retention-policy --region ${region} --log-group-name ${group} --retention-in-days ${ctx.params.logRetentionDays}`,
  ];
}

/** Sets the logging configuration from `config`: a `file://` path, or the JSON itself as one shell word. */
export function putLoggingConfigLine(region: string, config: string): string {
  return `aws bedrock put-model-invocation-logging-configuration --region ${region} --logging-config ${config}`;
}

/** The whole of step 1 as one bash block: log group, role (unless one was given), configuration, read back. */
export function loggingScript(ctx: ByHandCtx, lang: Lang = "en"): string {
  const { region } = ctx.target;
  const name = shq(ctx.params.loggingRoleName);
  const role = roleOf(ctx);
  return [
    ...logGroupLines(ctx),
    ...(role.given
      ? [
          comment(lang, {
            vi: `Dùng nguyên role bạn đã chỉ định (--logging-role-arn): ${role.arn}`,
            en: `The role you gave (--logging-role-arn) is used as it is: ${role.arn}`,
          }),
        ]
      : [
          heredoc("trust.json", JSON.stringify(loggingTrustPolicy(ctx.target), null, 2)),
          heredoc(
            "permissions.json",
            JSON.stringify(loggingPermissionsPolicy(ctx.target, ctx.params.logGroupName), null, 2),
          ),
          `aws iam create-role --role-name ${name} --assume-role-policy-document file://trust.json ` +
            `--tags Key=${LAB_TAG.key},Value=${LAB_TAG.value}`,
          `aws iam put-role-policy --role-name ${name} --policy-name ${LOGGING_POLICY_NAME} --policy-document file://permissions.json`,
        ]),
    heredoc("logging.json", JSON.stringify(loggingConfigFor(ctx), null, 2)),
    comment(lang, {
      vi: "Role mới cần một lúc (tới khoảng một phút) mới tới được Bedrock: lệnh dưới thử lại trong tối đa một phút.",
      en: "A new role takes a while to reach Bedrock (up to about a minute): this retries for up to a minute.",
    }),
    untilPropagated(putLoggingConfigLine(region, "file://logging.json")),
    `aws bedrock get-model-invocation-logging-configuration --region ${region}`,
  ].join("\n");
}

/** Step 1 with boto3: the same documents, the same retry while IAM propagates the new role. */
export function loggingPython(ctx: ByHandCtx, lang: Lang = "en"): string {
  const role = roleOf(ctx);
  const { params, target } = ctx;
  const lines = [
    "import boto3, json, time",
    "",
    `region, group = ${py(target.region)}, ${py(params.logGroupName)}`,
    'logs = boto3.client("logs", region_name=region)',
    `logs.create_log_group(logGroupName=group, tags={${py(LAB_TAG.key)}: ${py(LAB_TAG.value)}})`,
    `logs.put_retention_policy(logGroupName=group, retentionInDays=${params.logRetentionDays})`,
  ];
  if (!role.given)
    lines.push(
      'iam = boto3.client("iam")',
      `trust = ${JSON.stringify(loggingTrustPolicy(target))}`,
      `permissions = ${JSON.stringify(loggingPermissionsPolicy(target, params.logGroupName))}`,
      `iam.create_role(RoleName=${py(params.loggingRoleName)}, AssumeRolePolicyDocument=json.dumps(trust),`,
      `                Tags=[{"Key": ${py(LAB_TAG.key)}, "Value": ${py(LAB_TAG.value)}}])`,
      `iam.put_role_policy(RoleName=${py(params.loggingRoleName)}, PolicyName=${py(LOGGING_POLICY_NAME)},`,
      "                    PolicyDocument=json.dumps(permissions))",
    );
  lines.push(
    'bedrock = boto3.client("bedrock", region_name=region)',
    `config = {"cloudWatchConfig": {"logGroupName": group, "roleArn": ${py(role.arn)}}, "textDataDeliveryEnabled": True}`,
    `for attempt in range(12):  ${comment(lang, { vi: "role mới cần tới khoảng một phút mới tới được Bedrock", en: "a new role takes up to about a minute to reach Bedrock" })}`,
    "    try:",
    "        bedrock.put_model_invocation_logging_configuration(loggingConfig=config)",
    "        break",
    "    except bedrock.exceptions.ValidationException:",
    "        if attempt == 11:",
    "            raise",
    "        time.sleep(5)",
    'print(bedrock.get_model_invocation_logging_configuration()["loggingConfig"])',
  );
  return lines.join("\n");
}

/**
 * `command`, retried every 5 s for up to a minute while IAM propagates a new role to Bedrock (AWS answers
 * "Failed to validate permissions…" meanwhile). Ends with the command's failure when it never succeeds, and never
 * `exit`s: pasted into an interactive shell, an exit would close the learner's terminal.
 */
export function untilPropagated(command: string): string {
  return `for attempt in 1 2 3 4 5 6 7 8 9 10 11 12; do ${command} && break || { [ $attempt -lt 12 ] && sleep 5; }; done`;
}

/** The action's line: both documents inline, so the command works when pasted as it is. */
export function createRoleLine(scope: Scope, group: string, roleName: string): string {
  const trust = JSON.stringify(loggingTrustPolicy(scope));
  const permissions = JSON.stringify(loggingPermissionsPolicy(scope, group));
  return (
    `aws iam create-role --role-name ${shq(roleName)} --assume-role-policy-document ${shq(trust)} ` +
    `--tags Key=${LAB_TAG.key},Value=${LAB_TAG.value} && aws iam put-role-policy --role-name ${shq(roleName)} ` +
    `--policy-name ${LOGGING_POLICY_NAME} --policy-document ${shq(permissions)}`
  );
}
