import { afterEach, describe, expect, it } from "vitest";
import { sandboxResources, startLabSession, type LabSession } from "../helpers/lab-session.js";
import { actionOutcomes, run, STEP } from "./util.js";

let session: LabSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe("the whole lab on the sandbox", () => {
  it("runs with --yes, then a separate `check` passes all four items", async () => {
    session = await startLabSession();
    const summary = await run(session.runner);
    expect(summary.outcome).toBe("passed");
    expect(summary.steps.map((s) => s.stepId)).toEqual([
      STEP.preflight,
      STEP.logging,
      STEP.invoke,
      STEP.logs,
      STEP.dashboard,
    ]);

    const { runner } = session.runnerWith();
    const checklist = await runner.runChecklist(new AbortController().signal);
    expect(checklist.map((item) => [item.id, item.result.status])).toEqual([
      ["logging-enabled", "pass"],
      ["log-entries-present", "pass"],
      ["insights-returns-results", "pass"],
      ["dashboard-shows-metrics", "pass"],
    ]);
  });

  it("replaces the seed's Legacy model and remembers the effective id for every later step", async () => {
    session = await startLabSession();
    await run(session.runner);
    const model = session.store.state.facts.model as { requested: string; effective: string; reason: string };
    expect(model.requested).toBe("anthropic.claude-3-5-sonnet-20241022-v2:0");
    expect(model.reason).toBe("replacement");
    expect(model.effective).toMatch(/^us\.anthropic\.claude-/);
    const batch = session.store.state.facts.invocations as { modelId: string; items: { requestId: string }[] };
    expect(batch.modelId).toBe(model.effective);
    expect(batch.items).toHaveLength(5);
    expect(new Set(batch.items.map((i) => i.requestId)).size).toBe(5);
  });

  it("converges when run again: nothing new is created, logging is left as it is", async () => {
    session = await startLabSession();
    await run(session.runner);
    const first = await sandboxResources(session.aws);
    const again = session.runnerWith();
    const summary = await run(again.runner);
    expect(summary.outcome).toBe("passed");
    expect(await sandboxResources(session.aws)).toEqual(first);
    expect(actionOutcomes(again.events)).toContain("put-logging-config:skipped");
    expect(session.store.state.ledger.map((e) => `${e.key}:${e.state}`).sort()).toEqual([
      "dashboard:GenAI-Monitoring:created",
      "iam-role-policy:GenAILabBedrockLoggingRole/BedrockInvocationLoggingToCloudWatch:created",
      "iam-role:GenAILabBedrockLoggingRole:created",
      "log-group:/aws/bedrock/model-invocations:created",
      "logging-config:us-east-1:created",
    ]);
  });

  it("adds the optional S3 large-data destination when a bucket is given", async () => {
    session = await startLabSession({ params: { largeDataBucket: "my-genai-logs" } });
    const summary = await run(session.runner, [STEP.preflight, STEP.logging]);
    expect(summary.outcome).toBe("passed");
    const { logging } = await sandboxResources(session.aws);
    expect(logging).toMatchObject({
      cloudWatchConfig: { largeDataDeliveryS3Config: { bucketName: "my-genai-logs", keyPrefix: "bedrock-logs/" } },
      textDataDeliveryEnabled: true,
    });
  });

  it("runs a non-Anthropic model through Converse", async () => {
    session = await startLabSession({ params: { modelId: "amazon.nova-lite-v1:0" } });
    const summary = await run(session.runner);
    expect(summary.outcome).toBe("passed");
    expect(summary.checklist.every((item) => item.result.status === "pass")).toBe(true);
    expect(session.store.state.facts.model).toMatchObject({ effective: "amazon.nova-lite-v1:0", reason: "as-is" });
    const batch = session.store.state.facts.invocations as { items: { latencyMs: number; outputTokens: number }[] };
    expect(batch.items.every((call) => call.latencyMs > 0 && call.outputTokens > 0)).toBe(true);
  });
});
