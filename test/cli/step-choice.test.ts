/**
 * Where `genai-lab hint` and `commands` say the learner is, without --step: the first lab step not yet passed, as
 * the TUI reads it — step 2 (the calls, no checks of its own) counts as done once step 3's checks passed.
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
  it("skips a step without checks once the next one with checks passed, and is none when the lab is done", async () => {
    const s = (session = await startLabSession());
    const where = () => chosenStep(s as unknown as Session, undefined)?.step.id;
    passed(s, "preflight");
    passed(s, "enable-invocation-logging");
    expect(where()).toBe("generate-sample-invocations"); // not verified yet: the learner is on it
    passed(s, "view-logs");
    expect(where()).toBe("create-dashboard");
    passed(s, "create-dashboard");
    expect(where()).toBeUndefined(); // every lab step done: hint says so instead of offering step 2's rungs
  });
});
