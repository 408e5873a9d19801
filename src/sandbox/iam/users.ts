/**
 * IAM's user calls for the sandbox's simulated users (one per account, genai-lab-sandbox): GetUser and the inline
 * user policies (Put/Get/List/DeleteUserPolicy), with IAM's shapes and errors, so the lab's printed
 * `aws iam put-user-policy --user-name genai-lab-sandbox …` runs as pasted.
 */
import { SANDBOX_USER_NAME, stableId } from "../auth/identity.js";
import type { CallContext } from "../context.js";
import { AwsError } from "../errors.js";
import type { OperationHandler } from "../server/types.js";
import { noSuchUserPolicy } from "../storage/iam-users.js";
import type { IamUserStore, UserRow } from "../storage/iam-users.js";
import { checkDocument, DOCUMENT, encodePolicy, NAME, page, POLICY_NAME, reader, readPage } from "./common.js";

function describeUser(user: UserRow, accountId: string): Record<string, unknown> {
  return {
    Path: "/",
    UserName: user.name,
    UserId: stableId("AIDA", `user:${accountId}`),
    Arn: `arn:aws:iam::${accountId}:user/${user.name}`,
    CreateDate: new Date(user.created_at - (user.created_at % 1000)),
  };
}

/** The user a call names, or — GetUser without a name — the caller, who must then be a user. */
function callerName(ctx: CallContext): string {
  const name = /:user\/(?:.*\/)?([^/]+)$/.exec(ctx.principalArn)?.[1];
  if (name === undefined) {
    throw new AwsError("ValidationError", "Must specify userName when calling with non-User credentials");
  }
  return name;
}

export function userOperations(users: IamUserStore): Record<string, OperationHandler> {
  const userAndPolicy = (
    input: Record<string, unknown>,
    ctx: CallContext,
    withDocument: boolean,
  ): { user: UserRow; policyName: string; document: string } => {
    const r = reader(input);
    const name = r.string("UserName", { ...NAME, max: 128, required: true }) ?? "";
    const policyName = r.string("PolicyName", { ...POLICY_NAME, required: true }) ?? "";
    const document = withDocument ? (r.string("PolicyDocument", { ...DOCUMENT, required: true }) ?? "") : "";
    r.done();
    if (withDocument) checkDocument(document, "identity");
    return { user: users.requireUser(ctx.accountId, name, ctx.now), policyName, document };
  };
  return {
    GetUser(input, ctx) {
      const r = reader(input);
      const name = r.string("UserName", { ...NAME, max: 128 });
      r.done();
      const user = users.requireUser(ctx.accountId, name ?? callerName(ctx), ctx.now);
      return { User: describeUser(user, ctx.accountId) };
    },

    ListUsers(input, ctx) {
      const r = reader(input);
      const prefix = r.string("PathPrefix", { min: 1, max: 512 }) ?? "/";
      const paging = readPage(r);
      r.done();
      // Each account has one user, at the path "/"; ListUsers leaves out tags, as the IAM list calls do.
      const all = "/".startsWith(prefix) ? [users.requireUser(ctx.accountId, SANDBOX_USER_NAME, ctx.now)] : [];
      const { items, ...rest } = page(all, paging);
      return { Users: items.map((user) => describeUser(user, ctx.accountId)), ...rest };
    },

    /** The sandbox has no managed policies, so a user has none attached. */
    ListAttachedUserPolicies(input, ctx) {
      const r = reader(input);
      const name = r.string("UserName", { ...NAME, max: 128, required: true }) ?? "";
      r.string("PathPrefix", { min: 1, max: 512 });
      const paging = readPage(r);
      r.done();
      users.requireUser(ctx.accountId, name, ctx.now);
      const { items, ...rest } = page([], paging);
      return { AttachedPolicies: items, ...rest };
    },

    PutUserPolicy(input, ctx) {
      const { user, policyName, document } = userAndPolicy(input, ctx, true);
      users.putPolicy(ctx.accountId, user, policyName, document);
      return {};
    },

    GetUserPolicy(input, ctx) {
      const { user, policyName } = userAndPolicy(input, ctx, false);
      const document = users.policy(ctx.accountId, user.name, policyName);
      if (document === undefined) throw noSuchUserPolicy(policyName);
      return { UserName: user.name, PolicyName: policyName, PolicyDocument: encodePolicy(document) };
    },

    ListUserPolicies(input, ctx) {
      const r = reader(input);
      const name = r.string("UserName", { ...NAME, max: 128, required: true }) ?? "";
      const paging = readPage(r);
      r.done();
      const user = users.requireUser(ctx.accountId, name, ctx.now);
      const { items, ...rest } = page(users.policies(ctx.accountId, user.name), paging);
      return { PolicyNames: items.map((p) => p.policy_name), ...rest };
    },

    DeleteUserPolicy(input, ctx) {
      const { user, policyName } = userAndPolicy(input, ctx, false);
      users.deletePolicy(ctx.accountId, user, policyName);
      return {};
    },
  };
}
