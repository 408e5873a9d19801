/**
 * Each step's Your turn CLI lines with AWS CLI v2, where the machine has it at /usr/bin/aws (Debian's awscli
 * package; CI has none, so this is skipped there, with the reason). v2 differs from v1 in ways a pasted line can
 * trip on — binary blobs, the pager, text output, timestamps — so the logs, cloudwatch, iam and sts lines run with
 * v2 here. Debian 12's 2.9.19 predates Bedrock: the bedrock and bedrock-runtime lines go to the v1 `aws` on the
 * PATH (skipped without one); and it predates AWS_ENDPOINT_URL (2.13), so the stand-in adds the --endpoint-url that
 * `genai-lab env` tells such a learner to add (aws-cli-version.ts). Steps 1, 3 and 4 are then credited to the
 * learner, and the cleanup lines leave nothing behind.
 */
import { execFile, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { ListRolesCommand } from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAwsCliVersion, readsEndpointEnv } from "../../src/cli/aws-cli-version.js";
import { startLabSession, type LabSession } from "../helpers/lab-session.js";
import { run, STEP } from "./util.js";
import { CLEANED_BY_LEARNER, learnerEnv, stepChecks, watchedChecks } from "./your-turn-tools.js";

const V2 = "/usr/bin/aws";
const v2 = parseAwsCliVersion(spawnSync(V2, ["--version"], { encoding: "utf8" }).stdout ?? "");
const v1Path = spawnSync("sh", ["-c", "command -v aws"], { encoding: "utf8" }).stdout.trim();
const v1 =
  v1Path && v1Path !== V2
    ? parseAwsCliVersion(spawnSync(v1Path, ["--version"], { encoding: "utf8" }).stdout)
    : undefined;
const usable = v2?.major === 2 && v1?.major === 1;

/** A directory whose `aws` is v2 for everything but Bedrock, with --endpoint-url when v2 cannot read the variable. */
function v2Path(): string {
  const dir = mkdtempSync(join(tmpdir(), "genai-lab-v2-"));
  const endpoint = v2 && !readsEndpointEnv(v2) ? '--endpoint-url "$AWS_ENDPOINT_URL" ' : "";
  const script = `#!/bin/sh
case "$1" in bedrock|bedrock-runtime) exec "${v1Path}" "$@";; esac
exec ${V2} ${endpoint}"$@"
`;
  writeFileSync(join(dir, "aws"), script);
  chmodSync(join(dir, "aws"), 0o755);
  return dir;
}

let session: LabSession;
let path: string;
beforeAll(async () => {
  if (!usable) return;
  session = await startLabSession();
  path = v2Path();
});
afterAll(async () => {
  await session?.close();
});

async function paste(stepId: string): Promise<string> {
  const cli = session.runner.yourTurn(stepId)?.cli;
  expect(cli, `${stepId} has Your turn CLI lines`).toBeDefined();
  const env = { ...learnerEnv(session), PATH: `${path}:${process.env.PATH ?? ""}` };
  const cwd = mkdtempSync(join(tmpdir(), "genai-lab-yt-"));
  const out = await promisify(execFile)("bash", ["-e", "-o", "pipefail", "-c", cli!], { env, cwd, timeout: 120_000 });
  return out.stdout;
}

describe.skipIf(!usable)(`each step's Your turn CLI lines with AWS CLI v2 (${v2?.text ?? "absent"})`, () => {
  it("v2 really answers the non-Bedrock lines (the stand-in is not v1 in disguise)", async () => {
    const env = { ...learnerEnv(session), PATH: `${path}:${process.env.PATH ?? ""}` };
    const out = await promisify(execFile)("aws", ["--version"], { env });
    expect(out.stdout + out.stderr).toMatch(/^aws-cli\/2\./);
  });

  it("steps 0–4: logging, five calls, the learner's query, the dashboard — credited to the learner", async () => {
    expect((await run(session.runner, [STEP.preflight])).outcome).toBe("passed");
    await paste(STEP.logging);
    expect(await stepChecks(session, STEP.logging)).toEqual(["logging-enabled:pass:learner"]);
    await paste(STEP.invoke);
    expect(await stepChecks(session, STEP.invoke)).toEqual(["log-entries-present:pass:learner"]);
    const logs = await paste(STEP.logs);
    expect(logs).toMatch(/records: ([5-9]|\d\d)/);
    expect(logs).toMatch(/query [\w-]+: Complete/);
    // v2 prints the query's rows as v1 does: a timestamp, the model, the two token counts.
    expect(logs).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\t\S+\t\d+\t\d+$/m);
    expect(await stepChecks(session, STEP.logs)).toEqual(["insights-returns-results:pass:learner"]);
    expect(await paste(STEP.dashboard)).toMatch(/arn:aws:cloudwatch::\d+:dashboard\/GenAI-Monitoring/);
    expect(await stepChecks(session, STEP.dashboard)).toEqual(["dashboard-shows-metrics:pass:learner"]);
  }, 240_000);

  it("cleanup: the lines remove the role and the log group", async () => {
    await paste(STEP.cleanup);
    expect(await watchedChecks(session, STEP.cleanup)).toEqual(CLEANED_BY_LEARNER);
    const groups = await session.aws.logs.send(new DescribeLogGroupsCommand({}));
    expect(groups.logGroups ?? []).toEqual([]);
    const roles = await session.aws.iam.send(new ListRolesCommand({}));
    expect((roles.Roles ?? []).map((r) => r.RoleName)).not.toContain("GenAILabBedrockLoggingRole");
  }, 120_000);
});
