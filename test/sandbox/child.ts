/**
 * A sandbox in its own process, run from the dist/ build the test run makes (global setup): for tests that kill it
 * (kill -9 durability) or that must keep measuring while its event loop is busy (a request that would freeze it,
 * health latency under load, its RSS).
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SANDBOX_DEFAULTS } from "../../src/sandbox/index.js";

const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));

export const sandboxKeys = {
  accessKeyId: SANDBOX_DEFAULTS.accessKeyId,
  secretAccessKey: SANDBOX_DEFAULTS.secretAccessKey,
};

export function startSandboxChild(dbPath = ":memory:"): Promise<{ child: ChildProcess; endpoint: string }> {
  const child = spawn(process.execPath, ["sandbox-child.js", dbPath], {
    cwd: fixtures,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => reject(new Error(`child did not start: ${err}`)), 30_000);
    child.stderr?.on("data", (c: Buffer) => (err += c.toString()));
    child.stdout?.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, endpoint: m[1] ?? "" });
      }
    });
    child.on("exit", (code) => reject(new Error(`child exited (${String(code)}): ${err}`)));
  });
}

/** The resident set size of a process, in MB (Linux /proc; undefined elsewhere). */
export function rssMb(pid: number | undefined): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${String(pid)}/status`, "utf8"))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/**
 * Polls GET /_sandbox/health every 25 ms until `work` settles and returns the slowest answer's latency in ms. A poll
 * that takes longer than `giveUpMs` counts as `giveUpMs` and stops the polling (the server is not answering).
 */
export async function worstHealthLatency(
  endpoint: string,
  work: Promise<unknown>,
  giveUpMs = 3_000,
): Promise<{ worstMs: number; polls: number }> {
  let settled = false;
  void work.then(
    () => (settled = true),
    () => (settled = true),
  );
  let worstMs = 0;
  let polls = 0;
  while (!settled) {
    const start = performance.now();
    try {
      await fetch(`${endpoint}/_sandbox/health`, { signal: AbortSignal.timeout(giveUpMs) }).then((r) => r.text());
    } catch {
      return { worstMs: giveUpMs, polls: polls + 1 };
    }
    worstMs = Math.max(worstMs, performance.now() - start);
    polls += 1;
    await new Promise((r) => setTimeout(r, 25));
  }
  return { worstMs, polls };
}
