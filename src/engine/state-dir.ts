import { createHash } from "node:crypto";
import { homedir } from "node:os";
import { join } from "node:path";
import type { TargetInfo } from "./contract.js";

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

/** One progress file per lab and target (kind + account + Region; plus the endpoint for custom endpoints). */
export function progressPath(stateDir: string, labId: string, target: TargetInfo): string {
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
