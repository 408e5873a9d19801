import { createHash } from "node:crypto";
import type { Db } from "../storage/db.js";

export interface SandboxCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Who signed a request. */
export interface CallerIdentity {
  accountId: string;
  /** arn:aws:iam::<account>:user/genai-lab-sandbox, or arn:aws:sts::<account>:assumed-role/<role>/<session>. */
  principalArn: string;
  /** GetCallerIdentity's UserId: AIDA… for the user, AROA…:<session> for an assumed role. */
  userId: string;
  secretAccessKey: string;
  /** Temporary credentials only. */
  sessionToken: string | undefined;
  expiresAt: number | undefined;
}

export const SANDBOX_USER_NAME = "genai-lab-sandbox";

/** The characters of AWS's unique ids and access key ids. */
export const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** A stable, AWS-looking unique id (e.g. AIDA + 17 base32 chars) derived from a seed string. */
export function stableId(prefix: string, seed: string): string {
  const digest = createHash("sha256").update(seed).digest();
  let out = prefix;
  for (let i = 0; out.length < prefix.length + 17; i += 1) out += ID_ALPHABET[(digest[i] ?? 0) % 32];
  return out;
}

function userIdentity(accountId: string, secretAccessKey: string): CallerIdentity {
  return {
    accountId,
    principalArn: `arn:aws:iam::${accountId}:user/${SANDBOX_USER_NAME}`,
    userId: stableId("AIDA", `user:${accountId}`),
    secretAccessKey,
    sessionToken: undefined,
    expiresAt: undefined,
  };
}

/**
 * Maps access key ids to identities: the configured pair → the default account; a key id of exactly 12 digits with
 * the same secret → that account (so graders can simulate many learners); ASIA… keys → STS sessions in the database.
 */
export class IdentityResolver {
  readonly #lookupSession: ReturnType<Db["prepare"]>;

  constructor(
    db: Db,
    readonly credentials: SandboxCredentials,
    readonly defaultAccountId: string,
  ) {
    this.#lookupSession = db.prepare(
      "SELECT secret_access_key, session_token, account_id, principal_arn, user_id, expires_at FROM sts_sessions WHERE access_key_id = ?",
    );
  }

  lookup(accessKeyId: string): CallerIdentity | undefined {
    if (accessKeyId === this.credentials.accessKeyId)
      return userIdentity(this.defaultAccountId, this.credentials.secretAccessKey);
    if (/^\d{12}$/.test(accessKeyId)) return userIdentity(accessKeyId, this.credentials.secretAccessKey);
    if (!accessKeyId.startsWith("ASIA")) return undefined;
    const row = this.#lookupSession.get(accessKeyId) as
      | {
          secret_access_key: string;
          session_token: string;
          account_id: string;
          principal_arn: string;
          user_id: string;
          expires_at: number;
        }
      | undefined;
    if (row === undefined) return undefined;
    return {
      accountId: row.account_id,
      principalArn: row.principal_arn,
      userId: row.user_id,
      secretAccessKey: row.secret_access_key,
      sessionToken: row.session_token,
      expiresAt: row.expires_at,
    };
  }
}
