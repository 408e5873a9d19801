import { stableId } from "../auth/identity.js";
import type { CallContext } from "../context.js";
import { AwsError } from "../errors.js";
import type { OperationHandler } from "../server/types.js";
import type { IamStore, RoleRow } from "../storage/iam-store.js";
import { noSuchRolePolicy, roleArn } from "../storage/iam-store.js";
import { InputReader } from "../validate/input.js";
import { policyProblem } from "./policy.js";

const NAME = { min: 1, max: 64, pattern: /^[\w+=,.@-]+$/, patternText: "[\\w+=,.@-]+" } as const;
const POLICY_NAME = { min: 1, max: 128, pattern: /^[\w+=,.@-]+$/, patternText: "[\\w+=,.@-]+" } as const;
const PATH = {
  min: 1,
  max: 512,
  pattern: /^(\/|\/[\u0021-\u007E]+\/)$/,
  patternText: "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)",
} as const;
// IAM's own pattern for policy documents: tab, newline, carriage return and printable Latin-1.
const DOCUMENT = {
  min: 1,
  max: 131_072,
  // eslint-disable-next-line no-control-regex
  pattern: /^[\u0009\u000A\u000D\u0020-\u00FF]+$/,
  patternText: "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+",
} as const;
const TAG_KEY = {
  min: 1,
  max: 128,
  pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u,
  patternText: "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+",
} as const;
const TAG_VALUE = {
  min: 0,
  max: 256,
  pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u,
  patternText: "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*",
} as const;

const reader = (input: Record<string, unknown>): InputReader =>
  new InputReader(input, {
    code: "ValidationError",
    wire: "query",
    label: (n) => n.charAt(0).toLowerCase() + n.slice(1),
  });

/** IAM returns policy documents URL-encoded (RFC 3986), as the real service does. */
export const encodePolicy = (doc: string): string => encodeURIComponent(doc);

function readTags(r: InputReader, required: boolean): { Key: string; Value: string }[] | undefined {
  const list = r.list("Tags", { required, max: 50 });
  return list?.map((t, i) => {
    const tag = (t ?? {}) as Record<string, unknown>;
    const key = typeof tag.Key === "string" ? tag.Key : "";
    const value = typeof tag.Value === "string" ? tag.Value : "";
    r.checkString(`tags.${i + 1}.member.key`, key, TAG_KEY);
    r.checkString(`tags.${i + 1}.member.value`, value, TAG_VALUE);
    return { Key: key, Value: value };
  });
}

function checkDocument(doc: string, kind: "trust" | "identity"): void {
  const problem = policyProblem(doc, kind);
  if (problem !== undefined) throw new AwsError("MalformedPolicyDocument", problem);
}

function describeRole(store: IamStore, r: RoleRow, withLastUsed: boolean): Record<string, unknown> {
  const tags = store.tags(r.account_id, r.name);
  return {
    Path: r.path,
    RoleName: r.name,
    RoleId: r.role_id,
    Arn: roleArn(r),
    CreateDate: new Date(r.created_at - (r.created_at % 1000)),
    AssumeRolePolicyDocument: encodePolicy(r.trust_policy),
    Description: r.description ?? undefined,
    MaxSessionDuration: r.max_session_duration,
    Tags: tags.length > 0 ? tags : undefined,
    RoleLastUsed: withLastUsed ? {} : undefined,
  };
}

