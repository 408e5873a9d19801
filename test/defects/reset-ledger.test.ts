/**
 * Issue 11 item 16: reset could strand AWS resources. The prompt listed "us-east-1" as if it were a resource;
 * `reset --yes` on a damaged file dropped the ledger; after a reset the lab's own log group, role and logging
 * configuration counted as "already there" and were never cleaned up, and cleanup would "restore the previous
 * body" of the lab's own old dashboard. Now reset keeps the ledger unless told --forget-resources (after a warning
 * naming what becomes untracked), moves a damaged file aside, and the lab recognises its own resources by their
 * tag (its dashboard by its text widget) after a reset.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { sandboxResources } from "../helpers/lab-session.js";
import { runCli } from "../helpers/cli.js";
import { SANDBOX_ENV } from "./real-tui.js";
import { withStateSandbox } from "./state-sandbox.js";
import { tempDirs } from "./temp-dirs.js";

const fresh = tempDirs("genai-lab-reset-");
const cli = (stateDir: string, ...args: string[]) => runCli([...args, "--state-dir", stateDir], SANDBOX_ENV);

const resources = (stateDir: string) => withStateSandbox(stateDir, sandboxResources);

const NOTHING = { logGroups: [], roles: [], logging: null, dashboards: [] };

function progressFile(stateDir: string): string {
  const dir = `${stateDir}/progress/monitoring-genai`;
  const name = readdirSync(dir).find((file) => /^sandbox-\d+-us-east-1\.json$/.test(file));
  return `${dir}/${name}`;
}

describe("reset", () => {
  it("names the resources it keeps tracking (not a bare Region), keeps the ledger, and cleanup still removes all", async () => {
    const stateDir = fresh();
    expect((await cli(stateDir, "run", "--yes")).code).toBe(0);
    const asked = await cli(stateDir, "reset");
    expect(asked.code).toBe(1); // no terminal to answer on: declined, nothing changed
    expect(asked.stderr).toContain("the invocation logging configuration in us-east-1");
    expect(asked.stderr).toContain("IAM role GenAILabBedrockLoggingRole");
    expect(asked.stderr).not.toMatch(/\(.*, us-east-1[,)]/);
    const vi = await cli(stateDir, "reset", "--lang", "vi");
    expect(vi.stderr).toContain("cấu hình invocation logging ở us-east-1");
    expect(vi.stderr).toContain("cleanup vẫn xoá được chúng");

    const done = await cli(stateDir, "reset", "--yes");
    expect(done.code).toBe(0);
    expect(done.stdout).toContain("genai-lab cleanup can still remove them");
    const progress = JSON.parse(readFileSync(progressFile(stateDir), "utf8"));
    expect(progress.steps).toEqual({});
    expect(progress.completion).toBeUndefined();
    expect(progress.ledger.filter((e: { state: string }) => e.state === "created").length).toBeGreaterThanOrEqual(5);

    expect((await cli(stateDir, "cleanup", "--yes")).code).toBe(0);
    expect(await resources(stateDir)).toEqual(NOTHING);
  }, 120_000);

  it("moves a damaged progress file aside instead of deleting it", async () => {
    const stateDir = fresh();
    expect((await cli(stateDir, "run", "--yes", "--step", "1")).code).toBe(0);
    const path = progressFile(stateDir);
    const damaged = readFileSync(path, "utf8").slice(0, 200);
    writeFileSync(path, damaged);
    const result = await cli(stateDir, "reset", "--yes");
    expect(result.code).toBe(0);
    expect(existsSync(path)).toBe(false);
    const aside = readdirSync(dirname(path)).find((file) => file.includes(".damaged-"));
    expect(aside).toBeDefined();
    expect(readFileSync(`${dirname(path)}/${aside}`, "utf8")).toBe(damaged);
    expect(result.stdout).toContain(aside);
  }, 60_000);

  it("with --forget-resources warns what becomes untracked; run again, the lab knows its own resources by their tag", async () => {
    const stateDir = fresh();
    expect((await cli(stateDir, "run", "--yes")).code).toBe(0);
    const warned = await cli(stateDir, "reset", "--forget-resources");
    expect(warned.stderr).toContain("Then genai-lab no longer tracks");
    expect(warned.stderr).toContain("log group /aws/bedrock/model-invocations");
    expect(warned.stderr).toContain("dashboard GenAI-Monitoring");
    expect((await cli(stateDir, "reset", "--yes", "--forget-resources")).code).toBe(0);

    const again = await cli(stateDir, "run", "--yes");
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain("was already there and was not created by the lab");
    expect(again.stdout).not.toContain("not created by the lab");
    const plan = await cli(stateDir, "cleanup", "--dry-run");
    expect(plan.stdout).not.toContain("restore its previous body");
    expect(plan.stdout).toMatch(/Log group\s+\/aws\/bedrock\/model-invocations/);
    expect(plan.stdout).toMatch(/IAM role\s+GenAILabBedrockLoggingRole/);
    expect(plan.stdout).toMatch(/Invocation logging configuration\s+us-east-1\s+delete \(logging off\)/);
    expect(plan.stdout).toMatch(/CloudWatch dashboard\s+GenAI-Monitoring\s+delete/);
    expect((await cli(stateDir, "cleanup", "--yes")).code).toBe(0);
    expect(await resources(stateDir)).toEqual(NOTHING);
  }, 120_000);
});
