/**
 * Cleanup's role check under any name (steps/lib/cleanup-roles.ts): a learner doing step 1 by hand may call the
 * logging role anything. The check names the role the logging configuration uses, one tagged as the lab's, and one
 * Bedrock may assume to write to the lab's log group — still there after the configuration went first — with the
 * lines that delete it (policies first); never a role of the learner's that nothing ties to this lab.
 */
import { DeleteModelInvocationLoggingConfigurationCommand } from "@aws-sdk/client-bedrock";
import { CreateRoleCommand, DeleteRoleCommand, DeleteRolePolicyCommand } from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { roleDeleteLines } from "../../steps/lib/cleanup-roles.js";
import {
  actualOf,
  answer,
  createGroup,
  createRole,
  GROUP,
  hintOf,
  hintViOf,
  labPerTest,
  loggingByHand,
  putLogging,
  runCheck,
  trustFor,
  writePolicy,
  type LearnerAws,
} from "./check-kit.js";
import type { LabSession } from "../helpers/lab-session.js";

const ID = "cleanup-role-gone";
const MINE = "MyBedrockLogs";
const deleteMine = `aws iam delete-role-policy --role-name ${MINE} --policy-name write && aws iam delete-role --role-name ${MINE}`;

async function roleCheck(s: LabSession, params: Record<string, unknown> = {}) {
  return (await runCheck(s, ID, { liveCheck: true, params })).result;
}

const loggingOff = (aws: LearnerAws) => aws.bedrock.send(new DeleteModelInvocationLoggingConfigurationCommand({}));

/** Roles of the learner's own with a Bedrock trust that this lab never used: none may ever be named. */
async function unrelatedRoles(s: LabSession, aws: LearnerAws): Promise<string[]> {
  const account = s.target.accountId;
  const logs = (group: string, region = "us-east-1") => `arn:aws:logs:${region}:${account}:log-group:${group}:*`;
  const roles: { name: string; policies: Record<string, object> }[] = [
    { name: "MyAgentRole", policies: { invoke: writePolicy("*", "bedrock:InvokeModel") } },
    { name: "MyAppLogging", policies: { write: writePolicy(logs("/my/app")) } },
    { name: "AllBedrockGroups", policies: { write: writePolicy(logs("/aws/bedrock/*")) } },
    { name: "AnyGroup", policies: { write: writePolicy("*") } },
    { name: "OtherRegion", policies: { write: writePolicy(logs(GROUP, "eu-west-1")) } },
  ];
  for (const role of roles) await createRole(aws, { ...role, trust: trustFor(account) });
  return roles.map((role) => role.name);
}

