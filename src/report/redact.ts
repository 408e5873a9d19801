/**
 * `--redact` for reports: every AWS account id (12 digits standing alone, in ARNs too) becomes a salted hash,
 * `acct-` + the first 16 hex digits of HMAC-SHA256(salt, accountId). The same account under the same salt always
 * maps to the same token, so a class's reports still line up; an instructor who knows the roster and the salt maps
 * tokens back by computing them (docs/grading.md). Without the salt a 12-digit id cannot be guessed from its token
 * by trying all 10^12 of them — with it, it can, so the salt is a course secret, not a password.
 */
import { createHmac } from "node:crypto";
import { mapStrings } from "../engine/redact.js";
import { keyId } from "./integrity.js";

/** Not inside a longer word or a UUID (whose last group may be 12 digits by chance). */
const ACCOUNT = /(?<![\w-])\d{12}(?![\w-])/g;

export interface Redaction {
  method: "HMAC-SHA256";
  /** keyId of the salt: tells which salt a report was redacted with, without revealing it. */
  saltId: string;
}

export function accountToken(accountId: string, salt: Uint8Array): string {
  return `acct-${createHmac("sha256", salt).update(accountId).digest("hex").slice(0, 16)}`;
}

/** Every string in a JSON-like value, account ids hashed. */
export function redactAccounts<T>(value: T, salt: Uint8Array): T {
  return mapStrings(value, (text) => text.replace(ACCOUNT, (id) => accountToken(id, salt)));
}

export function redactionOf(salt: Uint8Array): Redaction {
  return { method: "HMAC-SHA256", saltId: keyId(salt) };
}
