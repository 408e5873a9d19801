/**
 * Who did the work, item by item: `run --yes` is credited to genai-lab on all four items, the same lab done by hand
 * (JS SDK over the wire) to the learner on all four, and mixed runs item by item — including work the runner did
 * that the learner changed afterwards (it is theirs now).
 */
import { PutDashboardCommand } from "@aws-sdk/client-cloudwatch";
import { StartQueryCommand, GetQueryResultsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it } from "vitest";
import type { LearnerAws } from "./check-kit.js";
import type { LabSession } from "../helpers/lab-session.js";
import {
  CLAUDE,
  createRole,
  GROUP,
  invokeModel,
  labPerTest,
  loggingByHand,
  putLogging,
  runCheck,
  trustFor,
  writePolicy,
} from "./check-kit.js";
import { run, STEP } from "./util.js";

const start = labPerTest();

async function checklist(s: LabSession): Promise<Record<string, string>> {
  const items = await s.runnerWith().runner.runChecklist(new AbortController().signal);
  return Object.fromEntries(
    items.map((i) => [i.id, i.result.status === "error" ? "error" : `${i.result.status}:${i.result.doneBy ?? "?"}`]),
  );
}

async function queryByHand(aws: LearnerAws): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  const { queryId } = await aws.logs.send(
    new StartQueryCommand({
      logGroupName: GROUP,
      queryString: "fields @timestamp, modelId, input.inputTokenCount | sort @timestamp desc",
      startTime: now - 3600,
      endTime: now + 60,
    }),
  );
  for (let i = 0; i < 20; i++) {
    const out = await aws.logs.send(new GetQueryResultsCommand({ queryId }));
    if (out.status === "Complete") return;
  }
}

async function dashboardByHand(aws: LearnerAws, modelId = CLAUDE): Promise<void> {
  const metrics = [
    ["AWS/Bedrock", "Invocations", "ModelId", modelId],
    [".", "InputTokenCount", ".", "."],
    [".", "InvocationLatency", ".", ".", { stat: "Average" }],
  ];
  const body = {
    widgets: [{ type: "metric", properties: { metrics, region: "us-east-1", stat: "Sum", period: 300 } }],
  };
  await aws.cloudwatch.send(
    new PutDashboardCommand({ DashboardName: "GenAI-Monitoring", DashboardBody: JSON.stringify(body) }),
  );
}

const all = (who: string) => ({
  "logging-enabled": `pass:${who}`,
  "log-entries-present": `pass:${who}`,
  "insights-returns-results": `pass:${who}`,
  "dashboard-shows-metrics": `pass:${who}`,
});

describe("attribution per checklist item", () => {
  it("run --yes: genai-lab did all four", async () => {
    const [s] = await start();
    expect((await run(s.runner)).outcome).toBe("passed");
    expect(await checklist(s)).toEqual(all("runner"));
  });

  it("the whole lab by hand: the learner did all four", async () => {
    const [s, aws] = await start();
    await loggingByHand(s, aws);
    for (let i = 0; i < 5; i++) await invokeModel(aws, CLAUDE, `prompt ${i}`);
    await queryByHand(aws);
    await dashboardByHand(aws);
    expect(await checklist(s)).toEqual(all("learner"));
  });

  it("mixed: genai-lab turned logging on and made the calls, the learner queried and built the dashboard", async () => {
    const [s, aws] = await start();
    await run(s.runner, [STEP.preflight, STEP.logging, STEP.invoke]);
    await queryByHand(aws);
    const model = (s.store.state.facts.invocations as { modelId: string }).modelId;
    await dashboardByHand(aws, model);
    expect(await checklist(s)).toEqual({
      "logging-enabled": "pass:runner",
      "log-entries-present": "pass:runner",
      "insights-returns-results": "pass:learner",
      "dashboard-shows-metrics": "pass:learner",
    });
  });

  it("mixed: the learner did steps 1–2 by hand, then let genai-lab do steps 3 and 4", async () => {
    const [s, aws] = await start();
    await loggingByHand(s, aws);
    for (let i = 0; i < 5; i++) await invokeModel(aws, CLAUDE, `prompt ${i}`);
    // The runner needs its own batch for step 3's actions: it calls the model too, so its records count for it.
    await run(s.runner, [STEP.preflight, STEP.invoke, STEP.logs, STEP.dashboard]);
    expect(await checklist(s)).toEqual({
      "logging-enabled": "pass:learner",
      "log-entries-present": "pass:runner",
      "insights-returns-results": "pass:runner",
      "dashboard-shows-metrics": "pass:runner",
    });
  });

  it("graded without the learner's progress (a class): a check credits no one it cannot prove", async () => {
    const [s, aws] = await start();
    await loggingByHand(s, aws);
    for (let i = 0; i < 5; i++) await invokeModel(aws, CLAUDE, `prompt ${i}`);
    await queryByHand(aws);
    await dashboardByHand(aws);
    for (const id of [
      "logging-enabled",
      "log-entries-present",
      "insights-returns-results",
      "dashboard-shows-metrics",
    ]) {
      const { result } = await runCheck(s, id, { attribution: "checks-only" });
      expect(result.status, id).toBe("pass");
      expect(result.status === "pass" && result.doneBy, id).toBeUndefined();
      expect((await runCheck(s, id)).result).toMatchObject({ status: "pass", doneBy: "learner" });
    }
  });

  it("what the runner made and the learner changed since is the learner's", async () => {
    const [s, aws] = await start();
    expect((await run(s.runner)).outcome).toBe("passed");
    // The learner saves logging again through a role of their own (the lab's group is already there).
    const roleArn = await createRole(aws, {
      name: "MyOwnRole",
      trust: trustFor(s.target.accountId),
      policies: { write: writePolicy("*") },
    });
    await putLogging(aws, { cloudWatchConfig: { logGroupName: GROUP, roleArn }, textDataDeliveryEnabled: true });
    const model = (s.store.state.facts.invocations as { modelId: string }).modelId;
    await dashboardByHand(aws, model);
    const items = await checklist(s);
    expect(items).toEqual({
      "logging-enabled": "pass:learner",
      "log-entries-present": "pass:runner",
      "insights-returns-results": "pass:runner",
      "dashboard-shows-metrics": "pass:learner",
    });
  });
});
