import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compiledFixtureLab, runBinary } from "../helpers/cli.js";

/** The fixture lab through the real binary, on the in-process sandbox, in a fresh state directory. */
function fixtureArgs(stateDir: string, ...extra: string[]): string[] {
  return [
    "--lab",
    compiledFixtureLab,
    "--state-dir",
    stateDir,
    "--param",
    `worldFile=${join(stateDir, "world.json")}`,
    ...extra,
  ];
}
const fresh = () => mkdtempSync(join(tmpdir(), "genai-lab-exit-"));

describe("exit codes of the real binary", () => {
  it("0 when every step passes; check then passes too", async () => {
    const dir = fresh();
    const run = await runBinary(["run", ...fixtureArgs(dir)]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/▶ Step 1 · Make a thing/);
    expect(run.stdout).toMatch(/Verification checklist — 2\/2 passed · score 3\/3/);
    const check = await runBinary(["check", "--format", "json", ...fixtureArgs(dir)]);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ lab: "fixture-lab", summary: { passed: 2, total: 2 } });
  });

  it("1 when a step fails, with the explanation on stdout", async () => {
    const run = await runBinary(["run", ...fixtureArgs(fresh(), "--param", "fail=action")]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ failed .*\n\s+Unexpected error: the thing factory is closed/);
  });

  it("1 when a check fails: check exits 1 with the evidence", async () => {
    const check = await runBinary(["check", ...fixtureArgs(fresh())]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/✗ fail +1\. The thing exists\n +expected: widget\n +actual: \(nothing\)/);
  });

  it("2 for a parameter the lab does not have", async () => {
    const run = await runBinary(["run", ...fixtureArgs(fresh(), "--param", "colour=red")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--param: the lab has no parameter "colour"/);
  });

  it("130 on Ctrl+C mid-action, leaving a readable progress file", async () => {
    const dir = fresh();
    let sent = false;
    const run = await runBinary(["run", ...fixtureArgs(dir, "--param", "slowMs=60000")], {}, (_chunk, child) => {
      if (!sent && /• Create the thing/.test(_chunk)) {
        sent = true;
        child.kill("SIGINT");
      }
    });
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(/Stopped on request \(Ctrl\+C\)/);
    const progressDir = join(dir, "progress", "fixture-lab");
    const [file] = readdirSync(progressDir);
    const state = JSON.parse(readFileSync(join(progressDir, file!), "utf8")) as {
      steps: Record<string, { outcome: string }>;
    };
    expect(state.steps["make-thing"]?.outcome).toBe("cancelled");
  });
});

describe("sandbox configuration errors", () => {
  it("exit 2 naming GENAI_LAB_SANDBOX_FAULTS for a bad fault setting", async () => {
    const run = await runBinary(["run", ...fixtureArgs(fresh())], { GENAI_LAB_SANDBOX_FAULTS: "gremlins=3" });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^genai-lab: GENAI_LAB_SANDBOX_FAULTS: invalid simulated-fault setting — /);
  });
});
