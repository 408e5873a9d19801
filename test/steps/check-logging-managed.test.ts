/**
 * logging-enabled with what the sandbox does not model: managed policies attached to the logging role (the sandbox's
 * IAM has inline policies only, and answers ListAttachedRolePolicies as an unknown operation, which the check reads
 * as "none"), and a learner identity that may not read IAM. IAM's answers for those calls are given here in the
 * shapes AWS documents (policy documents URL-encoded); everything else goes over the wire to the sandbox.
 */
import { DeleteRolePolicyCommand } from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { actualOf, answer, hintOf, labPerTest, loggingByHand, runCheck } from "./check-kit.js";

const start = labPerTest();

const managed = (actions: string[]) => ({
  ListAttachedRolePoliciesCommand: () => ({
    AttachedPolicies: [{ PolicyName: "BedrockLogs", PolicyArn: "arn:aws:iam::123456789012:policy/BedrockLogs" }],
  }),
  GetPolicyCommand: () => ({ Policy: { PolicyName: "BedrockLogs", DefaultVersionId: "v3" } }),
  GetPolicyVersionCommand: () => ({
    PolicyVersion: {
      VersionId: "v3",
      Document: encodeURIComponent(
        JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: actions, Resource: "arn:aws:logs:*:*:log-group:/aws/bedrock/*" }],
        }),
      ),
    },
  }),
});

describe("logging-enabled with managed policies and limited IAM reads", () => {
  it("passes a role whose permissions come from a managed policy only", async () => {
    const [s, aws] = await start();
    await loggingByHand(s, aws, "ManagedOnly");
    await aws.iam.send(new DeleteRolePolicyCommand({ RoleName: "ManagedOnly", PolicyName: "write" }));
    answer(s.aws.iam, managed(["logs:CreateLogStream", "logs:PutLogEvents"]));
    const { result } = await runCheck(s, "logging-enabled");
    expect(result.status, hintOf(result)).toBe("pass");
  });

  it("fails a managed policy without PutLogEvents, naming it", async () => {
    const [s, aws] = await start();
    await loggingByHand(s, aws, "ManagedHalf");
    await aws.iam.send(new DeleteRolePolicyCommand({ RoleName: "ManagedHalf", PolicyName: "write" }));
    answer(s.aws.iam, managed(["logs:CreateLogStream"]));
    const { result } = await runCheck(s, "logging-enabled");
    expect(result.status).toBe("fail");
    expect(actualOf(result)).toMatch(/do not allow logs:PutLogEvents/);
  });

  it("passes, saying the role was not verified, when the learner may not read IAM", async () => {
    const [s, aws] = await start();
    await loggingByHand(s, aws);
    s.aws.iam.middlewareStack.add(
      () => () => Promise.reject(Object.assign(new Error("not authorized"), { name: "AccessDenied" })),
      { step: "initialize", name: "denyIam" },
    );
    const { result } = await runCheck(s, "logging-enabled");
    expect(result.status).toBe("pass");
    expect(actualOf(result)).toMatch(/\(IAM not readable to verify\)$/);
    expect(result.status === "pass" && result.evidence?.details?.role).toBe("not verified (AccessDenied)");
  });
});
