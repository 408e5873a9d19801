/**
 * Where `genai-lab hint` and `commands` say the learner is, without --step: the first lab step not yet passed, as
 * the TUI reads it — a step without checks of its own counts as done once the next checked step passed. Step 2 (the
 * calls) used to be such a step; it now has its own check (the calls' records), so it is done when that passed.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Session } from "../../src/cli/session.js";
import { chosenStep } from "../../src/cli/step-choice.js";
import { startLabSession, type LabSession } from "../helpers/lab-session.js";

let session: LabSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const passed = (s: LabSession, stepId: string) =>
  s.store.dispatch({ type: "step-finished", stepId, outcome: "passed", by: "learner", at: new Date().toISOString() });

describe("the step hint and commands are about", () => {
  it("the first lab step not passed: step 2 has a check of its own, so step 3 passing does not skip it", async () => {
    const s = (session = await startLabSession());
    const where = () => chosenStep(s as unknown as Session, undefined)?.step.id;
    passed(s, "preflight");
    passed(s, "enable-invocation-logging");
    expect(where()).toBe("generate-sample-invocations"); // not verified yet: the learner is on it
    passed(s, "view-logs");
    expect(where()).toBe("generate-sample-invocations"); // its own check has not passed yet
    passed(s, "generate-sample-invocations");
    expect(where()).toBe("create-dashboard");
    passed(s, "create-dashboard");
    expect(where()).toBeUndefined(); // every lab step done: hint says so instead of offering step 2's rungs
  });

  it("skips a step without checks once the next one with checks passed", () => {
    const step = (id: string, checks: number) => ({
      step: { id, role: "lab", checks: Array.from({ length: checks }, (_, i) => ({ id: `${id}-${i}` })) },
    });
    const outcomes: Record<string, { outcome: string }> = {};
    const fake = {
      lab: { steps: [step("a", 1), step("calls", 0), step("b", 1)] },
      store: { state: { steps: outcomes } },
    };
    const where = () => chosenStep(fake as unknown as Session, undefined)?.step.id;
    outcomes.a = { outcome: "passed" };
    expect(where()).toBe("calls");
    outcomes.b = { outcome: "passed" };
    expect(where()).toBeUndefined();
  });
});
