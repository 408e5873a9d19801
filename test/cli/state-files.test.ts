/**
 * The state directory is private and stays inside itself: directories 0700, files 0600 (progress, settings, the
 * sandbox database with its -wal/-shm, locks), older 0755/0644 ones tightened quietly, and no answer from an endpoint
 * can make genai-lab write outside it (issue 12 items 4 and 10).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { progressPath, sandboxDbPath } from "../../src/engine/state-dir.js";
import { openDatabase } from "../../src/sandbox/storage/db.js";
import { runCli } from "../helpers/cli.js";

const root = mkdtempSync(join(tmpdir(), "state-files-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);

/** Every directory and file under `dir` with its mode, e.g. { "progress": "700", "settings.json": "600" }. */
function modes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string): void => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      out[rel] = mode(join(dir, rel));
      if (entry.isDirectory()) walk(rel);
    }
  };
  walk("");
  return out;
}

describe("state files", () => {
  it("are created private: directories 0700, files 0600", async () => {
    const dir = join(root, "fresh");
    const result = await runCli(["check", "--state-dir", dir, "--format", "json"]);
    expect(result.code).toBe(1); // nothing done yet: the checks fail, but state was written
    expect(mode(dir)).toBe("700");
    const all = modes(dir);
    expect(Object.keys(all)).toEqual(expect.arrayContaining(["sandbox", "sandbox/sandbox.db", "progress"]));
    for (const [path, m] of Object.entries(all)) {
      expect({ path, mode: m }).toEqual({ path, mode: statSync(join(dir, path)).isDirectory() ? "700" : "600" });
    }
  });

  it("tightens what an older version left 0755/0644, quietly, and leaves a shared folder's own mode alone", async () => {
    const dir = join(root, "older");
    mkdirSync(join(dir, "progress", "monitoring-genai"), { recursive: true, mode: 0o755 });
    mkdirSync(join(dir, "sandbox"), { mode: 0o755 });
    openDatabase(sandboxDbPath(dir)).close();
    for (const d of [dir, join(dir, "progress"), join(dir, "progress", "monitoring-genai"), join(dir, "sandbox")]) {
      chmodSync(d, 0o755);
    }
    chmodSync(sandboxDbPath(dir), 0o644);
    const result = await runCli(["check", "--state-dir", dir]);
    expect(result.stderr).not.toMatch(/permission|mode|quyền/i);
    expect(mode(dir)).toBe("700");
    expect(mode(join(dir, "progress", "monitoring-genai"))).toBe("700");
    expect(mode(join(dir, "sandbox"))).toBe("700");
    expect(mode(sandboxDbPath(dir))).toBe("600");

    const shared = join(root, "shared");
    mkdirSync(join(shared, "sandbox"), { recursive: true });
    chmodSync(shared, 0o755);
    chmodSync(join(shared, "sandbox"), 0o755);
    writeFileSync(join(shared, "notes.txt"), "the learner's own file");
    await runCli(["check", "--state-dir", shared]);
    expect(mode(shared)).toBe("755");
    expect(mode(join(shared, "sandbox"))).toBe("700");
    expect(mode(join(shared, "notes.txt"))).not.toBe("600");
  });

  it("gives the database's -wal and -shm files the database's 0600", () => {
    const path = join(root, "db", "sandbox.db");
    const db = openDatabase(path);
    try {
      db.exec("CREATE TABLE IF NOT EXISTS t (x); INSERT INTO t VALUES (1)");
      expect([mode(join(root, "db")), mode(path), mode(`${path}-wal`), mode(`${path}-shm`)]).toEqual([
        "700",
        "600",
        "600",
        "600",
      ]);
    } finally {
      db.close();
    }
  });
});

describe("an endpoint's answers", () => {
  it("never choose a path: an Account that is not 12 digits stops the command, and nothing is written outside", async () => {
    // A fake STS whose GetCallerIdentity answers an Account crafted to climb out of the state directory.
    const escape = "/../../../../escape/pwned";
    const server = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { "content-type": "text/xml" });
      res.end(
        `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/x</Arn><UserId>AIDAX</UserId><Account>${escape}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = join(root, "endpoint");
    const dir = join(base, "state");
    try {
      const port = (server.address() as AddressInfo).port;
      const result = await runCli([
        "check",
        "--endpoint-url",
        `http://127.0.0.1:${String(port)}`,
        "--state-dir",
        dir,
        "--lang",
        "en",
      ]);
      expect(existsSync(join(base, "escape"))).toBe(false);
      expect(readdirSync(base)).toEqual(["state"]);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/not the way AWS does/);
    } finally {
      server.close();
    }
  });

  it("are checked again where the progress path is built: account and Region must have their AWS shape", () => {
    const target = { kind: "endpoint" as const, accountId: "123456789012", region: "us-east-1", principalArn: "x" };
    expect(progressPath("/s", "lab", target)).toMatch(/^\/s\/progress\/lab\/endpoint-123456789012-us-east-1\.json$/);
    for (const bad of [
      { accountId: "../../x" },
      { accountId: "12345678901" },
      { region: "../us-east-1" },
      { region: "us-east-1/x" },
    ]) {
      expect(() => progressPath("/s", "lab", { ...target, ...bad })).toThrow(/not valid/);
    }
  });
});
