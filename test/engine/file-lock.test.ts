/**
 * The progress file's lock is held by one process at a time, even when a stale lock (from a crashed process) is
 * there and several processes meet it at the same moment: a takeover is atomic (a second process can never delete
 * the first one's fresh lock) and a release removes only its own lock. Real processes, bounded: 4 processes × 150 trials.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { withFileLock } from "../../src/engine/file-lock.js";

const worker = fileURLToPath(new URL("./fixtures/lock-worker.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "file-lock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A pid that surely belongs to no process any more, as a crashed owner's would. */
const deadPid = spawnSync(process.execPath, ["-e", ""]).pid ?? 999_999;

function staleLock(path: string, content = String(deadPid)): void {
  writeFileSync(path, content);
  const old = new Date(Date.now() - 60_000);
  utimesSync(path, old, old);
}

describe("withFileLock", () => {
  it("loses no update when four processes meet a stale lock at once, 150 times over", async () => {
    const processes = 4;
    const trials = 150;
    const increments = 2;
    for (let t = 0; t < trials; t += 1) {
      writeFileSync(join(dir, `counter-${t}`), "0");
      staleLock(join(dir, `counter-${t}.lock`));
    }
    const slotMs = 20;
    const startAt = Date.now() + 1500; // after every process has loaded
    const exits = Array.from({ length: processes }, () => {
      const child = spawn(
        process.execPath,
        [worker, dir, String(trials), String(increments), String(startAt), String(slotMs)],
        {
          stdio: ["ignore", "ignore", "pipe"],
        },
      );
      let err = "";
      child.stderr.on("data", (c: Buffer) => (err += c.toString()));
      return new Promise<string>((resolve) => child.on("exit", (code) => resolve(`${String(code)} ${err}`)));
    });
    expect(await Promise.all(exits)).toEqual(Array.from({ length: processes }, () => "0 "));
    const counts = Array.from({ length: trials }, (_, t) => Number(readFileSync(join(dir, `counter-${t}`), "utf8")));
    const lost = counts.filter((n) => n !== processes * increments).length;
    expect({ trialsThatLostUpdates: lost }).toEqual({ trialsThatLostUpdates: 0 });
    expect(
      readdirSync(dir).filter((f) => !f.startsWith("counter-") || f.includes(".lock") || f.endsWith(".tmp")),
    ).toEqual([]);
  }, 30_000);

  it("takes over at once from an owner that has exited, and from an old-format lock", () => {
    const path = join(dir, "single.lock");
    staleLock(path);
    expect(withFileLock(path, () => "ran")).toBe("ran");
    expect(existsSync(path)).toBe(false);
    // Fresh, but its owner is gone: no need to wait for staleMs.
    writeFileSync(path, `${String(deadPid)} ${"host"} abc`);
    expect(() => withFileLock(path, () => "ran", { timeoutMs: 200 })).toThrow(/Could not lock/);
    writeFileSync(path, `${String(deadPid)} ${hostnameOf()} abc`);
    expect(withFileLock(path, () => "ran", { timeoutMs: 200 })).toBe("ran");
  });

  it("leaves a live owner's lock alone and does not delete a lock that was taken over from it", () => {
    const path = join(dir, "owner.lock");
    writeFileSync(path, `${String(process.ppid)} ${hostnameOf()} live`);
    expect(() => withFileLock(path, () => "ran", { timeoutMs: 100 })).toThrow(/Could not lock/);
    rmSync(path);
    // While we hold it, a successor takes it over (as if we had been stuck past staleMs): our release keeps theirs.
    withFileLock(path, () => writeFileSync(path, `${String(process.ppid)} ${hostnameOf()} successor`));
    expect(readFileSync(path, "utf8")).toContain("successor");
    rmSync(path);
  });
});

function hostnameOf(): string {
  return spawnSync("hostname", { encoding: "utf8" }).stdout.trim();
}
