/**
 * The two secrets reports may use, both optional and never written into a report:
 * - the instructor key for signing (HMAC): GENAI_LAB_REPORT_KEY (the key itself) or GENAI_LAB_REPORT_KEY_FILE
 *   (a file holding it; one trailing newline is ignored). At least 16 bytes.
 * - the salt for `--redact`: GENAI_LAB_REDACT_SALT, else a random salt made once per state directory
 *   (<state-dir>/grading/redact-salt, mode 600) so that one grader's reports stay consistent run after run.
 */
import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../../engine/usage-error.js";

export const REPORT_KEY_ENV = "GENAI_LAB_REPORT_KEY";
export const REPORT_KEY_FILE_ENV = "GENAI_LAB_REPORT_KEY_FILE";
export const REDACT_SALT_ENV = "GENAI_LAB_REDACT_SALT";
const MIN_KEY_BYTES = 16;

export function reportKey(env: NodeJS.ProcessEnv): Uint8Array | undefined {
  let key: Buffer | undefined;
  let from = REPORT_KEY_ENV;
  if (env[REPORT_KEY_ENV]) key = Buffer.from(env[REPORT_KEY_ENV], "utf8");
  else if (env[REPORT_KEY_FILE_ENV]) {
    from = `${REPORT_KEY_FILE_ENV} (${env[REPORT_KEY_FILE_ENV]})`;
    try {
      const raw = readFileSync(env[REPORT_KEY_FILE_ENV]);
      key = raw.subarray(0, raw.length - (raw.at(-1) === 0x0a ? (raw.at(-2) === 0x0d ? 2 : 1) : 0));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      throw new UsageError({
        vi: `${from}: không đọc được tệp khoá (${code}).`,
        en: `${from}: cannot read the key file (${code}).`,
      });
    }
  }
  if (key && key.length < MIN_KEY_BYTES) {
    throw new UsageError({
      vi: `${from}: khoá quá ngắn (${key.length} byte); cần ít nhất ${MIN_KEY_BYTES}, ví dụ tạo bằng: openssl rand -hex 32`,
      en: `${from}: the key is too short (${key.length} bytes); use at least ${MIN_KEY_BYTES}, e.g. from: openssl rand -hex 32`,
    });
  }
  return key;
}

export function saltPath(stateDir: string): string {
  return join(stateDir, "grading", "redact-salt");
}

const MIN_SALT_BYTES = 16;

export function redactSalt(env: NodeJS.ProcessEnv, stateDir: string): Uint8Array {
  const given = env[REDACT_SALT_ENV];
  if (given !== undefined) return checkedSalt(Buffer.from(given, "utf8"), REDACT_SALT_ENV);
  const path = saltPath(stateDir);
  if (!existsSync(path)) {
    mkdirSync(join(stateDir, "grading"), { recursive: true, mode: 0o700 });
    // Written whole to a temporary file, then linked into place: a second grader racing this one either finds
    // no salt or a complete one (link fails if the first got there), never an empty file.
    const temp = `${path}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
    writeFileSync(temp, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600 });
    try {
      linkSync(temp, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      rmSync(temp, { force: true });
    }
  }
  return checkedSalt(Buffer.from(readFileSync(path, "utf8").trim(), "utf8"), path);
}

/** A short salt makes account hashes easy to reverse: refuse it, naming where it came from. */
function checkedSalt(salt: Buffer, source: string): Uint8Array {
  if (salt.length < MIN_SALT_BYTES) {
    throw new UsageError({
      vi: `${source}: salt để che account ID phải dài ít nhất ${MIN_SALT_BYTES} byte (đang có ${salt.length}). Ví dụ: export ${REDACT_SALT_ENV}="$(openssl rand -hex 32)".`,
      en: `${source}: the redaction salt must be at least ${MIN_SALT_BYTES} bytes (it has ${salt.length}). For example: export ${REDACT_SALT_ENV}="$(openssl rand -hex 32)".`,
    });
  }
  return salt;
}
