/**
 * Which IAM roles cleanup's role check names: the ones this lab made or used for its logging, whatever their name
 * (a learner doing step 1 by hand may call theirs anything). A role still there is the lab's when one of these holds:
 *
 * - its name is the lab's (`loggingRoleName`): the lab's own actions and Your turn make it under that name;
 * - the Region's logging configuration, writing to the lab's log group, names it (roleArn) now;
 * - Bedrock may assume it and it carries the lab's tag (LAB_TAG): genai-lab's actions and its Your turn lines tag the
 *   role they create (ListRoles leaves tags out, so only the roles Bedrock may assume are read one by one);
 * - Bedrock may assume it and one of its policies lets it write to the lab's log group, named as such — a role made
 *   for the lab's logging, found even once the configuration is gone (the learner chooses the order of deletions).
 *
 * A role that only trusts Bedrock (an agent's, a knowledge base's), or writes to log groups through a wildcard
 * (`*`, `log-group:/aws/bedrock/*`), is never named: nothing ties it to this lab. Nor is one given with
 * --logging-role-arn: the learner's own, which the lab never deletes.
 */
import { paginateListRoles, type Role } from "@aws-sdk/client-iam";
import type { Text } from "genai-lab/kit";
import { LAB_TAG } from "../lab.js";
import { deleteLine } from "./delete-lines.js";
import { ifExists, isAccessDenied } from "./errors.js";
import { isLabTagged } from "./ledger.js";
import { readLoggingConfig } from "./logging-config.js";
import { BEDROCK, policyStatements, rolePolicies, WRITE_ACTIONS, type RolePolicies } from "./logging-role-check.js";
import { getRole, roleNameOf } from "./logging-role.js";
import type { ReadCtx } from "./model.js";
import { allowsAction, globMatches, servicePrincipals, statementsOf, type Statement } from "./policy-eval.js";

export type RoleReason = "name" | "config" | "tag" | "policy";

export interface LabRole {
  name: string;
  reasons: RoleReason[];
  policies: RolePolicies;
}

export interface LabRoles {
  /** The lab's roles that are still there, each with why it counts as the lab's and the policies it still has. */
  left: LabRole[];
  /** False when the learner's identity may not list roles (iam:ListRoles): only the named ones were looked at. */
  listed: boolean;
}

/** Roles inspected at once (IAM throttles reads per account: a few in flight, not dozens). */
const INSPECTORS = 4;

export function reasonText(reason: RoleReason, group: string): Text {
  switch (reason) {
    case "name":
      return { vi: "tên role của bài lab", en: "the lab's role name" };
    case "config":
      return { vi: "cấu hình logging đang dùng nó", en: "the logging configuration uses it" };
    case "tag":
      return {
        vi: `nó mang tag ${LAB_TAG.key}=${LAB_TAG.value} của bài lab`,
        en: `it carries the lab's tag ${LAB_TAG.key}=${LAB_TAG.value}`,
      };
    case "policy":
      return {
        vi: `Bedrock được phép assume nó để ghi vào ${group}`,
        en: `Bedrock may assume it to write to ${group}`,
      };
  }
}

/** The lines that delete one role: attached policies detached and inline ones deleted first (else DeleteConflict). */
export function roleDeleteLines(role: LabRole): string[] {
  return [
    ...role.policies.attached.map((policy) => deleteLine.detachPolicy(role.name, policy.arn)),
    ...role.policies.inline.map((policy) => deleteLine.rolePolicy(role.name, policy.name)),
    deleteLine.role(role.name),
  ];
}

const trustsBedrock = (role: Role) =>
  statementsOf(role.AssumeRolePolicyDocument).some(
    (s) => servicePrincipals(s).includes(BEDROCK) && allowsAction(s, "sts:AssumeRole"),
  );

