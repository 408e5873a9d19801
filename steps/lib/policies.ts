import { shq } from "genai-lab/kit";
/**
 * The IAM documents the lab uses, built from the account, Region and names (docs/aws-behaviour.md): the logging role's
 * trust and permissions policies, and the least-privilege policy a learner attaches to run the lab.
 */

/** The one stream Bedrock writes to (no leading slash). */
export const INVOCATION_STREAM = "aws/bedrock/modelinvocations";
export const LOGGING_POLICY_NAME = "BedrockInvocationLoggingToCloudWatch";

export interface Scope {
  region: string;
  accountId: string;
}

export function logGroupArn(scope: Scope, group: string): string {
  return `arn:aws:logs:${scope.region}:${scope.accountId}:log-group:${group}`;
}

/** Built from the group name: an ARN ending in `:*` plus a suffix would be invalid. */
function invocationStreamArn(scope: Scope, group: string): string {
  return `${logGroupArn(scope, group)}:log-stream:${INVOCATION_STREAM}`;
}

export function roleArnFor(accountId: string, roleName: string): string {
  return `arn:aws:iam::${accountId}:role/${roleName}`;
}

/** Only Bedrock, only for this account, only from Bedrock resources of this Region (confused-deputy guard). */
export function loggingTrustPolicy(scope: Scope): Record<string, unknown> {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: "bedrock.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: {
          StringEquals: { "aws:SourceAccount": scope.accountId },
          ArnLike: { "aws:SourceArn": `arn:aws:bedrock:${scope.region}:${scope.accountId}:*` },
        },
      },
    ],
  };
}

export function loggingPermissionsPolicy(scope: Scope, group: string): Record<string, unknown> {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: invocationStreamArn(scope, group),
      },
    ],
  };
}

/** What the learner's own identity needs to run every step of this lab, and nothing more. */
export function learnerPolicy(
  scope: Scope,
  names: { group: string; roleName: string; dashboard: string },
): Record<string, unknown> {
  const { region, accountId } = scope;
  const group = logGroupArn(scope, names.group);
  const role = roleArnFor(accountId, names.roleName);
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "BedrockCatalogAndLogging",
        Effect: "Allow",
        Action: [
          "bedrock:GetFoundationModel",
          "bedrock:ListFoundationModels",
          "bedrock:GetInferenceProfile",
          "bedrock:ListInferenceProfiles",
          "bedrock:GetModelInvocationLoggingConfiguration",
          "bedrock:PutModelInvocationLoggingConfiguration",
          "bedrock:DeleteModelInvocationLoggingConfiguration",
        ],
        Resource: "*",
      },
      {
        Sid: "InvokeModels",
        Effect: "Allow",
        // Converse needs InvokeModel; ConverseStream (step 2's streamed answer) needs InvokeModelWithResponseStream.
        Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
        Resource: [
          "arn:aws:bedrock:*::foundation-model/*",
          `arn:aws:bedrock:${region}:${accountId}:inference-profile/*`,
        ],
      },
      {
        Sid: "InvocationLogGroup",
        Effect: "Allow",
        Action: [
          "logs:CreateLogGroup",
          "logs:DeleteLogGroup",
          "logs:PutRetentionPolicy",
          "logs:TagResource",
          "logs:ListTagsForResource",
          "logs:FilterLogEvents",
          "logs:GetLogEvents",
          "logs:StartQuery",
        ],
        Resource: [group, `${group}:*`],
      },
      {
        // Reads only. The checks grade whatever the learner made: the queries they ran (DescribeQueries), the role
        // their logging names (any name, inline or managed policies), the model ids with data, other dashboards, and
        // cleanup's roles the lab's logging used under any name (ListRoles).
        Sid: "ReadForChecks",
        Effect: "Allow",
        Action: [
          "logs:Describe*",
          "logs:GetQueryResults",
          "logs:StopQuery",
          "cloudwatch:GetMetricData",
          "cloudwatch:ListMetrics",
          "cloudwatch:ListDashboards",
          "cloudwatch:GetDashboard",
          "iam:GetRole*",
          "iam:ListRoles",
          "iam:List*RolePolicies",
          "iam:GetPolicy*",
        ],
        Resource: "*",
      },
      {
        Sid: "LoggingRole",
        Effect: "Allow",
        Action: [
          "iam:CreateRole",
          "iam:TagRole",
          "iam:UpdateAssumeRolePolicy",
          "iam:PutRolePolicy",
          "iam:DeleteRolePolicy",
          "iam:DeleteRole",
        ],
        Resource: role,
      },
      {
        Sid: "PassLoggingRoleToBedrock",
        Effect: "Allow",
        Action: "iam:PassRole",
        Resource: role,
        Condition: { StringEquals: { "iam:PassedToService": "bedrock.amazonaws.com" } },
      },
      {
        Sid: "Dashboard",
        Effect: "Allow",
        Action: ["cloudwatch:PutDashboard", "cloudwatch:DeleteDashboards"],
        Resource: `arn:aws:cloudwatch::${accountId}:dashboard/${names.dashboard}`,
      },
    ],
  };
}

/**
 * The command that attaches `policy` inline to the caller's own identity, read from its ARN: an IAM user gets a
 * user policy, an assumed role a role policy; anything else (root, federated users) names a placeholder user.
 */
export function attachPolicyLine(caller: { principalArn: string }, policy: Record<string, unknown>): string {
  const document = shq(JSON.stringify(policy));
  const user = /:user\/(?:.*\/)?([^/]+)$/.exec(caller.principalArn)?.[1];
  const role = /:assumed-role\/([^/]+)\//.exec(caller.principalArn)?.[1];
  if (role)
    return `aws iam put-role-policy --role-name ${shq(role)} --policy-name GenAILab --policy-document ${document}`;
  return `aws iam put-user-policy --user-name ${shq(user ?? "<your-user-name>")} --policy-name GenAILab --policy-document ${document}`;
}