describe("cleanup's role check, whatever the role's name", () => {
  const start = labPerTest();

  it("names the learner's own role the logging used, even once the configuration is gone, until it is deleted", async () => {
    const [s, aws] = await start();
    await loggingByHand(s, aws, MINE);
    const before = await roleCheck(s);
    expect(before.status).toBe("fail");
    expect(actualOf(before)).toMatch(
      new RegExp(`the IAM role ${MINE} \\(the logging configuration uses it; .+\\) is still there`),
    );
    expect(hintOf(before)).not.toMatch(/named only because/); // its policy ties it to the lab too
    // The learner deletes the logging configuration first: the role is still theirs to delete, and still named.
    await loggingOff(aws);
    const after = await roleCheck(s);
    expect(after.status).toBe("fail");
    expect(actualOf(after)).toMatch(`the IAM role ${MINE} (Bedrock may assume it to write to ${GROUP}) is still there`);
    expect(hintOf(after)).toContain(`Remove it: \`${deleteMine}\``);
    expect(hintOf(after)).toMatch(/policies go first/);
    expect(hintOf(after)).not.toMatch(/GenAILabBedrockLoggingRole/);
    expect(hintViOf(after)).toContain(`IAM role ${MINE} vẫn còn.`);
    expect(hintViOf(after)).toContain(`Xoá nó: \`${deleteMine}\``);
    await aws.iam.send(new DeleteRolePolicyCommand({ RoleName: MINE, PolicyName: "write" }));
    await aws.iam.send(new DeleteRoleCommand({ RoleName: MINE }));
    const done = await roleCheck(s);
    expect(done.status).toBe("pass");
    expect(done.status === "pass" && done.doneBy).toBe("learner");
  });

  it("names a role under a path by its name, and one tagged as the lab's even with its policy gone", async () => {
    const [s, aws] = await start();
    const account = s.target.accountId;
    await aws.iam.send(
      new CreateRoleCommand({
        RoleName: "Renamed",
        Path: "/service-role/",
        AssumeRolePolicyDocument: JSON.stringify(trustFor(account)),
        Tags: [{ Key: "genai-lab:lab", Value: "monitoring-genai" }],
      }),
    );
    const result = await roleCheck(s);
    expect(actualOf(result)).toBe(
      "the IAM role Renamed (it carries the lab's tag genai-lab:lab=monitoring-genai) is still there",
    );
    expect(hintOf(result)).toMatch(/still there\. Remove it: `aws iam delete-role --role-name Renamed`$/);
  });

  it("never names the learner's unrelated roles with a Bedrock trust, whether the lab's role is left or gone", async () => {
    const [s, aws] = await start();
    const unrelated = await unrelatedRoles(s, aws);
    expect((await roleCheck(s)).status).toBe("pass");
    await loggingByHand(s, aws, MINE);
    await loggingOff(aws);
    const result = await roleCheck(s);
    expect(result.status === "fail" && result.evidence.details).toEqual({ roles: MINE });
    for (const name of unrelated) expect(`${hintOf(result)} ${hintViOf(result)}`).not.toContain(name);
  });

  it("the lab's own name still counts, with any trust, beside another role: both are named, each with its lines", async () => {
    const [s, aws] = await start();
    await loggingByHand(s, aws, MINE);
    await createRole(aws, {
      name: "GenAILabBedrockLoggingRole",
      trust: trustFor(s.target.accountId, true, "ec2.amazonaws.com"),
      policies: {},
    });
    const result = await roleCheck(s);
    expect(actualOf(result)).toMatch(/^the IAM roles .* are still there$/);
    expect(actualOf(result)).toContain("GenAILabBedrockLoggingRole (the lab's role name)");
    expect(hintOf(result)).toContain(
      `Remove them: \`aws iam delete-role --role-name GenAILabBedrockLoggingRole && ${deleteMine}\``,
    );
    expect(hintViOf(result)).toMatch(/Xoá chúng: `/);
  });

  it("a role tied to the lab only by the configuration using it may be the learner's from before: the hint says keep it then", async () => {
    const [s, aws] = await start();
    await createGroup(aws);
    const roleArn = await createRole(aws, {
      name: "SharedLogging",
      trust: trustFor(s.target.accountId),
      policies: { write: writePolicy("*") },
    });
    await putLogging(aws, { cloudWatchConfig: { logGroupName: GROUP, roleArn }, textDataDeliveryEnabled: true });
    const inUse = await roleCheck(s);
    expect(actualOf(inUse)).toBe("the IAM role SharedLogging (the logging configuration uses it) is still there");
    expect(hintOf(inUse)).toMatch(
      /`\. SharedLogging is named only because the logging configuration uses it: if it is a role of yours from before the lab, keep it — turning logging off is enough/,
    );
    expect(hintViOf(inUse)).toMatch(/Role SharedLogging được nêu chỉ vì cấu hình logging đang dùng nó: .*hãy giữ lại/);
    await loggingOff(aws);
    expect((await roleCheck(s)).status).toBe("pass");
  });

  it("a role given with --logging-role-arn is the learner's own: never named, even while the logging uses it", async () => {
    const [s, aws] = await start();
    const arn = await loggingByHand(s, aws, MINE);
    const result = await roleCheck(s, { loggingRoleArn: arn });
    expect(result.status).toBe("pass");
    expect(actualOf(result)).toMatch(/your own role \(--logging-role-arn\) is not the lab's/);
  });

  it("finds a console-made role through its attached managed policy, and detaches it first", async () => {
    const [s, aws] = await start();
    await loggingByHand(s, aws, MINE);
    await loggingOff(aws);
    await aws.iam.send(new DeleteRolePolicyCommand({ RoleName: MINE, PolicyName: "write" }));
    const policyArn = "arn:aws:iam::123456789012:policy/service-role/BedrockLogs";
    const managed = (resource: string) => ({
      ListAttachedRolePoliciesCommand: () => ({
        AttachedPolicies: [{ PolicyName: "BedrockLogs", PolicyArn: policyArn }],
      }),
      GetPolicyCommand: () => ({ Policy: { PolicyName: "BedrockLogs", DefaultVersionId: "v1" } }),
      GetPolicyVersionCommand: () => ({
        PolicyVersion: { VersionId: "v1", Document: encodeURIComponent(JSON.stringify(writePolicy(resource))) },
      }),
    });
    answer(
      s.aws.iam,
      managed(`arn:aws:logs:us-east-1:123456789012:log-group:${GROUP}:log-stream:aws/bedrock/modelinvocations`),
    );
    const result = await roleCheck(s);
    expect(hintOf(result)).toMatch(
      `Remove it: \`aws iam detach-role-policy --role-name ${MINE} --policy-arn ${policyArn} && aws iam delete-role --role-name ${MINE}\``,
    );
  });

  it("a managed policy that writes to the lab's group only through a wildcard ties nothing to the lab", async () => {
    const [s, aws] = await start();
    await loggingByHand(s, aws, MINE);
    await loggingOff(aws);
    await aws.iam.send(new DeleteRolePolicyCommand({ RoleName: MINE, PolicyName: "write" }));
    answer(s.aws.iam, {
      ListAttachedRolePoliciesCommand: () => ({ AttachedPolicies: [{ PolicyArn: "arn:aws:iam::aws:policy/Logs" }] }),
      GetPolicyCommand: () => ({ Policy: { DefaultVersionId: "v1" } }),
      GetPolicyVersionCommand: () => ({
        PolicyVersion: { Document: JSON.stringify(writePolicy("arn:aws:logs:*:*:*")) },
      }),
    });
    expect((await roleCheck(s)).status).toBe("pass");
  });

  it("without iam:ListRoles: the configuration's role is still named; once it is off, the pass says what was not looked at", async () => {
    const [s, aws] = await start();
    await loggingByHand(s, aws, MINE);
    s.aws.iam.middlewareStack.add(
      (next, context) => (args) =>
        context.commandName === "ListRolesCommand"
          ? Promise.reject(Object.assign(new Error("not authorized"), { name: "AccessDenied" }))
          : next(args),
      { step: "initialize", name: "denyListRoles" },
    );
    expect(actualOf(await roleCheck(s))).toMatch(
      `the IAM role ${MINE} (the logging configuration uses it) is still there`,
    );
    await loggingOff(aws);
    const result = await roleCheck(s);
    expect(result.status).toBe("pass");
    expect(actualOf(result)).toMatch(/roles could not be listed without iam:ListRoles/);
  });

  it("detaches attached policies and deletes inline ones before the role (IAM refuses DeleteRole otherwise)", () => {
    const lines = roleDeleteLines({
      name: "ConsoleRole",
      reasons: ["config"],
      policies: {
        inline: [{ name: "extra", document: undefined }],
        attached: [{ arn: "arn:aws:iam::123456789012:policy/service-role/BedrockLogs", document: undefined }],
      },
    });
    expect(lines).toEqual([
      "aws iam detach-role-policy --role-name ConsoleRole --policy-arn arn:aws:iam::123456789012:policy/service-role/BedrockLogs",
      "aws iam delete-role-policy --role-name ConsoleRole --policy-name extra",
      "aws iam delete-role --role-name ConsoleRole",
    ]);
  });
});
