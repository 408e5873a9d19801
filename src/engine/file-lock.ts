/**
 * A small cross-process lock: an exclusive lock file next to the file it guards, held for the few milliseconds of
 * a read-modify-write. A lock left by a crashed process is taken over once it is older than `staleMs`.
 */
import { closeSync, mkdirSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { dirname } from "node:path";

const SLEEP = new Int32Array(new SharedArrayBuffer(4));

export function withFileLock<T>(
  lockPath: string,
  work: () => T,
  options: { timeoutMs?: number; staleMs?: number } = {},
): T {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const staleMs = options.staleMs ?? 10_000;
  mkdirSync(dirname(lockPath), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  let fd: number | undefined;
  while (fd === undefined) {
    try {
      fd = openSync(lockPath, "wx", 0o600);
      writeSync(fd, String(process.pid));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (isStale(lockPath, staleMs)) {
        rmSync(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(`Could not lock ${lockPath} within ${timeoutMs} ms (another genai-lab is writing).`);
      }
      Atomics.wait(SLEEP, 0, 0, 5); // the holder needs milliseconds: a short synchronous pause
    }
  }
  try {
    return work();
  } finally {
    closeSync(fd);
    rmSync(lockPath, { force: true });
  }
}

function isStale(lockPath: string, staleMs: number): boolean {
  try {
    return Date.now() - statSync(lockPath).mtimeMs > staleMs;
  } catch {
    return false; // gone already: try again
  }
}
