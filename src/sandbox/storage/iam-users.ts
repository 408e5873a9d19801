/**
 * IAM users of the sandbox: each account has exactly one, the simulated user its access keys belong to
 * (genai-lab-sandbox), first seen — and so "created" — the first time an IAM user call names it. Its inline
 * policies are stored and answered as IAM does; the sandbox does not enforce them.
 */
import { SANDBOX_USER_NAME } from "../auth/identity.js";
import { AwsError } from "../errors.js";
import type { Db } from "./db.js";

export interface UserRow {
  name: string;
  created_at: number;
}

export const noSuchUser = (name: string): AwsError =>
  new AwsError("NoSuchEntity", `The user with name ${name} cannot be found.`, { status: 404 });

export const noSuchUserPolicy = (policyName: string): AwsError =>
  new AwsError("NoSuchEntity", `The user policy with name ${policyName} cannot be found.`, { status: 404 });

/** IAM's quota: a user's inline policies together, whitespace not counted. */
const USER_POLICY_LIMIT = 2048;

export class IamUserStore {
  readonly #db: Db;
  readonly #q;

  constructor(db: Db) {
    this.#db = db;
    this.#q = {
      user: db.prepare("SELECT name, created_at FROM iam_users WHERE account_id = ? AND name = ?"),
      insertUser: db.prepare("INSERT OR IGNORE INTO iam_users (account_id, name, created_at) VALUES (?, ?, ?)"),
      policy: db.prepare(
        "SELECT document FROM iam_user_policies WHERE account_id = ? AND user_name = ? AND policy_name = ?",
      ),
      policies: db.prepare(
        "SELECT policy_name, document FROM iam_user_policies WHERE account_id = ? AND user_name = ? ORDER BY policy_name",
      ),
      putPolicy: db.prepare(
        "INSERT OR REPLACE INTO iam_user_policies (account_id, user_name, policy_name, document) VALUES (?, ?, ?, ?)",
      ),
      deletePolicy: db.prepare(
        "DELETE FROM iam_user_policies WHERE account_id = ? AND user_name = ? AND policy_name = ?",
      ),
    };
  }

  /** The user of that name (names are case-insensitive), or NoSuchEntity. */
  requireUser(accountId: string, name: string, now: number): UserRow {
    if (name.toLowerCase() !== SANDBOX_USER_NAME) throw noSuchUser(name);
    this.#q.insertUser.run(accountId, SANDBOX_USER_NAME, now);
    return this.#q.user.get(accountId, SANDBOX_USER_NAME) as UserRow;
  }

  policy(accountId: string, userName: string, policyName: string): string | undefined {
    return (this.#q.policy.get(accountId, userName, policyName) as { document: string } | undefined)?.document;
  }

  policies(accountId: string, userName: string): { policy_name: string; document: string }[] {
    return this.#q.policies.all(accountId, userName) as { policy_name: string; document: string }[];
  }

  putPolicy(accountId: string, user: UserRow, policyName: string, document: string): void {
    this.#db
      .transaction(() => {
        const others = this.policies(accountId, user.name).filter((p) => p.policy_name !== policyName);
        const size = [...others.map((p) => p.document), document].reduce((n, d) => n + d.replace(/\s/g, "").length, 0);
        if (size > USER_POLICY_LIMIT) {
          throw new AwsError(
            "LimitExceeded",
            `Maximum policy size of ${USER_POLICY_LIMIT} bytes exceeded for user ${user.name}`,
            { status: 409 },
          );
        }
        this.#q.putPolicy.run(accountId, user.name, policyName, document);
      })
      .immediate();
  }

  deletePolicy(accountId: string, user: UserRow, policyName: string): void {
    if (this.#q.deletePolicy.run(accountId, user.name, policyName).changes === 0) throw noSuchUserPolicy(policyName);
  }
}
