/**
 * The sandbox that serves a state directory, for the learner's own terminal. The TUI's in-process sandbox (and
 * `genai-lab sandbox`) listens on a stable loopback port — 4566 if free, else the next free of 4567–4575, else any
 * — and records itself in `<stateDir>/sandbox/server.json` ({ endpoint, pid, startedAt, dbPath, instance }, mode
 * 0600, removed on close). `genai-lab env` reads it to print the lines that point the AWS CLI and boto3 at the same
 * world the lab checks. An entry is trusted only while its process lives and its health endpoint answers as the
 * recorded instance (a random id; the health endpoint shows no local path): a crash leaves a stale file, and another
 * program, or another directory's sandbox, may have the port since.
 */
import { readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { writeFileAtomic } from "../engine/atomic-file.js";
import { sandboxDbPath, sandboxServerPath } from "../engine/state-dir.js";
import { UsageError } from "../engine/usage-error.js";

/** 4566 (the port AWS tools know from LocalStack), then the next ten. */
export const STABLE_PORTS: readonly number[] = Array.from({ length: 10 }, (_, i) => 4566 + i);

export interface SandboxRecord {
  endpoint: string;
  pid: number;
  startedAt: string;
  /** The data it serves (absolute), for people reading the file. */
  dbPath: string;
  /** The running sandbox's random id: its health endpoint must report the same. */
  instance: string;
}

export const PORT_ENV = "GENAI_LAB_SANDBOX_PORT";

/**
 * GENAI_LAB_SANDBOX_PORT pins the serving sandbox's port (0: any free port — what tests use, so that they never
 * take 4566 from the learner); undefined when unset.
 */
export function servePort(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env[PORT_ENV]?.trim();
  if (!raw) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError({
      vi: `${PORT_ENV}: "${raw}" phải là số cổng từ 0 đến 65535 (0 = cổng trống bất kỳ).`,
      en: `${PORT_ENV}: "${raw}" must be a port number from 0 to 65535 (0 = any free port).`,
    });
  }
  return port;
}

/** Tries each stable port in turn (a busy one moves on), then any free port. */
export async function listenOnStablePort<T>(start: (port: number) => Promise<T>): Promise<T> {
  for (const port of STABLE_PORTS) {
    try {
      return await start(port);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EADDRINUSE" && code !== "EACCES") throw error;
    }
  }
  return start(0);
}

/** The absolute path of the state directory's sandbox data, as a serving sandbox is started with. */
export function absoluteDbPath(stateDir: string): string {
  return resolve(sandboxDbPath(stateDir));
}

/**
 * Records `endpoint` as the sandbox serving `stateDir`, unless a live one is already recorded (two servers on one
 * state directory serve the same data; the first keeps the entry). Returns what removes the record on close:
 * only this process's own record, never one another process wrote since.
 */
export async function registerSandbox(
  stateDir: string,
  { endpoint, instanceId }: { endpoint: string; instanceId: string },
): Promise<() => void> {
  const path = sandboxServerPath(stateDir);
  if (await findServingSandbox(stateDir)) return () => undefined;
  const record: SandboxRecord = {
    endpoint,
    pid: process.pid,
    startedAt: new Date().toISOString(),
    dbPath: absoluteDbPath(stateDir),
    instance: instanceId,
  };
  writeFileAtomic(path, `${JSON.stringify(record, null, 2)}\n`);
  return () => {
    const current = readRecord(path);
    if (current?.pid === record.pid && current.endpoint === record.endpoint) rmSync(path, { force: true });
  };
}

/** The live sandbox serving this state directory, if any (stale records are ignored, and left for the next writer). */
export async function findServingSandbox(
  stateDir: string,
  options: { timeoutMs?: number } = {},
): Promise<SandboxRecord | undefined> {
  const record = readRecord(sandboxServerPath(stateDir));
  if (!record || !processAlive(record.pid)) return undefined;
  const healthy = await answersAs(record.endpoint, record.instance, options.timeoutMs ?? 1500);
  return healthy ? record : undefined;
}

function readRecord(path: string): SandboxRecord | undefined {
  try {
    const raw = JSON.parse(readFileSync(path, "utf8")) as Partial<SandboxRecord>;
    if (typeof raw.endpoint !== "string" || !Number.isInteger(raw.pid) || typeof raw.instance !== "string")
      return undefined;
    return raw as SandboxRecord;
  } catch {
    return undefined; // missing or damaged: nothing serves (as far as anyone can tell)
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else — alive; ESRCH: gone.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The sandbox's loopback health endpoint answers, as the recorded instance (not another state directory's sandbox). */
async function answersAs(endpoint: string, instance: string, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(`${endpoint}/_sandbox/health`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return false;
    const health = (await response.json()) as { status?: string; instance?: string };
    return health.status === "ok" && health.instance === instance;
  } catch {
    return false;
  }
}
