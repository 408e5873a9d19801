/**
 * The least-privilege policy the preflight offers must let the learner's own identity run every check (they read
 * more than the runner's actions: DescribeQueries, any role's policies, the metrics list, other dashboards), and it
 * must still fit IAM's 2,048-character limit on a user's inline policies (whitespace aside).
 */
import { describe, expect, it } from "vitest";
import { decide, statementsOf } from "../../steps/lib/policy-eval.js";
import { learnerPolicy } from "../../steps/lib/policies.js";

const scope = { region: "us-east-1", accountId: "123456789012" };
const names = {
  group: "/aws/bedrock/model-invocations",
  roleName: "GenAILabBedrockLoggingRole",
  dashboard: "GenAI-Monitoring",
};
const policy = learnerPolicy(scope, names);
const statements = statementsOf(JSON.stringify(policy));
const group = `arn:aws:logs:us-east-1:123456789012:log-group:${names.group}`;

const checkCalls: [string, string][] = [
  ["bedrock:GetModelInvocationLoggingConfiguration", "*"],
  ["logs:DescribeLogGroups", "*"],
  ["logs:DescribeQueries", "*"],
  ["logs:GetQueryResults", "*"],
  ["logs:FilterLogEvents", group],
  ["logs:GetLogEvents", `${group}:log-stream:aws/bedrock/modelinvocations`],
  ["iam:GetRole", "arn:aws:iam::123456789012:role/AnyNameAtAll"],
  ["iam:ListRoles", "*"],
  ["iam:ListRolePolicies", "arn:aws:iam::123456789012:role/AnyNameAtAll"],
  ["iam:GetRolePolicy", "arn:aws:iam::123456789012:role/AnyNameAtAll"],
  ["iam:ListAttachedRolePolicies", "arn:aws:iam::123456789012:role/AnyNameAtAll"],
  ["iam:GetPolicy", "arn:aws:iam::aws:policy/CloudWatchLogsFullAccess"],
  ["iam:GetPolicyVersion", "arn:aws:iam::123456789012:policy/MyLogging"],
  ["cloudwatch:ListMetrics", "*"],
  ["cloudwatch:GetMetricData", "*"],
  ["cloudwatch:ListDashboards", "*"],
  ["cloudwatch:GetDashboard", "arn:aws:cloudwatch::123456789012:dashboard/MyOther"],
];

describe("the learner's policy", () => {
  it.each(checkCalls)("allows the checks' %s", (action, resource) => {
    expect(decide(statements, action, resource)).toBe("allowed");
  });

  it.each(["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"])(
    "lets the learner call the model the way step 2 does (%s), directly or through an inference profile",
    (action) => {
      for (const resource of [
        "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0",
        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-haiku-4-5-20251001-v1:0",
      ])
        expect(decide(statements, action, resource), resource).toBe("allowed");
    },
  );

  it("grants no write beyond the lab's own resources through the checks' statement", () => {
    expect(decide(statements, "iam:DeleteRole", "arn:aws:iam::123456789012:role/AnyNameAtAll")).toBe("not-allowed");
    expect(decide(statements, "cloudwatch:PutDashboard", "arn:aws:cloudwatch::123456789012:dashboard/MyOther")).toBe(
      "not-allowed",
    );
  });

  it("fits IAM's 2,048-character limit for a user's inline policies", () => {
    expect(JSON.stringify(policy).length).toBeLessThanOrEqual(2048);
  });
});
