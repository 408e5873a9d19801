import { createHash } from "node:crypto";
import { homedir } from "node:os";
import { join } from "node:path";
import type { TargetInfo } from "./contract.js";

/** --state-dir, else $GENAI_LAB_HOME, else $XDG_STATE_HOME/genai-lab, else ~/.local/state/genai-lab. */
export function resolveStateDir(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  if (flag) return flag;
  if (env.GENAI_LAB_HOME) return env.GENAI_LAB_HOME;
  const xdg = env.XDG_STATE_HOME || join(homedir(), ".local", "state");
  return join(xdg, "genai-lab");
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
