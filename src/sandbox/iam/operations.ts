import { stableId } from "../auth/identity.js";
import type { CallContext } from "../context.js";
import { AwsError } from "../errors.js";
import type { OperationHandler } from "../server/types.js";
import type { IamStore, RoleRow } from "../storage/iam-store.js";
import { noSuchRolePolicy, roleArn } from "../storage/iam-store.js";
import type { IamUserStore } from "../storage/iam-users.js";
import type { InputReader } from "../validate/input.js";
import {
  checkDocument,
  DOCUMENT,
  encodePolicy,
  NAME,
  page,
  PATH,
  POLICY_NAME,
  reader,
  readPage,
  readTags,
  TAG_KEY,
} from "./common.js";
import { userOperations } from "./users.js";

/** IAM's quota on a trust policy, whitespace not counted (the same on CreateRole and UpdateAssumeRolePolicy). */
function checkTrustSize(document: string): void {
  if (document.replace(/\s/g, "").length > 2048) {
    throw new AwsError("LimitExceeded", "Cannot exceed quota for ACLSizePerRole: 2048", { status: 409 });
  }
}

/**
 * A role as each call answers it: CreateRole without MaxSessionDuration, GetRole with MaxSessionDuration, Tags and
 * RoleLastUsed, ListRoles with MaxSessionDuration but no Tags (recorded by LocalStack: tests/aws/services/iam/
 * test_iam.snapshot.json, test_create_describe_role and test_role_with_tags).
 */
function describeRole(store: IamStore, r: RoleRow, call: "create" | "get" | "list"): Record<string, unknown> {
  const tags = call === "list" ? [] : store.tags(r.account_id, r.name);
  return {
    Path: r.path,
    RoleName: r.name,
    RoleId: r.role_id,
    Arn: roleArn(r),
    CreateDate: new Date(r.created_at - (r.created_at % 1000)),
    AssumeRolePolicyDocument: encodePolicy(r.trust_policy),
    Description: r.description ?? undefined,
    MaxSessionDuration: call === "create" ? undefined : r.max_session_duration,
    Tags: tags.length > 0 ? tags : undefined,
    RoleLastUsed: call === "get" ? {} : undefined,
  };
}

export function iamOperations(store: IamStore, users: IamUserStore): Record<string, OperationHandler> {
  const roleName = (input: Record<string, unknown>): { r: InputReader; name: string } => {
    const r = reader(input);
    return { r, name: r.string("RoleName", { ...NAME, required: true }) ?? "" };
  };
  return {
    ...userOperations(users),

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
      checkTrustSize(trust);
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
      return { Role: describeRole(store, store.requireRole(ctx.accountId, name), "create") };
    },

    GetRole(input, ctx) {
      const { r, name } = roleName(input);
      r.done();
      return { Role: describeRole(store, store.requireRole(ctx.accountId, name), "get") };
    },

    ListRoles(input, ctx) {
      const r = reader(input);
      const prefix = r.string("PathPrefix", { min: 1, max: 512 }) ?? "/";
      const paging = readPage(r);
      r.done();
      const roles = store.roles(ctx.accountId).filter((role) => role.path.startsWith(prefix));
      const { items, ...rest } = page(roles, paging);
      return { Roles: items.map((role) => describeRole(store, role, "list")), ...rest };
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
      checkTrustSize(doc);
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
      const paging = readPage(r);
      r.done();
      const role = store.requireRole(ctx.accountId, name);
      const { items, ...rest } = page(store.policies(ctx.accountId, role.name), paging);
      return { PolicyNames: items.map((p) => p.policy_name), ...rest };
    },

    /** The sandbox has no managed policies, so a role has none attached. */
    ListAttachedRolePolicies(input, ctx) {
      const { r, name } = roleName(input);
      r.string("PathPrefix", { min: 1, max: 512 });
      const paging = readPage(r);
      r.done();
      store.requireRole(ctx.accountId, name);
      const { items, ...rest } = page([], paging);
      return { AttachedPolicies: items, ...rest };
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
      const paging = readPage(r);
      r.done();
      const role = store.requireRole(ctx.accountId, name);
      const { items, ...rest } = page(store.tags(ctx.accountId, role.name), paging);
      return { Tags: items, ...rest };
    },
  };
}
