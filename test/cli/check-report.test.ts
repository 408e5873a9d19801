/**
 * `check` for one target and `verify-report`, in-process on the sandbox after the real lab ran: request ids per
 * item, sealed reports, tampering, instructor signatures, --redact, --fail-under, usage errors.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { saltPath } from "../../src/cli/grade/secrets.js";
import { Runner } from "../../src/engine/runner.js";
import { ProgressStore } from "../../src/engine/store.js";
import { accountToken } from "../../src/report/redact.js";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "genai-lab-check-"));
const fresh = mkdtempSync(join(tmpdir(), "genai-lab-check-fresh-"));
const env = { GENAI_LAB_SANDBOX_FAULTS: "iam-delay=0", GENAI_LAB_SANDBOX_DELIVERY_DELAY_MS: "0" };
const KEY = "instructor-key-0123456789abcdef";
const file = (name: string) => join(dir, name);
const check = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
  runCli(["check", "--state-dir", dir, ...args], { ...env, ...extra });
const verify = (path: string, extra: NodeJS.ProcessEnv = {}) => runCli(["verify-report", path], extra);

type Report = {
  target: { account: string; principal?: string };
  items: {
    id: string;
    status: string;
    requests: { service: string; operation: string; requestId: string | null }[];
  }[];
  integrity: { digest: string; signature?: { keyId: string } };
};
const read = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Report;

beforeAll(async () => {
  const run = await runCli(["run", "--yes", "--state-dir", dir], env);
  expect(run.code, run.stdout + run.stderr).toBe(0);
}, 60_000);
afterAll(() => vi.unstubAllEnvs());

describe("check, one target", () => {
  it("every item carries the AWS request ids of the calls its check made", async () => {
    const result = await check(["--format", "json", "--out", file("me.json")]);
    expect(result.code).toBe(0);
    const report = read(file("me.json"));
    expect(report.target).toMatchObject({
      account: "123456789012",
      principal: "arn:aws:iam::123456789012:user/genai-lab-sandbox",
    });
    const ops = Object.fromEntries(
      report.items.map((i) => [i.id, i.requests.map((r) => `${r.service}.${r.operation}`)]),
    );
    expect(ops["logging-enabled"]).toContain("Bedrock.GetModelInvocationLoggingConfiguration");
    expect(ops["insights-returns-results"]).toEqual(
      // The check reads the queries someone ran; it never starts one of its own.
      expect.arrayContaining(["CloudWatchLogs.DescribeQueries", "CloudWatchLogs.GetQueryResults"]),
    );
    expect(ops["insights-returns-results"]).not.toContain("CloudWatchLogs.StartQuery");
    expect(ops["dashboard-shows-metrics"]).toEqual(
      expect.arrayContaining(["CloudWatch.GetDashboard", "CloudWatch.GetMetricData"]),
    );
    for (const item of report.items) for (const r of item.requests) expect(r.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("records every item's result, checklist and bonus, in the progress file (one write, at the end)", async () => {
    const result = await check(["--format", "json"]);
    const report = JSON.parse(result.stdout) as Report & { bonus: { items: { id: string; status: string }[] } };
    const progress = JSON.parse(
      readFileSync(join(dir, "progress", "monitoring-genai", "sandbox-123456789012-us-east-1.json"), "utf8"),
    ) as { checks: Record<string, { result: { status: string } }> };
    const recorded = Object.fromEntries(Object.entries(progress.checks).map(([id, c]) => [id, c.result.status]));
    expect(recorded).toEqual(
      Object.fromEntries([...report.items, ...report.bonus.items].map((item) => [item.id, item.status])),
    );
    expect(Object.keys(recorded)).toHaveLength(7);
  });

  it("when the checklist itself fails, that is the error reported, even if writing the results fails too", async () => {
    const broke = vi.spyOn(Runner.prototype, "runChecklist").mockRejectedValueOnce(new Error("the checklist broke"));
    const locked = vi.spyOn(ProgressStore.prototype, "deferWrites").mockReturnValueOnce(() => {
      throw new Error("Could not lock the progress file");
    });
    try {
      const result = await check([]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("the checklist broke");
      expect(result.stderr).not.toContain("Could not lock");
    } finally {
      broke.mockRestore();
      locked.mockRestore();
    }
  });

  it("verify-report: 0 for the report as written, 1 once edited, 2 when unreadable", async () => {
    expect(await verify(file("me.json"))).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^✓ valid: .*me\.json — monitoring-genai · 123456789012 · us-east-1 · 4\/4 · 100%/),
    });
    const edited = readFileSync(file("me.json"), "utf8").replace('"durationMs": ', '"durationMs": 1');
    writeFileSync(file("edited.json"), edited);
    expect(await verify(file("edited.json"))).toMatchObject({
      code: 1,
      stdout: expect.stringContaining("the content does not match the SHA-256 it carries"),
    });
    writeFileSync(file("cut.json"), readFileSync(file("me.json"), "utf8").slice(0, 200));
    expect(await verify(file("cut.json"))).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/cut\.json: not a JSON report/),
    });
    expect((await verify(file("nope.json"))).code).toBe(2);
    expect((await runCli(["verify-report"])).code).toBe(2);
    const junit = await check(["--format", "junit", "--out", file("me.xml")]);
    expect(junit.code).toBe(0);
    expect((await verify(file("me.xml"))).stderr).toMatch(/Only JSON reports \(check --format json\) can be verified/);
  });

  it("an instructor key signs the report; verification with the key requires that signature", async () => {
    expect((await check(["--format", "json", "--out", file("signed.json")], { GENAI_LAB_REPORT_KEY: KEY })).code).toBe(
      0,
    );
    expect(read(file("signed.json")).integrity.signature?.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect((await verify(file("signed.json"))).stdout).toMatch(/carries an HMAC signature, not checked/);
    expect(await verify(file("signed.json"), { GENAI_LAB_REPORT_KEY: KEY })).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("HMAC signature verified"),
    });
    writeFileSync(file("key"), `${KEY}\n`);
    expect((await verify(file("signed.json"), { GENAI_LAB_REPORT_KEY_FILE: file("key") })).code).toBe(0);
    expect(await verify(file("signed.json"), { GENAI_LAB_REPORT_KEY: `${KEY}x` })).toMatchObject({
      code: 1,
      stdout: expect.stringContaining("signed with another key"),
    });
    expect(await verify(file("me.json"), { GENAI_LAB_REPORT_KEY: KEY })).toMatchObject({
      code: 1,
      stdout: expect.stringContaining("not signed, and a key is set"),
    });
    expect(await check(["--format", "json"], { GENAI_LAB_REPORT_KEY: "short" })).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/GENAI_LAB_REPORT_KEY: the key is too short/),
    });
  });

  it("--redact replaces the account with a salted hash: the course's salt, else one kept in the state directory", async () => {
    const salted = await check(["--format", "json", "--redact"], { GENAI_LAB_REDACT_SALT: "course-2026-spring-salt" });
    expect(salted.stdout).not.toContain("123456789012");
    expect((JSON.parse(salted.stdout) as Report).target.account).toBe(
      accountToken("123456789012", Buffer.from("course-2026-spring-salt")),
    );
    expect(existsSync(saltPath(dir))).toBe(false);
    const first = (JSON.parse((await check(["--format", "json", "--redact"])).stdout) as Report).target.account;
    expect(existsSync(saltPath(dir))).toBe(true);
    expect(first).toBe(accountToken("123456789012", Buffer.from(readFileSync(saltPath(dir), "utf8").trim())));
    expect((JSON.parse((await check(["--format", "json", "--redact"])).stdout) as Report).target.account).toBe(first);
    const text = await check(["--redact"], { GENAI_LAB_REDACT_SALT: "course-2026-spring-salt" });
    expect(text.stdout).toMatch(/Account acct-[0-9a-f]{16} · Region us-east-1/);
    // A short salt would make the hashes easy to reverse: refused, naming where it came from.
    expect(await check(["--redact"], { GENAI_LAB_REDACT_SALT: "2026" })).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/GENAI_LAB_REDACT_SALT: the redaction salt must be at least 16 bytes \(it has 4\)/),
    });
  });

  it("--format csv gives one row; --fail-under turns the percentage into the exit code", async () => {
    expect((await check(["--format", "csv"])).stdout.split("\r\n")[1]).toBe(
      // genai-lab's run did the work: each item says so (done_by runner), with no hints used and no mode chosen.
      "123456789012,123456789012,us-east-1,pass,pass,pass,pass,4,4,100,complete,,,runner,runner,runner,runner,0,0,0,0",
    );
    const failed = JSON.parse(
      (await runCli(["check", "--state-dir", fresh, "--format", "json"], env)).stdout,
    ) as Report;
    // A call that failed is evidence too: its status, error code and request id are kept (then the check lists the
    // dashboards there are, to name one that would qualify).
    expect(failed.items.find((i) => i.id === "dashboard-shows-metrics")?.requests).toEqual([
      expect.objectContaining({
        operation: "GetDashboard",
        httpStatus: 404,
        error: "ResourceNotFound",
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      }),
      expect.objectContaining({ operation: "ListDashboards", httpStatus: 200 }),
    ]);
    const args = ["check", "--state-dir", fresh, "--format", "csv"];
    expect((await runCli(args, env)).code).toBe(1);
    expect((await runCli([...args, "--fail-under", "0"], env)).code).toBe(0);
    expect((await runCli([...args, "--fail-under", "25%"], env)).code).toBe(1);
    expect(await runCli([...args, "--fail-under", "lots"], env)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--fail-under: "lots" must be a score percentage from 0 to 100'),
    });
  });
});

describe("check, usage errors name the flag or file (exit 2)", () => {
  it.each([
    [["--concurrency", "4"], /--concurrency only applies when grading several targets/],
    [["--profiles", "a", "--accounts", "x.csv"], /Choose --profiles or --accounts, not both/],
    [["--profiles", "a", "--profile", "b"], /--profiles already names the profiles to grade; drop --profile/],
    [["--accounts", "/nonexistent/class.csv"], /--accounts \/nonexistent\/class\.csv: cannot read the file \(ENOENT\)/],
    [["--accounts", "class.csv", "--concurrency", "0"], /--concurrency: "0" must be a whole number from 1 to 64/],
  ])("check %j", async (args, message) => {
    writeFileSync(file("class.csv"), "account,role\n111111111111,GenAILabGrader\n");
    const result = await runCli(
      ["check", "--state-dir", dir, ...args.map((a) => (a === "class.csv" ? file("class.csv") : a))],
      env,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe("check --profiles on the sandbox", () => {
  it("grades each profile's own account; a profile with a wrong key gets error items", async () => {
    writeFileSync(
      file("credentials"),
      "[me]\naws_access_key_id = 123456789012\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n\n" +
        "[newcomer]\naws_access_key_id = 444455556666\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n\n" +
        "[broken]\naws_access_key_id = 123456789012\naws_secret_access_key = nope\n",
    );
    vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", file("credentials"));
    const result = await check(["--target", "sandbox", "--profiles", "me,newcomer,broken,missing", "--format", "csv"]);
    expect(result.code).toBe(1);
    const rows = result.stdout.split("\r\n").slice(1, -1);
    // Graded away from the learner's machine: who did the work and the hints are unknown (empty), not guessed.
    expect(rows[0]).toBe("me,123456789012,us-east-1,pass,pass,pass,pass,4,4,100,complete,,,,,,,,,,");
    expect(rows[1]).toBe("newcomer,444455556666,us-east-1,fail,fail,fail,fail,0,4,0,zero,,,,,,,,,,");
    expect(rows[2]).toBe(
      "broken,unknown,us-east-1,error,error,error,error,0,4,0,unreachable,SignatureDoesNotMatch: The credentials of profile broken were refused (SignatureDoesNotMatch).,,,,,,,,,",
    );
    expect(rows[3]).toMatch(
      /^missing,unknown,us-east-1,error,error,error,error,0,4,0,unreachable,CredentialsProviderError: The credentials of profile missing were refused.*,,,,,,,,,$/,
    );
  }, 30_000);
});
