/** The model traps, on the sandbox's real wire: on demand unsupported, Legacy, no model access, throttling. */
import { FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { afterEach, describe, expect, it } from "vitest";
import { sandboxResources, startLabSession, type LabSession } from "../helpers/lab-session.js";
import { notes, problems, run, STEP } from "./util.js";
import type { ConfirmRequest } from "../../src/engine/contract.js";

let session: LabSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const declineChoices = (asked: ConfirmRequest[]) => (request: ConfirmRequest) => {
  asked.push(request);
  return Promise.resolve(request.kind !== "choice");
};

describe("model failures", () => {
  it("switches to the Region's inference profile on the on-demand ValidationException, and says so", async () => {
    // Step 2 without the preflight: the model is ACTIVE but INFERENCE_PROFILE-only in us-east-1.
    session = await startLabSession({ params: { modelId: "anthropic.claude-sonnet-4-5-20250929-v1:0" } });
    const summary = await run(session.runner, [STEP.logging, STEP.invoke]);
    expect(summary.outcome).toBe("passed");
    const switched = notes(session.events).find((text) => text.includes("on-demand throughput isn’t supported"));
    expect(switched).toContain("switched to us.anthropic.claude-sonnet-4-5-20250929-v1:0");
    const model = session.store.state.facts.model as { effective: string; reason: string };
    expect(model).toMatchObject({ effective: "us.anthropic.claude-sonnet-4-5-20250929-v1:0", reason: "profile" });
    expect((session.store.state.facts.invocations as { modelId: string }).modelId).toBe(model.effective);
  });

  it("keeps the seed's Legacy model through its profile when the replacement is declined, with a warning", async () => {
    const asked: ConfirmRequest[] = [];
    session = await startLabSession({ yes: false, confirm: declineChoices(asked) });
    const summary = await run(session.runner);
    expect(summary.outcome).toBe("passed");
    expect(asked.filter((q) => q.kind === "choice")).toHaveLength(1);
    expect(asked[0]?.detail?.en).toMatch(/Legacy/);
    expect(session.store.state.facts.model).toMatchObject({
      effective: "us.anthropic.claude-3-5-sonnet-20241022-v2:0",
      reason: "profile",
    });
    expect(notes(session.events).some((text) => /Continuing with a LEGACY model/.test(text))).toBe(true);
  });

  it("offers a replacement when a Legacy model is refused at call time", async () => {
    session = await startLabSession({
      faults: { legacyEnforced: true },
      params: { modelId: "us.anthropic.claude-3-5-sonnet-20241022-v2:0" },
    });
    const summary = await run(session.runner, [STEP.logging, STEP.invoke]);
    expect(summary.outcome).toBe("passed");
    const model = session.store.state.facts.model as { effective: string; reason: string };
    expect(model.reason).toBe("replacement");
    expect(model.effective).not.toContain("3-5-sonnet");
  });

  it("stops at the preflight with bilingual guidance when model access is denied, creating nothing", async () => {
    session = await startLabSession({ faults: { modelAccessDenied: true } });
    const before = await sandboxResources(session.aws);
    const summary = await run(session.runner);
    expect(summary.outcome).toBe("failed");
    expect(summary.steps).toEqual([{ stepId: STEP.preflight, outcome: "failed" }]);
    const [problem] = problems(session.events);
    expect(problem?.kind).toBe("model-access");
    expect(problem?.title.en).toContain("AccessDeniedException");
    expect(problem?.next.en).toMatch(/Model access.*15 minutes.*--model-id/s);
    expect(problem?.next.vi).toMatch(/Model access.*15 phút.*--model-id/s);
    expect(problem?.next.vi).not.toBe(problem?.next.en);
    expect(await sandboxResources(session.aws)).toEqual(before);
    expect(session.store.state.ledger).toEqual([]);
  });

  it("retries throttled calls until they succeed", async () => {
    session = await startLabSession({ faults: { throttleRate: 0.3, seed: 2 } });
    const summary = await run(session.runner);
    expect(summary.outcome).toBe("passed");
    // The throttled attempts were logged by Bedrock too (with errorCode), which proves they happened.
    const events = await session.aws.logs.send(
      new FilterLogEventsCommand({ logGroupName: "/aws/bedrock/model-invocations" }),
    );
    const throttled = (events.events ?? []).filter((e) =>
      (e.message ?? "").includes('"errorCode":"ThrottlingException"'),
    );
    expect(throttled.length).toBeGreaterThan(0);
    expect(summary.checklist.every((item) => item.result.status === "pass")).toBe(true);
  }, 30_000);
});

describe("an unknown model id", () => {
  it("says first that the id is unknown in this Region, then offers the replacement, then stops with the way forward", async () => {
    const order: string[] = [];
    session = await startLabSession({
      params: { modelId: "bogus.model" },
      yes: false,
      // No terminal: the question cannot be asked, so the answer is no.
      confirm: (request) => (order.push(`asked: ${request.question.en}`), Promise.resolve(false)),
    });
    session.runner.subscribe((event) => {
      if (event.type === "output" && event.output.kind === "note") order.push(`note: ${event.output.text.en}`);
      if (event.type === "action-finished" && event.problem) order.push(`problem: ${event.problem.title.en}`);
    });
    const summary = await run(session.runner, [STEP.preflight]);
    expect(summary.outcome).toBe("failed");
    const steps = order.filter((line) => !line.startsWith("note: The target is the sandbox"));
    expect(steps[0]).toBe(
      'note: Bedrock does not know the model id bogus.model in us-east-1: called, AWS answers "ValidationException: The provided model identifier is invalid." (a typo, the wrong Region, or a retired model).',
    );
    expect(steps[1]).toMatch(/^asked: Use .* \(us\.[\w.:-]+\) instead of bogus\.model\?$/);
    expect(steps[2]).toBe(
      "problem: No model to call: bogus.model is not valid in us-east-1, and the replacement was not accepted.",
    );
    expect(steps).toHaveLength(3);
    const [problem] = problems(session.events);
    const offered = /\((us\.[\w.:-]+)\)/.exec(steps[1] ?? "")?.[1];
    expect(problem?.next.en).toContain(`--model-id ${offered}`);
    expect(problem?.next.en).toContain("--yes");
    expect(problem?.next.vi).toContain(`--model-id ${offered}`);
    expect(problem?.kind).toBe("invalid-model");
  });
});
