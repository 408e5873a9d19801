/**
 * The sandbox that serves a state directory, found by the learner's terminal: a stable port, a record in
 * <stateDir>/sandbox/server.json (0600, removed on close), stale records (dead process, no health, other data)
 * ignored. Tests never take 4566: the serving sandbox listens on GENAI_LAB_SANDBOX_PORT=0.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startStateSandbox } from "../../src/cli/connect.js";
import {
  findServingSandbox,
  listenOnStablePort,
  registerSandbox,
  servePort,
  STABLE_PORTS,
} from "../../src/cli/sandbox-registry.js";
import { sandboxServerPath } from "../../src/engine/state-dir.js";
import { UsageError } from "../../src/engine/usage-error.js";
import { runCli } from "../helpers/cli.js";

const fresh = () => mkdtempSync(join(tmpdir(), "genai-lab-registry-"));
const serving = (dir: string) => startStateSandbox(dir, { GENAI_LAB_SANDBOX_PORT: "0" }, { serve: true });
const busy = (port: number) => Object.assign(new Error(`listen EADDRINUSE :${port}`), { code: "EADDRINUSE" });

describe("the stable port", () => {
  it("4566 if free, else the next free of 4567–4575, else any", async () => {
    expect(STABLE_PORTS).toEqual([4566, 4567, 4568, 4569, 4570, 4571, 4572, 4573, 4574, 4575]);
    const tried: number[] = [];
    const take = (free: (port: number) => boolean) => (port: number) => {
      tried.push(port);
      return free(port) ? Promise.resolve(port) : Promise.reject(busy(port));
    };
    expect(await listenOnStablePort(take((port) => port >= 4568))).toBe(4568);
    expect(tried).toEqual([4566, 4567, 4568]);
    expect(await listenOnStablePort(take((port) => port === 0))).toBe(0);
    const broken = () => Promise.reject(new Error("database locked"));
    await expect(listenOnStablePort(broken)).rejects.toThrow("database locked");
  });

  it("GENAI_LAB_SANDBOX_PORT pins it (0: any free port); anything else is a usage error naming the variable", () => {
    expect(servePort({})).toBeUndefined();
    expect(servePort({ GENAI_LAB_SANDBOX_PORT: "0" })).toBe(0);
    expect(servePort({ GENAI_LAB_SANDBOX_PORT: "4600" })).toBe(4600);
    expect(() => servePort({ GENAI_LAB_SANDBOX_PORT: "http" })).toThrow(UsageError);
    expect(() => servePort({ GENAI_LAB_SANDBOX_PORT: "70000" })).toThrow(/GENAI_LAB_SANDBOX_PORT: "70000"/);
  });
});

describe("the registry: <stateDir>/sandbox/server.json", () => {
  it("a serving sandbox records itself (0600) and removes the record when it closes", async () => {
    const dir = fresh();
    const sandbox = await serving(dir);
    const path = sandboxServerPath(dir);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const record = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
    expect(record).toMatchObject({
      endpoint: sandbox.endpoint,
      pid: process.pid,
      dbPath: join(dir, "sandbox", "sandbox.db"),
      instance: sandbox.instanceId,
    });
    expect(await findServingSandbox(dir)).toMatchObject({ endpoint: sandbox.endpoint });
    await sandbox.close();
    expect(() => statSync(path)).toThrow(/ENOENT/);
    expect(await findServingSandbox(dir)).toBeUndefined();
  });

  it("ignores a stale record: a dead process, a port that no longer answers, another sandbox there, a damaged file", async () => {
    const dir = fresh();
    const path = sandboxServerPath(dir);
    mkdirSync(join(dir, "sandbox"), { recursive: true });
    const live = await serving(fresh()); // serves another state directory
    const record = (over: Record<string, unknown>) =>
      JSON.stringify({
        endpoint: live.endpoint,
        pid: process.pid,
        startedAt: "t",
        dbPath: join(dir, "sandbox", "sandbox.db"),
        instance: live.instanceId,
        ...over,
      });
    try {
      writeFileSync(path, record({})); // the control: that sandbox, alive and answering as recorded
      expect(await findServingSandbox(dir)).toMatchObject({ endpoint: live.endpoint });
      const dead = spawnSync(process.execPath, ["-e", ""]).pid;
      writeFileSync(path, record({ pid: dead }));
      expect(await findServingSandbox(dir)).toBeUndefined();
      writeFileSync(path, record({ endpoint: "http://127.0.0.1:9" })); // nothing listens there
      expect(await findServingSandbox(dir)).toBeUndefined();
      // The process lives and the port answers, but as another sandbox (e.g. another state directory's, restarted).
      writeFileSync(path, record({ instance: "another-instance" }));
      expect(await findServingSandbox(dir)).toBeUndefined();
      writeFileSync(path, "{ not json");
      expect(await findServingSandbox(dir)).toBeUndefined();
    } finally {
      await live.close();
    }
  });

  it("genai-lab sandbox registers the same way (not with --in-memory: that serves other data), and withdraws on stop", async () => {
    const dir = fresh();
    const stop = new AbortController();
    const running = runCli(["sandbox", "--port", "0", "--state-dir", dir], {}, stop.signal);
    for (let i = 0; i < 200 && !existsSync(sandboxServerPath(dir)); i++) await new Promise((r) => setTimeout(r, 25));
    const record = await findServingSandbox(dir);
    expect(record?.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const env = await runCli(["env", "--state-dir", dir, "--shell", "bash"]);
    expect(env.stdout).toContain(`export AWS_ENDPOINT_URL=${record!.endpoint}\n`);
    stop.abort();
    expect((await running).code).toBe(0);
    expect(existsSync(sandboxServerPath(dir))).toBe(false);

    const memory = fresh();
    const stopMemory = new AbortController();
    const inMemory = runCli(["sandbox", "--port", "0", "--in-memory", "--state-dir", memory], {}, stopMemory.signal);
    await new Promise((r) => setTimeout(r, 500));
    expect(existsSync(sandboxServerPath(memory))).toBe(false);
    stopMemory.abort();
    await inMemory;
  });

  it("never replaces a live record, and a process removes only its own", async () => {
    const dir = fresh();
    const first = await serving(dir);
    const second = await serving(dir); // the same data: the first keeps the record
    try {
      expect(await findServingSandbox(dir)).toMatchObject({ endpoint: first.endpoint });
      await second.close();
      expect(await findServingSandbox(dir)).toMatchObject({ endpoint: first.endpoint });
      const unregister = await registerSandbox(fresh(), { endpoint: "http://127.0.0.1:1", instanceId: "other" });
      unregister(); // another directory's record: nothing of this one is touched
      expect(await findServingSandbox(dir)).toMatchObject({ endpoint: first.endpoint });
    } finally {
      await first.close();
    }
  });
});
