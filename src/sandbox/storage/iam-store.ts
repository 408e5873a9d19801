import { AwsError } from "../errors.js";
import type { Db } from "./db.js";

export interface RoleRow {
  account_id: string;
  name: string;
  role_id: string;
  path: string;
  trust_policy: string;
  description: string | null;
  max_session_duration: number;
  created_at: number;
  /** Last change that needs IAM propagation (creation, trust or inline policy change). */
  changed_at: number;
}

export const roleArn = (r: Pick<RoleRow, "account_id" | "path" | "name">): string =>
  `arn:aws:iam::${r.account_id}:role${r.path}${r.name}`;

export const noSuchRole = (name: string): AwsError =>
  new AwsError("NoSuchEntity", `The role with name ${name} cannot be found.`, { status: 404 });

export const noSuchRolePolicy = (policyName: string): AwsError =>
  new AwsError("NoSuchEntity", `The role policy with name ${policyName} cannot be found.`, { status: 404 });

/** IAM roles with their inline policies and tags; global per account (no Region). */
export class IamStore {
  readonly #db: Db;
  readonly #q;

  constructor(db: Db) {
    this.#db = db;
    this.#q = {
      role: db.prepare("SELECT * FROM iam_roles WHERE account_id = ? AND name = ?"),
      roles: db.prepare("SELECT * FROM iam_roles WHERE account_id = ? ORDER BY name"),
      insertRole: db.prepare(
        `INSERT INTO iam_roles (account_id, name, role_id, path, trust_policy, description, max_session_duration, created_at, changed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      deleteRole: db.prepare("DELETE FROM iam_roles WHERE account_id = ? AND name = ?"),
      setTrust: db.prepare("UPDATE iam_roles SET trust_policy = ?, changed_at = ? WHERE account_id = ? AND name = ?"),
      touch: db.prepare("UPDATE iam_roles SET changed_at = ? WHERE account_id = ? AND name = ?"),
      policy: db.prepare(
        "SELECT document FROM iam_role_policies WHERE account_id = ? AND role_name = ? AND policy_name = ?",
      ),
      policies: db.prepare(
        "SELECT policy_name, document FROM iam_role_policies WHERE account_id = ? AND role_name = ? ORDER BY policy_name",
      ),
      putPolicy: db.prepare(
        "INSERT OR REPLACE INTO iam_role_policies (account_id, role_name, policy_name, document) VALUES (?, ?, ?, ?)",
      ),
      deletePolicy: db.prepare(
        "DELETE FROM iam_role_policies WHERE account_id = ? AND role_name = ? AND policy_name = ?",
      ),
      tags: db.prepare(
        "SELECT key, value FROM iam_role_tags WHERE account_id = ? AND role_name = ? ORDER BY position, key",
      ),
      putTag: db.prepare(
        `INSERT INTO iam_role_tags (account_id, role_name, key, value, position) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (account_id, role_name, key) DO UPDATE SET value = excluded.value`,
      ),
      deleteTag: db.prepare("DELETE FROM iam_role_tags WHERE account_id = ? AND role_name = ? AND key = ?"),
      deleteTags: db.prepare("DELETE FROM iam_role_tags WHERE account_id = ? AND role_name = ?"),
      maxTagPos: db.prepare(
        "SELECT COALESCE(MAX(position), 0) AS p FROM iam_role_tags WHERE account_id = ? AND role_name = ?",
      ),
    };
  }

  role(accountId: string, name: string): RoleRow | undefined {
    return this.#q.role.get(accountId, name) as RoleRow | undefined;
  }

  requireRole(accountId: string, name: string): RoleRow {
    const r = this.role(accountId, name);
    if (r === undefined) throw noSuchRole(name);
    return r;
  }

  roles(accountId: string): RoleRow[] {
    return this.#q.roles.all(accountId) as RoleRow[];
  }

  createRole(row: RoleRow, tags: readonly { Key: string; Value: string }[]): void {
    this.#db
      .transaction(() => {
        if (this.role(row.account_id, row.name) !== undefined) {
          throw new AwsError("EntityAlreadyExists", `Role with name ${row.name} already exists.`, { status: 409 });
        }
        this.#q.insertRole.run(
          row.account_id,
          row.name,
          row.role_id,
          row.path,
          row.trust_policy,
          row.description,
          row.max_session_duration,
          row.created_at,
          row.changed_at,
        );
        this.#q.deleteTags.run(row.account_id, row.name);
        tags.forEach((t, i) => this.#q.putTag.run(row.account_id, row.name, t.Key, t.Value, i + 1));
      })
      .immediate();
  }

  deleteRole(accountId: string, name: string): void {
    this.#db
      .transaction(() => {
        this.requireRole(accountId, name);
        if (this.policies(accountId, name).length > 0) {
          throw new AwsError("DeleteConflict", "Cannot delete entity, must delete policies first.", { status: 409 });
        }
        this.#q.deleteTags.run(accountId, name);
        this.#q.deleteRole.run(accountId, name);
      })
      .immediate();
  }

  setTrust(accountId: string, name: string, document: string, now: number): void {
    this.requireRole(accountId, name);
    this.#q.setTrust.run(document, now, accountId, name);
  }

  policy(accountId: string, roleName: string, policyName: string): string | undefined {
    return (this.#q.policy.get(accountId, roleName, policyName) as { document: string } | undefined)?.document;
  }

  policies(accountId: string, roleName: string): { policy_name: string; document: string }[] {
    return this.#q.policies.all(accountId, roleName) as { policy_name: string; document: string }[];
  }

  putPolicy(accountId: string, roleName: string, policyName: string, document: string, now: number): void {
    this.#db
      .transaction(() => {
        const role = this.requireRole(accountId, roleName);
        const others = this.policies(accountId, role.name).filter((p) => p.policy_name !== policyName);
        const size =
          others.reduce((n, p) => n + p.document.replace(/\s/g, "").length, 0) + document.replace(/\s/g, "").length;
        if (size > 10_240) {
          throw new AwsError("LimitExceeded", "Maximum policy size of 10240 bytes exceeded for role " + role.name, {
            status: 409,
          });
        }
        this.#q.putPolicy.run(accountId, role.name, policyName, document);
        this.#q.touch.run(now, accountId, role.name);
      })
      .immediate();
  }

  deletePolicy(accountId: string, roleName: string, policyName: string, now: number): void {
    this.#db
      .transaction(() => {
        const role = this.requireRole(accountId, roleName);
        if (this.#q.deletePolicy.run(accountId, role.name, policyName).changes === 0) {
          throw noSuchRolePolicy(policyName);
        }
        this.#q.touch.run(now, accountId, role.name);
      })
      .immediate();
  }

  tags(accountId: string, roleName: string): { Key: string; Value: string }[] {
    return (this.#q.tags.all(accountId, roleName) as { key: string; value: string }[]).map((t) => ({
      Key: t.key,
      Value: t.value,
    }));
  }

  tag(accountId: string, roleName: string, tags: readonly { Key: string; Value: string }[]): void {
    this.#db
      .transaction(() => {
        const role = this.requireRole(accountId, roleName);
        let pos = (this.#q.maxTagPos.get(accountId, role.name) as { p: number }).p;
        for (const t of tags) this.#q.putTag.run(accountId, role.name, t.Key, t.Value, (pos += 1));
        if (this.tags(accountId, role.name).length > 50) {
          throw new AwsError("LimitExceeded", "The number of tags has reached the maximum limit.", { status: 409 });
        }
      })
      .immediate();
  }

  untag(accountId: string, roleName: string, keys: readonly string[]): void {
    this.#db
      .transaction(() => {
        const role = this.requireRole(accountId, roleName);
        for (const k of keys) this.#q.deleteTag.run(accountId, role.name, k);
      })
      .immediate();
  }
}
