/** Step 1, 3 and 4's failure paths: a role that does not validate, IAM propagation, logs that never come, a rejected dashboard. */
import { CreateRoleCommand } from "@aws-sdk/client-iam";
import { afterEach, describe, expect, it } from "vitest";
import { sandboxResources, startLabSession, type LabSession } from "../helpers/lab-session.js";
import { outputs, problems, run, runCleanup, STEP } from "./util.js";

let session: LabSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const ec2Trust = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

describe("logging and dashboard failures", () => {
  it("retries a role that does not validate, then fails clearly, within the bound", async () => {
    session = await startLabSession();
    const role = await session.aws.iam.send(
      new CreateRoleCommand({ RoleName: "NotForBedrock", AssumeRolePolicyDocument: ec2Trust }),
    );
    const { runner, events } = session.runnerWith({
      params: { loggingRoleArn: role.Role?.Arn ?? "", roleWaitSeconds: 1.5 },
    });
    const started = Date.now();
    const summary = await run(runner, [STEP.logging]);
    expect(Date.now() - started).toBeLessThan(6000);
    expect(summary.outcome).toBe("failed");
    const [problem] = problems(events);
    expect(problem?.kind).toBe("logging-role");
    expect(problem?.title.en).toMatch(
      /After \d+ s and ([2-9]|\d\d) tries, Bedrock still cannot validate the logging role\. AWS said: Failed to validate permissions for log group: \/aws\/bedrock\/model-invocations, with role: arn:aws:iam::123456789012:role\/NotForBedrock/,
    );
    expect(problem?.next.en).toContain("bedrock.amazonaws.com");
    expect(problem?.next.vi).toContain("bedrock.amazonaws.com");
    const countdowns = events.filter((e) => e.type === "progress" && e.countdown);
    expect(countdowns.length).toBeGreaterThan(0);
    // The refused puts never count as a configuration the lab set (the engine keeps a refusal it classifies as
    // retryable "creating", for cleanup to look at), and cleanup leaves the account's (empty) configuration alone.
    expect(session.store.state.ledger.find((e) => e.type === "logging-config")?.state).not.toBe("created");
    const before = await sandboxResources(session.aws);
    const cleanup = session.runnerWith();
    expect((await runCleanup(cleanup.runner)).outcome).toBe("passed");
    expect((await sandboxResources(session.aws)).logging).toEqual(before.logging);
    // The learner's role is never adopted by the lab.
    expect(session.store.state.ledger.some((e) => e.type === "iam-role")).toBe(false);
  });

  it("waits out IAM propagation for a new role, then succeeds", async () => {
    session = await startLabSession({ faults: { iamPropagationMs: 1500 } });
    const summary = await run(session.runner, [STEP.logging]);
    expect(summary.outcome).toBe("passed");
    const waits = session.events.filter(
      (e) => e.type === "progress" && e.actionId === "put-logging-config" && e.countdown,
    );
    expect(waits.length).toBeGreaterThan(0);
  });

  it("fails with a bounded 'not yet' that says what to check when the logs never arrive", async () => {
    session = await startLabSession({ faults: { logDeliveryDisabled: true }, params: { deliveryWaitSeconds: 1 } });
    const started = Date.now();
    const summary = await run(session.runner);
    expect(Date.now() - started).toBeLessThan(8000);
    // Step 2's own check waits for its calls' records (bounded), then says "not yet" and what to look at.
    expect(summary.steps.at(-1)).toEqual({ stepId: STEP.invoke, outcome: "failed" });
    const item = summary.checklist.find((i) => i.id === "log-entries-present")!.result;
    expect(item.status).toBe("fail");
    const hint = item.status === "fail" ? item.hint : { en: "", vi: "" };
    expect(hint.en).toMatch(/have not arrived after 1 s \(0 of 5 so far\)\. That is "not yet", not necessarily wrong/);
    expect(hint.en).toMatch(
      /logging configuration.*logging role.*ModelInvocationLogsCloudWatchDeliveryFailure.*deliveryWaitSeconds.*no-delivery/s,
    );
    expect(hint.vi).toMatch(/chưa về sau 1 giây.*ModelInvocationLogsCloudWatchDeliveryFailure/);
    // Step 3's wait, run on its own, says the same as a timeout problem.
    const again = session.runnerWith();
    await run(again.runner, [STEP.logs]);
    const problem = problems(again.events).at(-1);
    expect(problem?.kind).toBe("timeout");
    expect(problem?.title.en).toMatch(
      /have not arrived yet \(0 of 5 records after 1 s\)\. That is "not yet", not necessarily wrong/,
    );
    expect(problem?.next.en).toMatch(
      /logging configuration.*logging role.*ModelInvocationLogsCloudWatchDeliveryFailure.*deliveryWaitSeconds.*no-delivery/s,
    );
    expect(problem?.next.vi).toMatch(/ModelInvocationLogsCloudWatchDeliveryFailure/);
  });

  it("tells 'wrong' from 'not yet': logging that points elsewhere fails at once", async () => {
    session = await startLabSession({ params: { deliveryWaitSeconds: 60 } });
    await run(session.runner, [STEP.preflight, STEP.logging, STEP.invoke]);
    const other = session.runnerWith({ params: { logGroupName: "/somewhere/else", deliveryWaitSeconds: 60 } });
    const started = Date.now();
    const summary = await run(other.runner, [STEP.logs]);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(summary.outcome).toBe("failed");
    expect(problems(other.events)[0]?.title.en).toMatch(/does not write to \/somewhere\/else .*will never arrive/);
  });

  it("shows CloudWatch's validation messages when it rejects the dashboard body", async () => {
    session = await startLabSession({ params: { metricPeriodSeconds: -60 } });
    const summary = await run(session.runner);
    expect(summary.steps.at(-1)).toEqual({ stepId: STEP.dashboard, outcome: "failed" });
    const rejected = outputs(session.events, "table").find(
      (o) => o.kind === "table" && o.title?.en === "CloudWatch rejected the dashboard",
    );
    expect(rejected?.kind === "table" && rejected.rows).toEqual(
      expect.arrayContaining([{ dataPath: "/widgets/3/properties/period", message: "Should be >= 1" }]),
    );
    const problem = problems(session.events).at(-1);
    expect(problem?.kind).toBe("validation");
    expect(problem?.title.en).toMatch(/CloudWatch rejected the dashboard GenAI-Monitoring \(4 problems/);
    expect(session.store.state.ledger.find((e) => e.type === "dashboard")?.state).toBe("failed");
  });

  it("catches a bad dashboard name before calling AWS", async () => {
    session = await startLabSession({ params: { dashboardName: "GenAI Monitoring!" } });
    const summary = await run(session.runner);
    expect(summary.steps.at(-1)).toEqual({ stepId: STEP.dashboard, outcome: "failed" });
    const local = outputs(session.events, "table").find(
      (o) => o.kind === "table" && o.title?.en === "The dashboard is not valid (checked before sending)",
    );
    expect(local?.kind === "table" && local.rows[0]).toMatchObject({ dataPath: "DashboardName" });
    expect(session.store.state.ledger.some((e) => e.type === "dashboard")).toBe(false);
  });
});
