import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBinary } from "../helpers/cli.js";

const env = { GENAI_LAB_SANDBOX_DELIVERY_DELAY_MS: "0", GENAI_LAB_SANDBOX_FAULTS: "iam-delay=0" };

describe("the whole lab through the real binary, on the sandbox", () => {
  it("run --yes, then check --format json passes all four items; cleanup undoes it; check fails again", async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "genai-lab-e2e-"));
    const common = ["--state-dir", stateDir];

    const run = await runBinary(["run", "--yes", ...common], env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Verification checklist — 4\/4 passed/);

    const check = await runBinary(["check", "--format", "json", ...common], env);
    expect(check.code).toBe(0);
    const report = JSON.parse(check.stdout) as { items: { id: string; status: string }[]; target: { kind: string } };
    expect(report.target.kind).toBe("sandbox");
    expect(report.items.map((item) => [item.id, item.status])).toEqual([
      ["logging-enabled", "pass"],
      ["log-entries-present", "pass"],
      ["insights-returns-results", "pass"],
      ["dashboard-shows-metrics", "pass"],
    ]);

    const vi = await runBinary(["check", "--lang", "vi", ...common], env);
    expect(vi.stdout).toMatch(/Checklist kiểm tra — 4\/4 mục đạt/);

    const plan = await runBinary(["cleanup", "--dry-run", ...common], env);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/GenAI-Monitoring/);
    expect((await runBinary(["check", ...common], env)).code).toBe(0); // the dry run deleted nothing

    const cleanup = await runBinary(["cleanup", "--yes", ...common], env);
    expect(cleanup.code).toBe(0);
    const after = await runBinary(["check", "--format", "json", ...common], env);
    expect(after.code).toBe(1);
    expect((JSON.parse(after.stdout) as { summary: { passed: number } }).summary.passed).toBe(0);
  }, 60_000);
});
