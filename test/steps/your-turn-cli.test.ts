/**
 * Every step's Your turn, done the way a learner does it: the step's printed CLI block pasted, in step order, into
 * bash with the machine's AWS CLI (v1 here) pointed at an in-process sandbox by the environment `genai-lab env`
 * prints — no --endpoint-url on any line. After each step its own checks pass, credited to the learner; the
 * cleanup block then leaves nothing of the lab behind. Skipped, with the reason, where the machine has no `aws`.
 */
import { DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { ListDashboardsCommand } from "@aws-sdk/client-cloudwatch";
import { GetModelInvocationLoggingConfigurationCommand } from "@aws-sdk/client-bedrock";
import { ListRolesCommand } from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLabSession, type LabSession } from "../helpers/lab-session.js";
import { run, STEP } from "./util.js";
import { CLEANED_BY_LEARNER, hasAwsCli, runBash, stepChecks, watchedChecks } from "./your-turn-tools.js";

let session: LabSession;
beforeAll(async () => {
  session = await startLabSession();
});
afterAll(async () => {
  await session?.close();
});

function cliOf(stepId: string): string {
  const cli = session.runner.yourTurn(stepId)?.cli;
  expect(cli, `${stepId} has Your turn CLI lines`).toBeDefined();
  expect(cli).not.toMatch(/--endpoint-url|--cli-binary-format/);
  return cli!;
}

describe.skipIf(!hasAwsCli)("each step's Your turn CLI lines, pasted in order into bash (AWS CLI v1)", () => {
  it("step 0: genai-lab's preflight chooses the model; the learner's lines reach the same account and model", async () => {
    const summary = await run(session.runner, [STEP.preflight]);
    expect(summary.outcome).toBe("passed");
    const out = await runBash(session, cliOf(STEP.preflight));
    expect(out.stdout).toContain(session.target.accountId);
    expect(out.stdout).toMatch(/ACTIVE|LEGACY/);
    expect(out.stdout.trim().split("\n").length).toBeGreaterThanOrEqual(3); // the probe call answered too
  }, 60_000);

  it("step 1: logging is on, credited to the learner", async () => {
    const out = await runBash(session, cliOf(STEP.logging));
    expect(out.stdout).toContain(session.runner.stepTexts(STEP.logging).body.en.match(/role\/[\w+=,.@-]+/)?.[0]);
    expect(await stepChecks(session, STEP.logging)).toEqual(["logging-enabled:pass:learner"]);
  }, 60_000);

  it("step 2: five calls through the chosen model", async () => {
    const out = await runBash(session, cliOf(STEP.invoke));
    // One answer per prompt, each with its token usage.
    expect(out.stdout.match(/"(input_tokens|inputTokens)"/g)?.length).toBe(5);
    // Step 2's own check ticks for calls made by hand: their records are in the lab's group.
    expect(await stepChecks(session, STEP.invoke)).toEqual(["log-entries-present:pass:learner"]);
  }, 60_000);

  it("step 3: the records are there and the learner's own Logs Insights query returned rows", async () => {
    const out = await runBash(session, cliOf(STEP.logs));
    expect(out.stdout).toMatch(/records: ([5-9]|\d\d)/);
    expect(out.stdout).toMatch(/query [\w-]+: Complete/);
    expect(await stepChecks(session, STEP.logs)).toEqual(["insights-returns-results:pass:learner"]);
  }, 60_000);

  it("step 4: the dashboard shows invocations, tokens and latency", async () => {
    const out = await runBash(session, cliOf(STEP.dashboard));
    expect(out.stdout).toMatch(/arn:aws:cloudwatch::\d+:dashboard\//);
    expect(await stepChecks(session, STEP.dashboard)).toEqual(["dashboard-shows-metrics:pass:learner"]);
  }, 60_000);

  it("step 5: the cleanup lines remove what the learner made, and the cleanup step's checks say so", async () => {
    expect(await watchedChecks(session, STEP.cleanup)).not.toEqual(CLEANED_BY_LEARNER);
    await runBash(session, cliOf(STEP.cleanup));
    expect(await watchedChecks(session, STEP.cleanup)).toEqual(CLEANED_BY_LEARNER);
    const { aws } = session;
    const groups = await aws.logs.send(new DescribeLogGroupsCommand({}));
    expect(groups.logGroups ?? []).toEqual([]);
    const roles = await aws.iam.send(new ListRolesCommand({}));
    expect((roles.Roles ?? []).map((r) => r.RoleName)).not.toContain("GenAILabBedrockLoggingRole");
    const dashboards = await aws.cloudwatch.send(new ListDashboardsCommand({}));
    expect(dashboards.DashboardEntries ?? []).toEqual([]);
    const logging = await aws.bedrock.send(new GetModelInvocationLoggingConfigurationCommand({}));
    expect(logging.loggingConfig).toBeUndefined();
  }, 60_000);
});

describe.skipIf(!hasAwsCli)(
  "Your turn with a model that is not Anthropic's (Converse, its messages from a file)",
  () => {
    it("steps 1–3 by hand on amazon.nova-lite-v1:0: logs and the learner's query, credited to the learner", async () => {
      const nova = await startLabSession({ params: { modelId: "amazon.nova-lite-v1:0" } });
      try {
        expect((await run(nova.runner, [STEP.preflight])).outcome).toBe("passed");
        const cli = (id: string) => nova.runner.yourTurn(id)!.cli!;
        expect(cli(STEP.invoke)).toContain("converse --region us-east-1 --model-id amazon.nova-lite-v1:0");
        for (const id of [STEP.logging, STEP.invoke]) await runBash(nova, cli(id));
        const out = await runBash(nova, cli(STEP.logs));
        expect(out.stdout).toMatch(/query [\w-]+: Complete/);
        expect(await stepChecks(nova, STEP.invoke)).toEqual(["log-entries-present:pass:learner"]);
        expect(await stepChecks(nova, STEP.logs)).toEqual(["insights-returns-results:pass:learner"]);
      } finally {
        await nova.close();
      }
    }, 90_000);
  },
);
