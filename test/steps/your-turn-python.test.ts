/**
 * Every step's Your turn boto3 snippet, run in step order with python3 in the environment `genai-lab env` prints,
 * against an in-process sandbox: after each step its own checks pass, credited to the learner, and step 2's snippet
 * streams one answer (ConverseStream) and prints its time to first token. Skipped where python3 has no boto3.
 */
import { DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { ListDashboardsCommand } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLabSession, type LabSession } from "../helpers/lab-session.js";
import { run, STEP } from "./util.js";
import { CLEANED_BY_LEARNER, hasBoto3, runPython, stepChecks, watchedChecks } from "./your-turn-tools.js";

let session: LabSession;
beforeAll(async () => {
  session = await startLabSession();
});
afterAll(async () => {
  await session?.close();
});

const snippet = (stepId: string) => {
  const python = session.runner.yourTurn(stepId)?.python;
  expect(python, `${stepId} has a boto3 snippet`).toBeDefined();
  return python!;
};

describe.skipIf(!hasBoto3)("each step's Your turn boto3 snippet, run in order", () => {
  it("step 0: the learner's identity and the model genai-lab's preflight chose", async () => {
    expect((await run(session.runner, [STEP.preflight])).outcome).toBe("passed");
    const out = await runPython(session, snippet(STEP.preflight));
    expect(out.stdout).toContain(session.target.accountId);
    expect(out.stdout).toMatch(/ACTIVE|LEGACY/);
  }, 60_000);

  it("step 1: logging is on, credited to the learner", async () => {
    await runPython(session, snippet(STEP.logging));
    expect(await stepChecks(session, STEP.logging)).toEqual(["logging-enabled:pass:learner"]);
  }, 60_000);

  it("step 2: the five prompts, then one streamed answer with its time to first token", async () => {
    const out = await runPython(session, snippet(STEP.invoke));
    expect(out.stdout.match(/^Prompt: .*\| Tokens: input=\d+, output=\d+$/gm)).toHaveLength(5);
    expect(out.stdout).toMatch(/Time to first token: \d+ ms/);
    // The five calls and the stream, made with boto3, tick step 2's own check.
    expect(await stepChecks(session, STEP.invoke)).toEqual(["log-entries-present:pass:learner"]);
  }, 60_000);

  it("step 3: records and a Logs Insights query of the learner's own", async () => {
    const out = await runPython(session, snippet(STEP.logs));
    expect(out.stdout).toMatch(/^([6-9]|\d\d) records$/m); // five prompts and the stream
    expect(await stepChecks(session, STEP.logs)).toEqual(["insights-returns-results:pass:learner"]);
  }, 60_000);

  it("step 4: the dashboard", async () => {
    const out = await runPython(session, snippet(STEP.dashboard));
    expect(out.stdout).toContain("DashboardValidationMessages: []");
    expect(await stepChecks(session, STEP.dashboard)).toEqual(["dashboard-shows-metrics:pass:learner"]);
  }, 60_000);

  it("step 5: cleanup leaves nothing of the lab", async () => {
    await runPython(session, snippet(STEP.cleanup));
    expect(await watchedChecks(session, STEP.cleanup)).toEqual(CLEANED_BY_LEARNER);
    expect((await session.aws.logs.send(new DescribeLogGroupsCommand({}))).logGroups ?? []).toEqual([]);
    expect((await session.aws.cloudwatch.send(new ListDashboardsCommand({}))).DashboardEntries ?? []).toEqual([]);
  }, 60_000);
});
