import { createHash } from "node:crypto";
import { chmodSync, readdirSync } from "node:fs";
import type { Dirent } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import type { TargetInfo } from "./contract.js";
import { UsageError } from "./usage-error.js";

/**
 * --state-dir, else $GENAI_LAB_HOME, else $XDG_STATE_HOME/genai-lab, else ~/.local/state/genai-lab; `source` names
 * which one it was, for messages about a directory that cannot be used.
 */
export function locateStateDir(flag: string | undefined, env: NodeJS.ProcessEnv): { dir: string; source: string } {
  if (flag) return { dir: flag, source: "--state-dir" };
  if (env.GENAI_LAB_HOME) return { dir: env.GENAI_LAB_HOME, source: "GENAI_LAB_HOME" };
  if (env.XDG_STATE_HOME) return { dir: join(env.XDG_STATE_HOME, "genai-lab"), source: "XDG_STATE_HOME" };
  return { dir: join(homedir(), ".local", "state", "genai-lab"), source: "~/.local/state" };
}

export function resolveStateDir(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return locateStateDir(flag, env).dir;
}

/** An AWS account id: exactly 12 digits. */
export const ACCOUNT_ID = /^\d{12}$/;
/** The shape of every AWS Region name (us-east-1, us-gov-west-1, eu-isoe-west-1, cn-north-1…). */
export const REGION_SHAPE = /^[a-z]{2}(-[a-z]+){1,3}-\d{1,2}$/;

/**
 * One progress file per lab and target (kind + account + Region; plus the endpoint for custom endpoints).
 * The account comes from whatever answered GetCallerIdentity: it is checked here too, so that no answer (an
 * "account" of "/../../tmp/x") can ever name a path outside the state directory.
 */
export function progressPath(stateDir: string, labId: string, target: TargetInfo): string {
  if (!ACCOUNT_ID.test(target.accountId) || !REGION_SHAPE.test(target.region)) {
    throw new UsageError({
      vi: `Không lưu được tiến độ: account "${target.accountId.slice(0, 40)}" hoặc Region "${target.region.slice(0, 40)}" không hợp lệ (account phải gồm 12 chữ số).`,
      en: `Cannot keep progress: the account "${target.accountId.slice(0, 40)}" or Region "${target.region.slice(0, 40)}" is not valid (an account id is 12 digits).`,
    });
  }
  const endpoint =
    target.kind === "endpoint" && target.endpoint
      ? `-${createHash("sha256").update(target.endpoint).digest("hex").slice(0, 8)}`
      : "";
  return join(stateDir, "progress", labId, `${target.kind}${endpoint}-${target.accountId}-${target.region}.json`);
}

export function settingsPath(stateDir: string): string {
  return join(stateDir, "settings.json");
}

export function sandboxDbPath(stateDir: string): string {
  return join(stateDir, "sandbox", "sandbox.db");
}

/** Where the sandbox serving this state directory records its endpoint (cli/sandbox-registry.ts). */
export function sandboxServerPath(stateDir: string): string {
  return join(stateDir, "sandbox", "server.json");
}

/** What genai-lab keeps in a state directory. */
const OWN_ENTRIES = new Set(["settings.json", "progress", "sandbox", "grading"]);

/**
 * State is private: directories 0700, files 0600 (new ones are created so). Directories made 0755 by older
 * versions are tightened here, quietly: the lab's own sub-directories and files always, the state directory itself
 * when it is genai-lab's (`ownRoot`: created for it, its default place, or holding nothing but genai-lab's entries).
 */
export function tightenStateDir(stateDir: string, ownRoot: boolean): void {
  const entries = list(stateDir);
  if (ownRoot || entries.every((name) => OWN_ENTRIES.has(name) || name.startsWith("settings.json."))) {
    chmodQuietly(stateDir, 0o700);
  }
  chmodQuietly(settingsPath(stateDir), 0o600);
  for (const dir of ["sandbox", "grading"]) chmodTree(join(stateDir, dir), 1);
  chmodTree(join(stateDir, "progress"), 2);
}

/** chmod 0700 a directory and 0600 its files, `depth` levels down. */
function chmodTree(dir: string, depth: number): void {
  if (!chmodQuietly(dir, 0o700)) return;
  for (const entry of listEntries(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && depth > 1) chmodTree(path, depth - 1);
    else if (entry.isFile()) chmodQuietly(path, 0o600);
  }
}

function chmodQuietly(path: string, mode: number): boolean {
  try {
    chmodSync(path, mode);
    return true;
  } catch {
    return false; // absent, or not ours to change: nothing to tighten
  }
}

function list(dir: string): string[] {
  return listEntries(dir).map((entry) => entry.name);
}

function listEntries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}
