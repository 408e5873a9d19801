import { describe, expect, it } from "vitest";
import type { RunnerEvent } from "../../../src/engine/events.js";
import { initialProgress } from "../../../src/engine/progress.js";
import {
  initialLabView,
  itemStatus,
  labViewReducer,
  resumeIndex,
  stepStatus,
  type LabView,
  type StepInfo,
} from "../../../src/ui/state/lab-view.js";
import { fixtureRunner } from "../../helpers/fixture-runner.js";

const steps: StepInfo[] = [
  {
    id: "make-thing",
    number: 1,
    title: { vi: "a", en: "a" },
    body: { vi: "", en: "" },
    role: "lab",
    hints: [],
    checkIds: ["thing-exists"],
  },
  {
    id: "use-thing",
    number: 2,
    title: { vi: "b", en: "b" },
    body: { vi: "", en: "" },
    role: "lab",
    hints: [],
    checkIds: ["thing-used"],
  },
  {
    id: "tidy-up",
    number: 3,
    title: { vi: "c", en: "c" },
    body: { vi: "", en: "" },
    role: "cleanup",
    hints: [],
    checkIds: [],
  },
];
const checklist = [
  { id: "thing-exists", label: { vi: "x", en: "x" }, stepId: "make-thing" },
  { id: "thing-used", label: { vi: "y", en: "y" }, stepId: "use-thing" },
];
const fresh = () =>
  initialLabView(
    steps,
    checklist,
    initialProgress("fixture-lab", { kind: "sandbox", accountId: "1", region: "r" }, "t"),
  );
const fold = (view: LabView, events: RunnerEvent[]) =>
  events.reduce((v, event, i) => labViewReducer(v, { type: "event", event, at: i }), view);

describe("lab view", () => {
  it("folds a real run: running, passed, the checklist pass, and a transcript entry", async () => {
    const { runner, events } = await fixtureRunner();
    await runner.runSteps(["make-thing"], new AbortController().signal);
    const stepStarted = events.findIndex((e) => e.type === "step-started");
    const mid = fold(fresh(), events.slice(0, stepStarted + 1));
    expect(stepStatus(mid, steps[0]!)).toBe("running");
    const view = fold(fresh(), events);
    expect(stepStatus(view, steps[0]!)).toBe("passed");
    expect(stepStatus(view, steps[1]!)).toBe("pending");
    expect(view.checklist.map(itemStatus)).toEqual(["pass", "fail"]);
    expect(view.runs["make-thing"]!.items.map((i) => `${i.kind}:${i.state}`)).toEqual(["action:done", "check:pass"]);
    expect(view.runs["make-thing"]!.items[0]!.outputs.map((o) => o.kind)).toEqual(["table"]);
    expect(view.checklistPass?.items.map((i) => i.id)).toEqual(["thing-used"]);
    expect(view.finished).toHaveLength(1);
    expect(view.running).toBeUndefined();
    expect(resumeIndex(view)).toBe(1);
  });

  it("shows a running checklist item, then failed, error and needs-attention states", async () => {
    const failing = await fixtureRunner({ params: { fail: "action" } });
    await failing.runner.runSteps(["make-thing"], new AbortController().signal);
    expect(stepStatus(fold(fresh(), failing.events), steps[0]!)).toBe("failed");

    const erroring = await fixtureRunner({ params: { fail: "check-error" } });
    await erroring.runner.runChecklist(new AbortController().signal);
    const started = erroring.events.findIndex((e) => e.type === "check-started");
    expect(itemStatus(fold(fresh(), erroring.events.slice(0, started + 1)).checklist[0]!)).toBe("running");
    expect(itemStatus(fold(fresh(), erroring.events).checklist[0]!)).toBe("error");

    // Passed once, then the cloud drifted: the step needs attention.
    const ok = await fixtureRunner();
    await ok.runner.runSteps(["make-thing"], new AbortController().signal);
    const drift = await fixtureRunner({ params: { fail: "check" } });
    await drift.runner.runChecklist(new AbortController().signal);
    expect(stepStatus(fold(fresh(), [...ok.events, ...drift.events]), steps[0]!)).toBe("attention");
  });

  it("marks a cancelled step as needing attention and keeps the last real check result", async () => {
    const controller = new AbortController();
    const { runner, events } = await fixtureRunner({ params: { slowMs: 10_000 } });
    const run = runner.runSteps(["make-thing"], controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    await run;
    const view = fold(fresh(), events);
    expect(stepStatus(view, steps[0]!)).toBe("attention");
    expect(view.runs["make-thing"]!.items[0]!.state).toBe("cancelled");
  });

  it("resumes from the progress store", () => {
    const progress = initialProgress("fixture-lab", { kind: "sandbox", accountId: "1", region: "r" }, "t");
    progress.steps["make-thing"] = { outcome: "passed", finishedAt: "t", runs: 1 };
    progress.checks["thing-exists"] = { result: { status: "pass" }, at: "t" };
    const view = initialLabView(steps, checklist, progress);
    expect(stepStatus(view, steps[0]!)).toBe("passed");
    expect(view.checklist.map(itemStatus)).toEqual(["pass", "pending"]);
    expect(resumeIndex(view)).toBe(1);
    progress.steps["use-thing"] = { outcome: "passed", finishedAt: "t", runs: 1 };
    expect(resumeIndex(initialLabView(steps, checklist, progress))).toBe(2); // everything done: cleanup is next
  });
});

describe("a lab step with no checks of its own", () => {
  it("reads as passed once the next lab step with checks passed (its work is verified there), not before", () => {
    const invoke: StepInfo = { ...steps[0]!, id: "invoke", number: 1, checkIds: [] };
    const view: LabView = {
      ...fresh(),
      steps: [invoke, { ...steps[1]!, number: 2 }, steps[2]!],
    };
    expect(stepStatus(view, invoke)).toBe("pending");
    const passed: LabView = { ...view, outcomes: { "use-thing": "passed" } };
    expect(stepStatus(passed, invoke)).toBe("passed");
    expect(stepStatus({ ...view, outcomes: { "use-thing": "failed" } }, invoke)).toBe("pending");
    // A cleanup step with no checks is not lab work: it never reads as done this way.
    expect(stepStatus(passed, steps[2]!)).toBe("pending");
  });
});

describe("a streamed answer in the lab view", () => {
  const message = { vi: "m", en: "m" };
  const progress = (extra: Partial<RunnerEvent & { type: "progress" }>): RunnerEvent => ({
    type: "progress",
    stepId: "make-thing",
    actionId: "a",
    message,
    ...extra,
  });

  it("keeps the latest stream event as the action's progress; a plain one (a retry) or the end replaces it", () => {
    const streaming = fold(fresh(), [
      { type: "step-started", stepId: "make-thing", title: message },
      { type: "action-started", stepId: "make-thing", actionId: "a", title: message },
      progress({ stream: { text: "Hel", firstTokenMs: 12 } }),
      progress({ stream: { text: "Hello", firstTokenMs: 12 } }),
    ]);
    const item = () => streaming.runs["make-thing"]!.items[0]!;
    expect(item().progress?.stream).toEqual({ text: "Hello", firstTokenMs: 12 });
    const retried = fold(streaming, [progress({ message: { vi: "r", en: "retry" } })]);
    expect(retried.runs["make-thing"]!.items[0]!.progress?.stream).toBeUndefined();
    const done = fold(streaming, [
      { type: "action-finished", stepId: "make-thing", actionId: "a", outcome: "done", durationMs: 5 },
    ]);
    expect(done.runs["make-thing"]!.items[0]!.progress).toBeUndefined();
  });
});
