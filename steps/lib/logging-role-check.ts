/**
 * Is the role a logging configuration names one Bedrock can use, whatever its name and however it was made? Its
 * trust policy must let bedrock.amazonaws.com assume it (conditions, if any, met by this account and Region), and
 * its policies — inline or managed — must allow logs:CreateLogStream and logs:PutLogEvents on the lab group's
 * invocation stream (aws-facts.md §1). Each way of falling short gets its own words.
 */
import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
} from "@aws-sdk/client-iam";
import type { Text } from "genai-lab/kit";
import { errorName, ifExists, isAccessDenied } from "./errors.js";
import type { ReadCtx } from "./model.js";
import { INVOCATION_STREAM, logGroupArn } from "./policies.js";
import { allowsAction, conditionMiss, decide, servicePrincipals, statementsOf, type Statement } from "./policy-eval.js";

export type RoleVerdict =
  | { state: "ok" }
  | { state: "wrong"; actual: Text; hint: Text }
  /** The learner's own identity may not read IAM: Bedrock validated the role when the configuration was saved. */
  | { state: "unverified"; reason: string };

export const BEDROCK = "bedrock.amazonaws.com";
/** What Bedrock needs on the log group to deliver invocation records. */
export const WRITE_ACTIONS = ["logs:CreateLogStream", "logs:PutLogEvents"] as const;

/** IAM managed policies are optional reading: an endpoint without them (the sandbox) has only inline policies. */
const isUnsupported = (error: unknown) => /UnknownOperation|InvalidAction|NotImplemented/.test(errorName(error));

export async function inspectLoggingRole(ctx: ReadCtx, roleArn: string, group: string): Promise<RoleVerdict> {
  const m = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn);
  if (!m) return wrong(`${roleArn} is not a role ARN`, `${roleArn} không phải ARN của một role`, FIX_ROLE_ARN);
  const [, account = "", name = ""] = m;
  if (account !== ctx.target.accountId) {
    return wrong(
      `the role ${roleArn} belongs to account ${account}, not ${ctx.target.accountId}`,
      `role ${roleArn} thuộc tài khoản ${account}, không phải ${ctx.target.accountId}`,
      FIX_ROLE_ARN,
    );
  }
  try {
    const send = { abortSignal: ctx.signal };
    const role = (await ifExists(() => ctx.aws.iam.send(new GetRoleCommand({ RoleName: name }), send)))?.Role;
    if (!role) {
      return wrong(
        `the logging role ${name} does not exist`,
        `role ghi log ${name} không tồn tại`,
        ROLE_MISSING_HINT(name),
      );
    }
    const trust = judgeTrust(ctx, name, statementsOf(role.AssumeRolePolicyDocument));
    if (trust) return trust;
    const statements = await permissionStatements(ctx, name);
    return judgePermissions(ctx, name, group, statements) ?? { state: "ok" };
  } catch (error) {
    if (isAccessDenied(error)) return { state: "unverified", reason: errorName(error) };
    throw error;
  }
}

const wrong = (en: string, vi: string, hint: Text): RoleVerdict => ({ state: "wrong", actual: { vi, en }, hint });

const FIX_ROLE_ARN: Text = {
  vi: "Chọn một role IAM của chính tài khoản này trong cấu hình logging (Bedrock chỉ ghi log qua role cùng tài khoản).",
  en: "Pick an IAM role of this very account in the logging configuration (Bedrock only logs through a same-account role).",
};

const ROLE_MISSING_HINT = (name: string): Text => ({
  vi: `Cấu hình logging trỏ tới role ${name} nhưng role này không còn: tạo lại nó (trust bedrock.amazonaws.com, quyền logs:CreateLogStream và logs:PutLogEvents), hoặc lưu lại cấu hình với một role đang có.`,
  en: `The logging configuration names the role ${name}, which no longer exists: create it again (trusting bedrock.amazonaws.com, allowed logs:CreateLogStream and logs:PutLogEvents), or save the configuration again with a role that exists.`,
});

/** The conditions Bedrock's AssumeRole carries (the values the documented confused-deputy guard is written for). */
function trustContext(ctx: ReadCtx): Record<string, string> {
  const { accountId, region } = ctx.target;
  return { "aws:SourceAccount": accountId, "aws:SourceArn": `arn:aws:bedrock:${region}:${accountId}:*` };
}