export function iamOperations(store: IamStore): Record<string, OperationHandler> {
  const roleName = (input: Record<string, unknown>): { r: InputReader; name: string } => {
    const r = reader(input);
    return { r, name: r.string("RoleName", { ...NAME, required: true }) ?? "" };
  };
  return {
    CreateRole(input, ctx: CallContext) {
      const { r, name } = roleName(input);
      const path = r.string("Path", PATH) ?? "/";
      const trust = r.string("AssumeRolePolicyDocument", { ...DOCUMENT, required: true }) ?? "";
      const description = r.string("Description", { max: 1000 });
      const maxSession = r.integer("MaxSessionDuration", { min: 3600, max: 43_200 }) ?? 3600;
      r.string("PermissionsBoundary", { min: 20, max: 2048 });
      const tags = readTags(r, false) ?? [];
      r.done();
      checkDocument(trust, "trust");
      if (trust.replace(/\s/g, "").length > 2048) {
        throw new AwsError("LimitExceeded", "Cannot exceed quota for ACLSizePerRole: 2048", { status: 409 });
      }
      const row: RoleRow = {
        account_id: ctx.accountId,
        name,
        role_id: stableId("AROA", `role:${ctx.accountId}:${name}:${ctx.now}`),
        path,
        trust_policy: trust,
        description: description ?? null,
        max_session_duration: maxSession,
        created_at: ctx.now,
        changed_at: ctx.now,
      };
      store.createRole(row, tags);
      return { Role: describeRole(store, store.requireRole(ctx.accountId, name), false) };
    },

    GetRole(input, ctx) {
      const { r, name } = roleName(input);
      r.done();
      return { Role: describeRole(store, store.requireRole(ctx.accountId, name), true) };
    },

    ListRoles(input, ctx) {
      const r = reader(input);
      const prefix = r.string("PathPrefix", { min: 1, max: 512 }) ?? "/";
      r.integer("MaxItems", { min: 1, max: 1000 });
      r.string("Marker", { min: 1 });
      r.done();
      const roles = store.roles(ctx.accountId).filter((role) => role.path.startsWith(prefix));
      return { Roles: roles.map((role) => describeRole(store, role, false)), IsTruncated: false };
    },

    DeleteRole(input, ctx) {
      const { r, name } = roleName(input);
      r.done();
      store.deleteRole(ctx.accountId, name);
      return {};
    },

    UpdateAssumeRolePolicy(input, ctx) {
      const { r, name } = roleName(input);
      const doc = r.string("PolicyDocument", { ...DOCUMENT, required: true }) ?? "";
      r.done();
      checkDocument(doc, "trust");
      store.setTrust(ctx.accountId, name, doc, ctx.now);
      return {};
    },

    PutRolePolicy(input, ctx) {
      const { r, name } = roleName(input);
      const policyName = r.string("PolicyName", { ...POLICY_NAME, required: true }) ?? "";
      const doc = r.string("PolicyDocument", { ...DOCUMENT, required: true }) ?? "";
      r.done();
      checkDocument(doc, "identity");
      store.putPolicy(ctx.accountId, name, policyName, doc, ctx.now);
      return {};
    },

    GetRolePolicy(input, ctx) {
      const { r, name } = roleName(input);
      const policyName = r.string("PolicyName", { ...POLICY_NAME, required: true }) ?? "";
      r.done();
      const role = store.requireRole(ctx.accountId, name);
      const doc = store.policy(ctx.accountId, role.name, policyName);
      if (doc === undefined) throw noSuchRolePolicy(policyName);
      return { RoleName: role.name, PolicyName: policyName, PolicyDocument: encodePolicy(doc) };
    },

    DeleteRolePolicy(input, ctx) {
      const { r, name } = roleName(input);
      const policyName = r.string("PolicyName", { ...POLICY_NAME, required: true }) ?? "";
      r.done();
      store.deletePolicy(ctx.accountId, name, policyName, ctx.now);
      return {};
    },

    ListRolePolicies(input, ctx) {
      const { r, name } = roleName(input);
      r.integer("MaxItems", { min: 1, max: 1000 });
      r.string("Marker", { min: 1 });
      r.done();
      const role = store.requireRole(ctx.accountId, name);
      return { PolicyNames: store.policies(ctx.accountId, role.name).map((p) => p.policy_name), IsTruncated: false };
    },

    TagRole(input, ctx) {
      const { r, name } = roleName(input);
      const tags = readTags(r, true) ?? [];
      r.done();
      store.tag(ctx.accountId, name, tags);
      return {};
    },

    UntagRole(input, ctx) {
      const { r, name } = roleName(input);
      const keys = r.stringList("TagKeys", { required: true, max: 50, item: TAG_KEY }) ?? [];
      r.done();
      store.untag(ctx.accountId, name, keys);
      return {};
    },

    ListRoleTags(input, ctx) {
      const { r, name } = roleName(input);
      r.integer("MaxItems", { min: 1, max: 1000 });
      r.string("Marker", { min: 1 });
      r.done();
      const role = store.requireRole(ctx.accountId, name);
      return { Tags: store.tags(ctx.accountId, role.name), IsTruncated: false };
    },
  };
}
