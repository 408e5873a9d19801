import { randomBytes } from "node:crypto";
import { ID_ALPHABET, stableId } from "../auth/identity.js";
import type { CallContext } from "../context.js";
import { AwsError } from "../errors.js";
import { trustAllows } from "../iam/policy.js";
import type { OperationHandler } from "../server/types.js";
import type { Db } from "../storage/db.js";
import type { IamStore } from "../storage/iam-store.js";
import { roleArn } from "../storage/iam-store.js";
import { InputReader } from "../validate/input.js";
import { readSessionTags, sessionTransitiveTags, tagsSession } from "./session-tags.js";
import type { TagMap } from "./session-tags.js";

const reader = (input: Record<string, unknown>): InputReader =>
  new InputReader(input, {
    code: "ValidationError",
    wire: "query",
    label: (n) => n.charAt(0).toLowerCase() + n.slice(1),
  });

const randomKeyId = (): string => `ASIA${[...randomBytes(16)].map((b) => ID_ALPHABET[b % 32]).join("")}`;

/**
 * An ARN as STS parses it: arn:partition:service:region:account:resource with partition, service and resource
 * present (region and account may be empty). Anything else is "<arn> is invalid" (recorded by LocalStack:
 * tests/aws/services/sts/test_sts.snapshot.json, test_sts_invalid_parameters).
 */
function checkArn(arn: string): void {
  const parts = arn.split(":");
  if (parts.length < 6 || parts[0] !== "arn" || !parts[1] || !parts[2] || parts.slice(5).join(":") === "") {
    throw new AwsError("ValidationError", `${arn} is invalid`);
  }
}

/** STS (AWS Query). Identities come from the request's verified signature. */
export function stsOperations(db: Db, iam: IamStore): Record<string, OperationHandler> {
  const insert = db.prepare(
    `INSERT INTO sts_sessions (access_key_id, secret_access_key, session_token, account_id, principal_arn, user_id, expires_at, transitive_tags)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const prune = db.prepare("DELETE FROM sts_sessions WHERE expires_at < ?");
  // The context names the caller, not its access key: the newest live session of that principal stands for it.
  const callerTags = db.prepare(
    "SELECT transitive_tags FROM sts_sessions WHERE principal_arn = ? AND expires_at > ? ORDER BY expires_at DESC LIMIT 1",
  );
  const inheritedTags = (ctx: CallContext): TagMap => {
    const row = callerTags.get(ctx.principalArn, ctx.now) as { transitive_tags: string } | undefined;
    return row === undefined ? {} : (JSON.parse(row.transitive_tags) as TagMap);
  };
  return {
    GetCallerIdentity(input, ctx) {
      reader(input).done();
      return {
        UserId: ctx.userId ?? stableId("AIDA", `user:${ctx.accountId}`),
        Account: ctx.accountId,
        Arn: ctx.principalArn,
      };
    },

    AssumeRole(input, ctx) {
      const r = reader(input);
      const arn = r.string("RoleArn", { required: true, min: 20, max: 2048 }) ?? "";
      const session =
        r.string("RoleSessionName", {
          required: true,
          min: 2,
          max: 64,
          pattern: /^[\w+=,.@-]*$/,
          patternText: "[\\w+=,.@-]*",
        }) ?? "";
      const duration = r.integer("DurationSeconds", { min: 900, max: 43_200 }) ?? 3600;
      const externalId = r.string("ExternalId", { min: 2, max: 1224 });
      r.string("Policy", { min: 1, max: 2048 });
      const requested = readSessionTags(r);
      r.done();
      checkArn(arn);
      const inherited = inheritedTags(ctx);
      const transitive = sessionTransitiveTags(requested, inherited);
      const denied = (action: string): AwsError =>
        new AwsError(
          "AccessDenied",
          `User: ${ctx.principalArn} is not authorized to perform: ${action} on resource: ${arn}`,
          {
            status: 403,
          },
        );
      const m = /^arn:aws:iam::(\d{12}):role\/(?:[\u0021-\u007E]*\/)?([\w+=,.@-]+)$/.exec(arn);
      const role = m === null ? undefined : iam.role(m[1] ?? "", m[2] ?? "");
      if (role === undefined || roleArn(role) !== arn) throw denied("sts:AssumeRole");
      const context: Record<string, string> = {
        "aws:PrincipalAccount": ctx.accountId,
        "aws:PrincipalArn": ctx.principalArn,
      };
      if (externalId !== undefined) context["sts:ExternalId"] = externalId;
      const who = { account: ctx.accountId, arn: ctx.principalArn };
      if (!trustAllows(role.trust_policy, who, "sts:AssumeRole", context)) throw denied("sts:AssumeRole");
      if (tagsSession(requested, inherited) && !trustAllows(role.trust_policy, who, "sts:TagSession", context)) {
        throw denied("sts:TagSession");
      }
      // Role chaining (a role's session assuming a role) is capped at one hour, whatever the role allows.
      if (ctx.principalArn.includes(":assumed-role/") && duration > 3600) {
        throw new AwsError(
          "ValidationError",
          "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
        );
      }
      if (duration > role.max_session_duration) {
        throw new AwsError(
          "ValidationError",
          "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
        );
      }
      const accessKeyId = randomKeyId();
      const secret = randomBytes(30).toString("base64").replace(/[+/=]/g, "x").slice(0, 40);
      const token = `IQoJb3JpZ2luX2VjE${randomBytes(96).toString("base64")}`;
      const expiresAt = ctx.now + duration * 1000;
      const assumedArn = `arn:aws:sts::${role.account_id}:assumed-role/${role.name}/${session}`;
      const assumedId = `${role.role_id}:${session}`;
      db.transaction(() => {
        prune.run(ctx.now);
        insert.run(
          accessKeyId,
          secret,
          token,
          role.account_id,
          assumedArn,
          assumedId,
          expiresAt,
          JSON.stringify(transitive),
        );
      }).immediate();
      return {
        Credentials: {
          AccessKeyId: accessKeyId,
          SecretAccessKey: secret,
          SessionToken: token,
          Expiration: new Date(expiresAt - (expiresAt % 1000)),
        },
        AssumedRoleUser: { AssumedRoleId: assumedId, Arn: assumedArn },
      };
    },
  };
}