function judgeTrust(ctx: ReadCtx, name: string, statements: Statement[]): RoleVerdict | undefined {
  const forBedrock = statements.filter(
    (s) => servicePrincipals(s).includes(BEDROCK) && (s.Effect === "Deny" || allowsAction(s, "sts:AssumeRole")),
  );
  const context = trustContext(ctx);
  const denied = forBedrock.find((s) => s.Effect === "Deny" && !conditionMiss(s.Condition, context));
  const allowing = forBedrock.filter((s) => s.Effect === "Allow");
  const met = allowing.find((s) => !conditionMiss(s.Condition, context));
  if (met && !denied) return undefined;
  const trustHint: Text = {
    vi: `Sửa trust policy của role ${name}: Principal {"Service": "${BEDROCK}"}, Action "sts:AssumeRole"; nếu có điều kiện thì aws:SourceAccount = ${ctx.target.accountId} và aws:SourceArn khớp arn:aws:bedrock:${ctx.target.region}:${ctx.target.accountId}:*.`,
    en: `Fix the trust policy of the role ${name}: Principal {"Service": "${BEDROCK}"}, Action "sts:AssumeRole"; any conditions must be aws:SourceAccount = ${ctx.target.accountId} and aws:SourceArn like arn:aws:bedrock:${ctx.target.region}:${ctx.target.accountId}:*.`,
  };
  if (denied) {
    return wrong(
      `the trust policy of ${name} denies ${BEDROCK} explicitly`,
      `trust policy của ${name} từ chối ${BEDROCK} một cách tường minh (Deny)`,
      trustHint,
    );
  }
  const first = allowing[0];
  if (first) {
    const miss = conditionMiss(first.Condition, context);
    const wanted = miss?.expected.join(", ") ?? "";
    return wrong(
      `the trust policy of ${name} lets ${BEDROCK} in only when ${miss?.key} ${miss?.operator} ${wanted}, which Bedrock's requests from ${ctx.target.region} in account ${ctx.target.accountId} do not meet`,
      `trust policy của ${name} chỉ cho ${BEDROCK} assume khi ${miss?.key} ${miss?.operator} ${wanted}, điều kiện mà lời gọi của Bedrock từ ${ctx.target.region} trong tài khoản ${ctx.target.accountId} không thoả`,
      trustHint,
    );
  }
  const others = [...new Set(statements.flatMap(servicePrincipals))];
  const who = others.length > 0 ? others.join(", ") : "no service";
  return wrong(
    `the trust policy of ${name} lets ${who} assume it, not ${BEDROCK}`,
    `trust policy của ${name} cho ${others.length > 0 ? others.join(", ") : "không dịch vụ nào"} assume, không phải ${BEDROCK}`,
    trustHint,
  );
}

/** A role's policies with their documents: inline ones by name, attached (managed) ones by ARN. */
export interface RolePolicies {
  inline: { name: string; document: string | undefined }[];
  attached: { arn: string; document: string | undefined }[];
}

export async function rolePolicies(ctx: ReadCtx, name: string): Promise<RolePolicies> {
  const send = { abortSignal: ctx.signal };
  const inline: RolePolicies["inline"] = [];
  const listed = await ctx.aws.iam.send(new ListRolePoliciesCommand({ RoleName: name }), send);
  for (const policyName of listed.PolicyNames ?? []) {
    const out = await ctx.aws.iam.send(new GetRolePolicyCommand({ RoleName: name, PolicyName: policyName }), send);
    inline.push({ name: policyName, document: out.PolicyDocument });
  }
  let arns: { PolicyArn?: string }[] = [];
  try {
    arns =
      (await ctx.aws.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: name }), send)).AttachedPolicies ?? [];
  } catch (error) {
    if (!isUnsupported(error)) throw error;
  }
  const attached: RolePolicies["attached"] = [];
  for (const { PolicyArn } of arns) {
    if (!PolicyArn) continue;
    const policy = await ctx.aws.iam.send(new GetPolicyCommand({ PolicyArn }), send);
    const version = policy.Policy?.DefaultVersionId;
    const out = version
      ? await ctx.aws.iam.send(new GetPolicyVersionCommand({ PolicyArn, VersionId: version }), send)
      : undefined;
    attached.push({ arn: PolicyArn, document: out?.PolicyVersion?.Document });
  }
  return { inline, attached };
}

/** Every statement of a role's inline and managed policies. */
export function policyStatements({ inline, attached }: RolePolicies): Statement[] {
  return [...inline, ...attached].flatMap((policy) => statementsOf(policy.document));
}

async function permissionStatements(ctx: ReadCtx, name: string): Promise<Statement[]> {
  return policyStatements(await rolePolicies(ctx, name));
}

function judgePermissions(ctx: ReadCtx, name: string, group: string, statements: Statement[]): RoleVerdict | undefined {
  const stream = `${logGroupArn(ctx.target, group)}:log-stream:${INVOCATION_STREAM}`;
  const missing = WRITE_ACTIONS.filter((action) => decide(statements, action, stream) !== "allowed");
  if (missing.length === 0) return undefined;
  const hint: Text = {
    vi: `Cho role ${name} quyền ${WRITE_ACTIONS.join(" và ")} trên ${stream} (ví dụ Resource "${logGroupArn(ctx.target, group)}:*"), bằng policy inline hoặc managed.`,
    en: `Allow the role ${name} ${WRITE_ACTIONS.join(" and ")} on ${stream} (e.g. Resource "${logGroupArn(ctx.target, group)}:*"), in an inline or managed policy.`,
  };
  const denied = missing.filter((action) => decide(statements, action, stream) === "denied");
  if (denied.length > 0) {
    return wrong(
      `a Deny in the policies of ${name} blocks ${denied.join(", ")} on the lab's log group`,
      `một lệnh Deny trong policy của ${name} chặn ${denied.join(", ")} trên log group của bài lab`,
      hint,
    );
  }
  // Allowed somewhere else? Then the learner wrote the right actions on the wrong resource.
  const elsewhere = statements
    .filter((s) => s.Effect === "Allow" && missing.every((action) => allowsAction(s, action)))
    .flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]))
    .filter((r): r is string => typeof r === "string");
  if (elsewhere.length > 0) {
    return wrong(
      `the policies of ${name} allow ${missing.join(", ")} only on ${elsewhere.join(", ")}, not on ${group}`,
      `policy của ${name} chỉ cho phép ${missing.join(", ")} trên ${elsewhere.join(", ")}, không phải trên ${group}`,
      hint,
    );
  }
  return wrong(
    `the policies of ${name} do not allow ${missing.join(", ")}`,
    `policy của ${name} không cho phép ${missing.join(", ")}`,
    hint,
  );
}
