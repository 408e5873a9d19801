import { describe, expect, it } from "vitest";
import type { ResolvedMode } from "../../../src/app/lab-session.js";
import type { RunnerEvent } from "../../../src/engine/events.js";
import { initialProgress } from "../../../src/engine/progress.js";
import { stepDone, watchableStep } from "../../../src/ui/app/hands-on.js";
import {
  initialLabView,
  labViewReducer,
  stepStatus,
  type LabView,
  type StepInfo,
} from "../../../src/ui/state/lab-view.js";

const step = (id: string, number: number, role: StepInfo["role"], checkIds: string[]): StepInfo => ({
  id,
  number,
  title: { vi: id, en: id },
  body: { vi: "", en: "" },
  role,
  hints: [],
  checkIds,
});
const steps = [
  step("make-thing", 1, "lab", ["thing-exists"]),
  step("investigate", 2, "bonus", ["bonus-alarm"]),
  step("tidy-up", 3, "cleanup", []),
];
const [lab, bonus] = steps as [StepInfo, StepInfo, StepInfo];
// The bonus's item is not on the checklist: a lab's bonus items are reported apart.
const checklist = [{ id: "thing-exists", label: { vi: "x", en: "x" }, stepId: "make-thing" }];
const handsOn: ResolvedMode = { mode: "hands-on", source: "saved" };

/** Each step finishes (passed) at the next tick, in the order given. */
function after(...stepIds: string[]): LabView {
  const start = initialLabView(
    steps,
    checklist,
    initialProgress("fixture-lab", { kind: "sandbox", accountId: "1", region: "r" }, "t"),
  );
  return stepIds.reduce((view, stepId, i) => {
    const event: RunnerEvent = { type: "step-finished", stepId, outcome: "passed", durationMs: 1, by: "runner" };
    return labViewReducer(view, { type: "event", event, at: 1000 + i });
  }, start);
}

describe("the bonus step after cleanup", () => {
  it("is done (not watched live) once it passed, while nothing cleaned up after it", () => {
    const view = after("make-thing", "investigate");
    expect(stepDone(view, bonus)).toBe(true);
    expect(watchableStep({ mode: handsOn, view }, bonus.id, false)).toBeUndefined();
    expect(stepStatus(view, bonus)).toBe("passed");
  });

  it("stays recorded as passed after cleanup, but its page checks it live again (its alarm is gone)", () => {
    const view = after("make-thing", "investigate", "tidy-up");
    expect(stepStatus(view, bonus)).toBe("passed"); // the step list keeps its ✓, as the lab's steps keep theirs
    expect(view.outcomes[bonus.id]).toBe("passed");
    expect(stepDone(view, bonus)).toBe(false); // the page no longer says "✓ Step passed" without checking
    expect(watchableStep({ mode: handsOn, view }, bonus.id, false)).toBe(bonus.id);
  });

  it("is done again once it passed after the cleanup (done anew)", () => {
    const view = after("make-thing", "investigate", "tidy-up", "investigate");
    expect(stepDone(view, bonus)).toBe(true);
    expect(watchableStep({ mode: handsOn, view }, bonus.id, false)).toBeUndefined();
  });

  it("leaves a lab step to its checklist items (cleanup's re-check unticks them; the bonus has none)", () => {
    const view = after("make-thing", "tidy-up");
    expect(stepDone(view, lab)).toBe(false); // no result yet for thing-exists: not "all pass"
    const passedItem: LabView = {
      ...view,
      checklist: view.checklist.map((item) => ({ ...item, result: { status: "pass" as const } })),
    };
    expect(stepDone(passedItem, lab)).toBe(true);
  });
});

describe("the cleanup step in hands-on and exam mode", () => {
  const tidy = step("tidy-up", 3, "cleanup", ["tidy-gone"]);
  const withChecks = [lab, bonus, tidy];
  const viewAfter = (...stepIds: string[]): LabView =>
    stepIds.reduce(
      (view, stepId, i) => {
        const event: RunnerEvent = { type: "step-finished", stepId, outcome: "passed", durationMs: 1, by: "learner" };
        return labViewReducer(view, { type: "event", event, at: 1000 + i });
      },
      initialLabView(
        withChecks,
        checklist,
        initialProgress("fixture-lab", { kind: "sandbox", accountId: "1", region: "r" }, "t"),
      ),
    );
  const exam: ResolvedMode = { mode: "exam", source: "flag" };

  it("is not watched before any lab step ran (nothing there yet: it would pass at once)", () => {
    expect(watchableStep({ mode: handsOn, view: viewAfter() }, tidy.id, false)).toBeUndefined();
  });

  it("is watched live once the lab has work to clean up, in hands-on and exam mode alike", () => {
    const view = viewAfter("make-thing");
    expect(watchableStep({ mode: handsOn, view }, tidy.id, false)).toBe(tidy.id);
    expect(watchableStep({ mode: exam, view }, tidy.id, false)).toBe(tidy.id);
    expect(watchableStep({ mode: { mode: "guided", source: "flag" }, view }, tidy.id, false)).toBeUndefined();
  });

  it("is done once it passed, until a lab step runs again (then there is something to clean again)", () => {
    expect(stepDone(viewAfter("make-thing", "tidy-up"), tidy)).toBe(true);
    expect(watchableStep({ mode: handsOn, view: viewAfter("make-thing", "tidy-up") }, tidy.id, false)).toBeUndefined();
    const again = viewAfter("make-thing", "tidy-up", "make-thing");
    expect(stepDone(again, tidy)).toBe(false);
    expect(watchableStep({ mode: handsOn, view: again }, tidy.id, false)).toBe(tidy.id);
  });
});
