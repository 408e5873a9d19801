/**
 * A small cross-process lock: a lock file next to the file it guards, held for the few milliseconds of a
 * read-modify-write, holding its owner's token ("pid host random").
 *
 *   acquire   link(private file with our token → lock): atomic, and the lock is never seen half-written
 *   held, stale (owner dead on this host, or older than staleMs)
 *             → under the *breaker* (lock + ".break", taken the same way): re-check that the very same token is
 *               still there and still stale, then rename(our file → lock), an atomic replace
 *   release   under the breaker: unlink the lock only if it still holds our token
 *
 * Why the breaker: "stat, rm, create" let two processes both judge a lock stale and both take it (the second
 * removing the first's fresh lock), and a slow owner's release could delete its successor's lock. While one process
 * holds the breaker and the lock file exists, nothing else can change the lock: acquirers need it absent, takeovers
 * and releases need the breaker. The breaker itself is held for microseconds; one left by a crashed process is
 * judged stale the same way and removed.
 */
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { dirname } from "node:path";

const SLEEP = new Int32Array(new SharedArrayBuffer(4));
const pause = (ms: number): void => void Atomics.wait(SLEEP, 0, 0, ms);

export interface FileLockOptions {
  timeoutMs?: number;
  staleMs?: number;
}

export function withFileLock<T>(lockPath: string, work: () => T, options: FileLockOptions = {}): T {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const staleMs = options.staleMs ?? 10_000;
  mkdirSync(dirname(lockPath), { recursive: true, mode: 0o700 });
  const token = `${process.pid} ${hostname()} ${randomBytes(8).toString("hex")}`;
  const mine = `${lockPath}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(mine, token, { mode: 0o600, flag: "wx" });
  try {
    acquire(lockPath, mine, token, Date.now() + timeoutMs, staleMs);
  } catch (error) {
    rmSync(mine, { force: true });
    throw error;
  }
  rmSync(mine, { force: true });
  try {
    return work();
  } finally {
    release(lockPath, token, staleMs);
  }
}

function acquire(lockPath: string, mine: string, token: string, deadline: number, staleMs: number): void {
  for (;;) {
    if (tryLink(mine, lockPath)) return;
    const seen = readOwner(lockPath);
    if (seen !== undefined && isStale(seen, staleMs) && takeOver(lockPath, mine, seen, token, staleMs)) return;
    if (Date.now() > deadline) {
      throw new Error(`Could not lock ${lockPath} within the time allowed (another genai-lab is writing).`);
    }
    pause(5); // the holder needs milliseconds: a short synchronous pause
  }
}

/** Replaces a stale lock by ours, atomically, if it is still the one judged stale. */
function takeOver(lockPath: string, mine: string, seen: Owner, token: string, staleMs: number): boolean {
  return underBreaker(lockPath, token, staleMs, () => {
    const now = readOwner(lockPath);
    if (now === undefined || now.token !== seen.token || !isStale(now, staleMs)) return false;
    renameSync(mine, lockPath);
    return true;
  });
}

function release(lockPath: string, token: string, staleMs: number): void {
  try {
    underBreaker(lockPath, token, staleMs, () => {
      // Someone took the lock over (we held it past staleMs): it is theirs now, leave it.
      if (readOwner(lockPath)?.token === token) rmSync(lockPath, { force: true });
      return true;
    });
  } catch {
    // The work is done and written; a lock we could not remove goes stale once this process exits.
  }
}

/** Runs `fn` while holding lockPath + ".break" (waiting for it at most a few seconds). */
function underBreaker(lockPath: string, token: string, staleMs: number, fn: () => boolean): boolean {
  const breaker = `${lockPath}.break`;
  const mine = `${breaker}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(mine, token, { mode: 0o600, flag: "wx" });
  try {
    const deadline = Date.now() + 5_000;
    while (!tryLink(mine, breaker)) {
      const holder = readOwner(breaker);
      if (holder !== undefined && isStale(holder, staleMs)) rmSync(breaker, { force: true });
      else if (Date.now() > deadline) throw new Error(`Could not lock ${breaker} (another genai-lab is stuck).`);
      else pause(1);
    }
  } finally {
    rmSync(mine, { force: true });
  }
  try {
    return fn();
  } finally {
    if (readOwner(breaker)?.token === token) rmSync(breaker, { force: true });
  }
}

function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

interface Owner {
  token: string;
  pid: number | undefined;
  host: string | undefined;
  mtimeMs: number;
}

/** The lock's owner, or undefined when there is no lock (older genai-lab versions wrote just a pid). */
function readOwner(path: string): Owner | undefined {
  try {
    const token = readFileSync(path, "utf8").trim();
    const mtimeMs = statSync(path).mtimeMs;
    const [pid, host] = token.split(" ");
    return { token, pid: /^\d+$/.test(pid ?? "") ? Number(pid) : undefined, host, mtimeMs };
  } catch {
    return undefined;
  }
}

/** Stale: its owner process is gone (on this machine), or it is older than any lock is held for. */
function isStale(owner: Owner, staleMs: number): boolean {
  if (Date.now() - owner.mtimeMs > staleMs) return true;
  if (owner.pid === undefined || owner.pid === process.pid) return false;
  if (owner.host !== undefined && owner.host !== hostname()) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
