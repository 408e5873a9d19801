/**
 * Grading a class of 50 simulated learners on one sandbox, through the real `check --accounts` command: 25 did the
 * whole lab, 15 part of it, 10 cannot be graded (no grader role, a role that trusts someone else, a wrong secret
 * key, an unknown key id). The gradebook CSV is asserted exactly, row by row.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { builtInLabDir, loadLab } from "../../src/engine/loader.js";
import { sandboxDbPath } from "../../src/engine/state-dir.js";
import { checkIntegrity, seal } from "../../src/report/integrity.js";
import { startSandbox } from "../../src/sandbox/index.js";
import { runCli } from "../helpers/cli.js";
import { classOf50, credentialsFile, GRADER_ROLE, prepareClass, rosterCsv, type Learner } from "./class-fixture.js";

const learners = classOf50();
const dir = mkdtempSync(join(tmpdir(), "genai-lab-class-"));
const env = { GENAI_LAB_SANDBOX_FAULTS: "iam-delay=0", GENAI_LAB_SANDBOX_DELIVERY_DELAY_MS: "0" };
const common = ["--state-dir", dir, "--accounts", join(dir, "class.csv"), "--lang", "en"];

beforeAll(async () => {
  const lab = await loadLab(builtInLabDir(), "ts");
  const sandbox = await startSandbox({
    port: 0,
    dbPath: sandboxDbPath(dir),
    deliveryDelayMs: 0,
    faults: { iamPropagationMs: 0 },
    env: {},
    streamTimeScale: 0.02,
  });
  try {
    await prepareClass(sandbox, lab, learners);
  } finally {
    await sandbox.close();
  }
  writeFileSync(join(dir, "class.csv"), rosterCsv(learners));
  writeFileSync(join(dir, "credentials"), credentialsFile(learners));
  // The SDK reads profiles from the process environment: point it at this class's file only.
  vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", join(dir, "credentials"));
}, 120_000);
afterAll(() => vi.unstubAllEnvs());

function expectedRow(l: Learner): string {
  const role = `arn:aws:iam::${l.account}:role/${GRADER_ROLE}`;
  const row = (cells: string, score: string, outcome: string, problem = "") =>
    // Then the v3 columns: mode, done_by and hints per item — all unknown when graded away from the learner's machine.
    `${l.name},${l.account},us-east-1,${cells},${score},${outcome},${problem},,,,,,,,,`;
  switch (l.scenario) {
    case "complete":
      return row("pass,pass,pass,pass", "4,4,100", "complete");
    case "logging-only":
      return row("pass,fail,fail,fail", "1,4,25", "partial");
    case "no-dashboard":
      return row("pass,pass,pass,fail", "3,4,75", "partial");
    case "no-role":
    case "wrong-trust":
      return row(
        "error,error,error,error",
        "0,4,0",
        "unreachable",
        `AccessDenied: Could not assume the grader role ${role} (AccessDenied).`,
      );
    case "wrong-secret":
      return row(
        "error,error,error,error",
        "0,4,0",
        "unreachable",
        `SignatureDoesNotMatch: The credentials of profile ${l.name} were refused (SignatureDoesNotMatch).`,
      );
    case "unknown-key":
      return row(
        "error,error,error,error",
        "0,4,0",
        "unreachable",
        `InvalidClientTokenId: The credentials of profile ${l.name} were refused (InvalidClientTokenId).`,
      );
  }
}

describe("check --accounts: a class of 50 on the sandbox", () => {
  it("grades everyone, tolerates the broken ones, and writes the exact gradebook", async () => {
    const started = Date.now();
    const result = await runCli(
      ["check", ...common, "--format", "csv", "--concurrency", "8", "--region", "us-east-1"],
      env,
    );
    const elapsed = Date.now() - started;
    expect(result.code, result.stderr).toBe(1);
    const ids = ["logging-enabled", "log-entries-present", "insights-returns-results", "dashboard-shows-metrics"];
    const header = `learner,account,region,${ids.join(",")},score,max_score,percent,outcome,problem,mode,${ids.map((id) => `${id}.done_by`).join(",")},${ids.map((id) => `${id}.hints`).join(",")}`;
    expect(result.stdout.split("\r\n")).toEqual([header, ...learners.map(expectedRow), ""]);
    // Progress on stderr: a start line and one line per learner.
    const lines = result.stderr.trim().split("\n");
    expect(lines[0]).toBe("Grading 50 targets, 8 at a time…");
    expect(lines.filter((line) => /^\[\s*\d+\/50\] learner-\d\d /.test(line))).toHaveLength(50);
    console.log(`graded 50 accounts in ${elapsed} ms`);
  }, 120_000);

  it("--format json, 40 at a time: a sealed gradebook whose learner reports carry request ids and verify on their own", async () => {
    const out = join(dir, "class.json");
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on("warning", onWarning);
    const result = await runCli(["check", ...common, "--format", "json", "--out", out, "--concurrency", "40"], env);
    await new Promise((resolve) => setImmediate(resolve));
    process.off("warning", onWarning);
    // 40 runners at once must not pile listeners onto one AbortSignal.
    expect(warnings.filter((w) => w.startsWith("MaxListenersExceededWarning"))).toEqual([]);
    expect(result.code).toBe(1);
    // With --out, stdout shows the matrix for people.
    expect(result.stdout).toMatch(
      /^Monitoring GenAI applications with CloudWatch — Verification checklist\n50 learners · 25 complete · 15 partial · 0 no points · 10 not graded · mean 64\.5%\n/,
    );
    expect(result.stdout).toContain("\n  1   learner-01  100000000001  ✓  ✓  ✓  ✓  4/4    100\n");
    const book = JSON.parse(readFileSync(out, "utf8")) as {
      kind: string;
      targets: { target: { principal?: string }; items: { requests: { requestId: string | null }[] }[] }[];
    };
    expect(book.kind).toBe("gradebook");
    expect(checkIntegrity(book as never)).toEqual({ ok: true, signature: "absent" });
    const first = book.targets[0]!;
    expect(first.target.principal).toBe(`arn:aws:sts::100000000001:assumed-role/${GRADER_ROLE}/genai-lab-grader`);
    for (const item of first.items) {
      expect(item.requests.length).toBeGreaterThan(0);
      for (const r of item.requests) expect(r.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
    const verify = await runCli(["verify-report", out]);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    expect(verify.stdout).toContain("monitoring-genai · 50 learners, mean 64.5%");
    // A forger who raises one learner's item and reseals only the outer gradebook is caught by the inner seal.
    const forged = JSON.parse(readFileSync(out, "utf8")) as { targets: { items: { status: string }[] }[] };
    forged.targets[40]!.items[0]!.status = "pass";
    writeFileSync(join(dir, "forged.json"), JSON.stringify(seal(forged)));
    const caught = await runCli(["verify-report", join(dir, "forged.json")]);
    expect(caught.code).toBe(1);
    expect(caught.stdout).toMatch(
      /^✗ edited: .*forged\.json — 1 of 50 learner reports were edited\n {2}targets\[40\] learner-41: the content does not match the SHA-256 it carries\n$/,
    );
  }, 120_000);

  it("--fail-under: the CI gate passes when every learner reaches the percentage", async () => {
    const partial = learners.filter((l) => l.scenario === "no-dashboard").slice(0, 3);
    writeFileSync(join(dir, "three.csv"), rosterCsv(partial));
    const args = ["check", "--state-dir", dir, "--accounts", join(dir, "three.csv"), "--format", "csv"];
    expect((await runCli([...args, "--fail-under", "75"], env)).code).toBe(0);
    expect((await runCli([...args, "--fail-under", "75.5"], env)).code).toBe(1);
    expect((await runCli(args, env)).code).toBe(1);
  }, 60_000);
});