/** An Allow of log writes on a resource that names the lab's group itself (not a wildcard that also matches it). */
function writesToGroup(ctx: ReadCtx, statements: Statement[], group: string): boolean {
  const { region, accountId } = ctx.target;
  const namesGroup = (resource: unknown) => {
    if (typeof resource !== "string") return false;
    const m = /^arn:[^:]+:logs:([^:]*):([^:]*):log-group:(.*)$/.exec(resource);
    if (!m) return false;
    const [, inRegion = "", inAccount = "", rest = ""] = m;
    const sameGroup = rest === group || rest.startsWith(`${group}:`);
    return sameGroup && globMatches(inRegion, region) && globMatches(inAccount, accountId);
  };
  return statements.some(
    (s) =>
      WRITE_ACTIONS.some((action) => allowsAction(s, action)) &&
      (Array.isArray(s.Resource) ? s.Resource : [s.Resource]).some(namesGroup),
  );
}

/** The role the Region's logging configuration names when it writes to the lab's group (same account only). */
async function configRole(ctx: ReadCtx): Promise<string | undefined> {
  const cw = (await readLoggingConfig(ctx))?.cloudWatchConfig;
  if (cw?.logGroupName !== ctx.params.logGroupName || !cw.roleArn) return undefined;
  const account = /^arn:aws[\w-]*:iam::(\d{12}):role\//.exec(cw.roleArn)?.[1];
  return account === ctx.target.accountId ? roleNameOf(cw.roleArn) : undefined;
}

/** Every role Bedrock may assume, from ListRoles; undefined when the learner may not list roles. */
async function bedrockRoles(ctx: ReadCtx): Promise<Role[] | undefined> {
  const found: Role[] = [];
  try {
    for await (const page of paginateListRoles({ client: ctx.aws.iam }, {}, { abortSignal: ctx.signal }))
      found.push(...(page.Roles ?? []).filter(trustsBedrock));
  } catch (error) {
    if (isAccessDenied(error)) return undefined;
    throw error;
  }
  return found;
}

export async function labRolesLeft(ctx: ReadCtx): Promise<LabRoles> {
  const group = ctx.params.logGroupName;
  const given = ctx.params.loggingRoleArn.trim();
  const reasons = new Map<string, Set<RoleReason>>();
  const add = (name: string, reason: RoleReason) => reasons.set(name, (reasons.get(name) ?? new Set()).add(reason));
  if (!given) add(ctx.params.loggingRoleName, "name");
  const [viaConfig, listed] = await Promise.all([configRole(ctx), bedrockRoles(ctx)]);
  if (viaConfig) add(viaConfig, "config");
  const policiesOf = new Map<string, RolePolicies>();
  const inspect = async (role: Role) => {
    const name = role.RoleName ?? "";
    // ListRoles leaves the tags out: GetRole has them.
    const [full, policies] = await Promise.all([getRole(ctx, name), ifExists(() => rolePolicies(ctx, name))]);
    if (isLabTagged(full?.Tags)) add(name, "tag");
    if (!policies) return;
    policiesOf.set(name, policies);
    if (writesToGroup(ctx, policyStatements(policies), group)) add(name, "policy");
  };
  // A few at a time: each role is several IAM reads, and an account may have many roles Bedrock may assume.
  const queue = [...(listed ?? [])];
  const worker = async () => {
    for (let role = queue.shift(); role; role = queue.shift()) await inspect(role);
  };
  await Promise.all(Array.from({ length: INSPECTORS }, worker));
  if (given) reasons.delete(roleNameOf(given));
  const left: LabRole[] = [];
  for (const [name, why] of reasons) {
    // Named without being listed (the lab's name, the configuration's role): still there only if IAM says so.
    const policies = policiesOf.get(name) ?? (await ifExists(() => rolePolicies(ctx, name)));
    if (policies) left.push({ name, reasons: [...why], policies });
  }
  // Named in a steady order, whichever inspection finished first.
  left.sort((a, b) => a.name.localeCompare(b.name));
  return { left, listed: listed !== undefined };
}
