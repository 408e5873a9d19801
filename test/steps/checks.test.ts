/** Every checklist item, proven both ways: it fails before its step ran and passes after. */
import { DeleteModelInvocationLoggingConfigurationCommand } from "@aws-sdk/client-bedrock";
import { afterEach, describe, expect, it } from "vitest";
import { startLabSession, type LabSession } from "../helpers/lab-session.js";
import { checkStatus, run, STEP } from "./util.js";

let session: LabSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

// Short waits: a failing check waits this long for eventually consistent state before it says "not yet".
const params = { deliveryWaitSeconds: 0.3, metricsWaitSeconds: 0.3 };

async function checklist(s: LabSession) {
  return s.runnerWith().runner.runChecklist(new AbortController().signal);
}

describe("checks", () => {
  it("logging-enabled: fails on a fresh account, passes after step 1", async () => {
    session = await startLabSession({ params });
    const before = await checklist(session);
    expect(before.map((i) => i.result.status)).toEqual(["fail", "fail", "fail", "fail"]);
    const item = before[0]!;
    expect(item.result.status === "fail" && item.result.evidence.actual).toMatchObject({
      en: "no logging configuration in us-east-1",
    });

    await run(session.runner, [STEP.preflight, STEP.logging]);
    expect(checkStatus(await checklist(session), "logging-enabled")).toBe("pass");
  });

  it("log-entries-present: fails while nothing was invoked, passes after steps 2 and 3", async () => {
    session = await startLabSession({ params });
    await run(session.runner, [STEP.preflight, STEP.logging]);
    const before = await checklist(session);
    expect(checkStatus(before, "log-entries-present")).toBe("fail");
    const item = before.find((i) => i.id === "log-entries-present")!;
    expect(item.result.status === "fail" && item.result.evidence.actual).toMatchObject({ en: "0 of 5 found" });

    await run(session.runner, [STEP.invoke, STEP.logs]);
    const after = await checklist(session);
    expect(checkStatus(after, "log-entries-present")).toBe("pass");
    const passed = after.find((i) => i.id === "log-entries-present")!;
    expect(passed.result.status === "pass" && passed.result.evidence?.requestIds).toHaveLength(5);
  });

  it("insights-returns-results: fails without the group, then while no query ran, passes once step 3 ran its queries", async () => {
    session = await startLabSession({ params });
    const fresh = (await checklist(session)).find((i) => i.id === "insights-returns-results")!;
    expect(fresh.result.status === "fail" && fresh.result.evidence.actual).toMatchObject({
      en: "log group /aws/bedrock/model-invocations does not exist",
    });

    await run(session.runner, [STEP.preflight, STEP.logging]);
    const none = (await checklist(session)).find((i) => i.id === "insights-returns-results")!;
    expect(none.result.status === "fail" && none.result.evidence.actual).toMatchObject({
      en: "no Logs Insights query over /aws/bedrock/model-invocations yet",
    });
    await run(session.runner, [STEP.invoke, STEP.logs]);
    expect(checkStatus(await checklist(session), "insights-returns-results")).toBe("pass");
  });

  it("dashboard-shows-metrics: fails without the dashboard, passes after step 4", async () => {
    session = await startLabSession({ params });
    await run(session.runner, [STEP.preflight, STEP.logging, STEP.invoke, STEP.logs]);
    const before = (await checklist(session)).find((i) => i.id === "dashboard-shows-metrics")!;
    expect(before.result.status).toBe("fail");
    expect(before.result.status === "fail" && before.result.evidence.actual).toMatchObject({
      en: "no dashboard named GenAI-Monitoring",
    });

    await run(session.runner, [STEP.dashboard]);
    const after = (await checklist(session)).find((i) => i.id === "dashboard-shows-metrics")!;
    expect(after.result.status).toBe("pass");
    expect(after.result.status === "pass" && after.result.evidence?.actual).toMatchObject({
      en: expect.stringMatching(
        /^7 widgets; invocations: us\.anthropic\.claude-[\w.-]+, \/aws\/bedrock\/model-invocations; .*; latency: us\.anthropic\./,
      ),
    });
  });

  it("log-entries-present does not wait for records that cannot come (logging off when step 2 ran)", async () => {
    session = await startLabSession({ params: { deliveryWaitSeconds: 60, metricsWaitSeconds: 60 } });
    await run(session.runner, [STEP.preflight, STEP.logging]);
    await session.aws.bedrock.send(new DeleteModelInvocationLoggingConfigurationCommand({}));
    await run(session.runner, [STEP.invoke]);
    const started = Date.now();
    const item = (await checklist(session)).find((i) => i.id === "log-entries-present")!;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(item.result.status).toBe("fail");
    expect(item.result.status === "fail" && item.result.hint.en).toMatch(
      /Bedrock logging is off in us-east-1 .*calls made while it was off are never logged/,
    );
  });
});
