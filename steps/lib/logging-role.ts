/**
 * The role Bedrock assumes to write invocation logs: created (tagged) with the exact trust and permissions
 * policies, or reused. A role given with --logging-role-arn, or one that exists but is not the lab's, is used
 * as it is and never changed; a role the lab owns (ledger or tag) gets its policies re-applied, so a re-run heals it.
 */
import { canonicalJson, json, kv, type LedgerResource, StepFailure, type Text } from "genai-lab/kit";
import {
  CreateRoleCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
  type Role,
} from "@aws-sdk/client-iam";
import { LAB_TAG } from "../lab.js";
import { isAlreadyExists, ifExists } from "./errors.js";
import { isLabTagged, ownedEntry } from "./ledger.js";
import type { ActCtx, ReadCtx } from "./model.js";
import { LOGGING_POLICY_NAME, loggingPermissionsPolicy, loggingTrustPolicy, roleArnFor } from "./policies.js";

export async function getRole(ctx: ReadCtx, name: string): Promise<Role | undefined> {
  return (await ifExists(() => ctx.aws.iam.send(new GetRoleCommand({ RoleName: name }), { abortSignal: ctx.signal })))
    ?.Role;
}

export function roleNameOf(arn: string): string {
  return arn.slice(arn.lastIndexOf("/") + 1);
}

export async function ensureLoggingRole(ctx: ActCtx): Promise<{ arn: string; summary: Text }> {
  const given = ctx.params.loggingRoleArn.trim();
  if (given) {
    const role = await getRole(ctx, roleNameOf(given));
    if (!role) {
      throw new StepFailure(
        {
          vi: `Không tìm thấy role ${given} (--logging-role-arn).`,
          en: `The role ${given} (--logging-role-arn) does not exist.`,
        },
        {
          vi: "Kiểm tra ARN (cùng tài khoản với Bedrock), hoặc bỏ --logging-role-arn để bài lab tự tạo role.",
          en: "Check the ARN (same account as Bedrock), or drop --logging-role-arn and let the lab create the role.",
        },
        "logging-role",
      );
    }
    ctx.report.note("info", {
      vi: `Dùng role của bạn ${given} nguyên trạng: bài lab không sửa và không xoá nó.`,
      en: `Using your role ${given} as it is: the lab neither changes nor deletes it.`,
    });
    return { arn: given, summary: { vi: "Dùng role được chỉ định", en: "Given role used" } };
  }

  const name = ctx.params.loggingRoleName;
  const arn = roleArnFor(ctx.target.accountId, name);
  const trustPolicy = loggingTrustPolicy(ctx.target);
  const permissionsPolicy = loggingPermissionsPolicy(ctx.target, ctx.params.logGroupName);
  const trust = JSON.stringify(trustPolicy);
  const permissions = JSON.stringify(permissionsPolicy);
  const existing = await getRole(ctx, name);
  const tagged = isLabTagged(existing?.Tags);
  // The lab's tag makes it the lab's again after a reset that forgot the ledger: tracked, so cleanup removes it.
  const inLedger = ownedEntry(ctx, "iam-role", name) !== undefined || tagged;
  showPolicies(ctx, arn, trustPolicy, permissionsPolicy);

  if (existing && !inLedger && !tagged) {
    ctx.report.note("warning", {
      vi: `Role ${name} đã có từ trước và không do bài lab tạo: bài lab dùng lại nguyên trạng. Nếu Bedrock không xác thực được nó, hãy so với hai policy ở trên.`,
      en: `The role ${name} already exists and was not created by the lab: the lab reuses it as it is. If Bedrock cannot validate it, compare it with the two policies above.`,
    });
    return { arn: existing.Arn ?? arn, summary: { vi: "Dùng lại role có sẵn", en: "Existing role reused" } };
  }

  const send = { abortSignal: ctx.signal };
  // Only what the ledger owns (or is about to create) is tracked, so cleanup deletes the role and its policy together.
  const tracked = !existing || inLedger;
  const track = <T>(resource: LedgerResource, create: () => Promise<T>) =>
    tracked ? ctx.ledger.track(resource, create) : create();
  await track({ type: "iam-role", name, arn }, async () => {
    if (existing) return;
    try {
      await ctx.aws.iam.send(
        new CreateRoleCommand({
          RoleName: name,
          AssumeRolePolicyDocument: trust,
          Description: "Lets Amazon Bedrock write model invocation logs to CloudWatch Logs (genai-lab).",
          Tags: [{ Key: LAB_TAG.key, Value: LAB_TAG.value }],
        }),
        send,
      );
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
    }
  });
  // Unchanged documents are not re-sent: every IAM change starts a new propagation wait before Bedrock accepts it.
  if (existing && !sameDocument(existing.AssumeRolePolicyDocument, trustPolicy)) {
    await ctx.aws.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: name, PolicyDocument: trust }), send);
  }
  const current = existing ? await getInlinePolicy(ctx, name) : undefined;
  await track({ type: "iam-role-policy", name: `${name}/${LOGGING_POLICY_NAME}`, meta: { role: name } }, async () => {
    if (sameDocument(current, permissionsPolicy)) return;
    await ctx.aws.iam.send(
      new PutRolePolicyCommand({ RoleName: name, PolicyName: LOGGING_POLICY_NAME, PolicyDocument: permissions }),
      send,
    );
  });
  return existing
    ? { arn, summary: { vi: "Role của bài lab đã sẵn sàng", en: "The lab's role is in place" } }
    : { arn, summary: { vi: "Đã tạo IAM role ghi log", en: "Logging role created" } };
}

async function getInlinePolicy(ctx: ReadCtx, role: string): Promise<string | undefined> {
  const out = await ifExists(() =>
    ctx.aws.iam.send(new GetRolePolicyCommand({ RoleName: role, PolicyName: LOGGING_POLICY_NAME }), {
      abortSignal: ctx.signal,
    }),
  );
  return out?.PolicyDocument;
}

/** IAM returns policy documents URL-encoded; compare them as JSON, key order aside. */
function sameDocument(returned: string | undefined, wanted: object): boolean {
  if (returned === undefined) return false;
  try {
    const decoded = returned.trimStart().startsWith("{") ? returned : decodeURIComponent(returned);
    return canonicalJson(JSON.parse(decoded) as unknown) === canonicalJson(wanted);
  } catch {
    return false;
  }
}

function showPolicies(ctx: ActCtx, arn: string, trust: object, permissions: object): void {
  ctx.report.output(kv({ vi: "IAM role ghi log", en: "Logging IAM role" }, [[{ vi: "ARN", en: "ARN" }, arn]]));
  ctx.report.output(
    json({ vi: "Trust policy (ai được assume role)", en: "Trust policy (who may assume the role)" }, trust),
  );
  ctx.report.output(
    json(
      { vi: `Permissions policy (${LOGGING_POLICY_NAME})`, en: `Permissions policy (${LOGGING_POLICY_NAME})` },
      permissions,
    ),
  );
}
