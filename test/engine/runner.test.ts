import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { flush, createFakeClock } from "../helpers/fake-clock.js";
import { fixtureRunner, sequence } from "../helpers/fixture-runner.js";

const signal = () => new AbortController().signal;

describe("Runner", () => {
  it("emits the whole event sequence of a passing run, then the checklist", async () => {
    const { runner, events, store } = await fixtureRunner();
    const summary = await runner.runSteps(runner.selectSteps(), signal());
    expect(sequence(events)).toEqual([
      "run-started:run",
      "step-started:make-thing",
      "action-started:create",
      "output:table",
      "action-finished:create:done",
      "check-started:thing-exists",
      "check-finished:thing-exists:pass",
      "step-finished:make-thing:passed",
      "step-started:use-thing",
      "action-started:use",
      "progress:use",
      "action-finished:use:done",
      "check-started:thing-used",
      "check-finished:thing-used:pass",
      "step-finished:use-thing:passed",
      "run-finished:passed",
    ]);
    expect(summary.outcome).toBe("passed");
    // The checklist reuses the checks that just ran, in the manifest's order, with points.
    expect(summary.checklist.map((item) => [item.id, item.result.status, item.points])).toEqual([
      ["thing-exists", "pass", 2],
      ["thing-used", "pass", 1],
    ]);
    expect(events.find((e) => e.type === "action-started")).toMatchObject({ cli: "fixture create --name widget" });
    expect(Object.keys(store.state.steps)).toEqual(["make-thing", "use-thing"]);
    expect(store.state.ledger).toMatchObject([{ key: "thing:widget", state: "created", stepId: "make-thing" }]);
  });

  it("stops at a failing action with a classified problem, skips its checks, still reports the checklist", async () => {
    const { runner, events, store } = await fixtureRunner({ params: { fail: "action" } });
    const summary = await runner.runSteps(runner.selectSteps(), signal());
    expect(sequence(events)).toEqual([
      "run-started:run",
      "step-started:make-thing",
      "action-started:create",
      "action-finished:create:failed",
      "step-finished:make-thing:failed",
      "check-started:thing-exists",
      "check-finished:thing-exists:fail",
      "check-started:thing-used",
      "check-finished:thing-used:fail",
      "run-finished:failed",
    ]);
    const failed = events.find((e) => e.type === "action-finished");
    expect(failed).toMatchObject({ problem: { kind: "internal", message: "the thing factory is closed" } });
    expect(summary.steps).toEqual([{ stepId: "make-thing", outcome: "failed" }]);
    expect(store.state.steps["make-thing"]).toMatchObject({ outcome: "failed", runs: 1 });
  });

  it("fails a step whose check fails, with evidence and a hint", async () => {
    const { runner, events } = await fixtureRunner({ params: { fail: "check" } });
    await runner.runSteps(["make-thing"], signal());
    const finished = events.find((e) => e.type === "check-finished");
    expect(finished).toMatchObject({
      result: { status: "fail", evidence: { expected: "widget", actual: "widget" }, hint: { en: "Run step 1." } },
    });
    expect(events.find((e) => e.type === "step-finished")).toMatchObject({ outcome: "failed" });
  });

  it("turns a check that throws into an error result, never an exception out of the runner", async () => {
    const { runner, events } = await fixtureRunner({ params: { fail: "check-throws" } });
    const items = await runner.runChecklist(signal());
    expect(items[0]?.result).toMatchObject({
      status: "error",
      problem: { kind: "internal", message: "the checker broke" },
    });
    expect(sequence(events).at(-1)).toBe("run-finished:failed");
  });

  it("passes a check's own error result through (the check could not run)", async () => {
    const { runner } = await fixtureRunner({ params: { fail: "check-error" } });
    const items = await runner.runChecklist(signal());
    expect(items[0]?.result).toMatchObject({ status: "error", problem: { kind: "iam-permission" } });
  });

  it("proves each check both ways: fails before its step ran, passes after", async () => {
    const { runner } = await fixtureRunner();
    const before = await runner.runChecklist(signal());
    expect(before.map((i) => i.result.status)).toEqual(["fail", "fail"]);
    await runner.runSteps(["make-thing"], signal());
    const middle = await runner.runChecklist(signal());
    expect(middle.map((i) => i.result.status)).toEqual(["pass", "fail"]);
    await runner.runSteps(["use-thing"], signal());
    expect((await runner.runChecklist(signal())).map((i) => i.result.status)).toEqual(["pass", "pass"]);
  });

  it("is idempotent: running again converges (the create is skipped, the ledger keeps one entry)", async () => {
    const { runner, events, store, worldFile } = await fixtureRunner();
    await runner.runSteps(runner.selectSteps(), signal());
    events.length = 0;
    const again = await runner.runSteps(runner.selectSteps(), signal());
    expect(again.outcome).toBe("passed");
    expect(sequence(events)).toContain("action-finished:create:skipped");
    expect(JSON.parse(readFileSync(worldFile, "utf8"))).toEqual({ things: ["widget"] });
    expect(store.state.ledger).toHaveLength(1);
    expect(store.state.steps["make-thing"]?.runs).toBe(2);
  });

  it("cancels mid-action at once and leaves the progress file consistent", async () => {
    const clock = createFakeClock();
    const { runner, events, store } = await fixtureRunner({ clock, params: { slowMs: 60_000 } });
    const controller = new AbortController();
    const pending = runner.runSteps(runner.selectSteps(), controller.signal);
    await flush();
    expect(sequence(events).at(-1)).toBe("action-started:create");
    controller.abort();
    const summary = await pending;
    expect(summary.outcome).toBe("cancelled");
    expect(sequence(events).slice(-3)).toEqual([
      "action-finished:create:cancelled",
      "step-finished:make-thing:cancelled",
      "run-finished:cancelled",
    ]);
    const onDisk = JSON.parse(readFileSync(store.path, "utf8")) as { steps: Record<string, { outcome: string }> };
    expect(onDisk.steps["make-thing"]?.outcome).toBe("cancelled");
    expect(onDisk).toEqual(store.state);
  });

  it("times an action out with a timeout problem", async () => {
    const { runner, events } = await fixtureRunner({ params: { slowMs: 60_000 }, defaultActionTimeoutMs: 50 });
    const summary = await runner.runSteps(["make-thing"], signal());
    expect(summary.outcome).toBe("failed");
    expect(events.find((e) => e.type === "action-finished")).toMatchObject({
      outcome: "timed-out",
      problem: { kind: "timeout" },
    });
  });

  it("says how long the limit was, also when it is the runner's default", async () => {
    const { runner, events } = await fixtureRunner({ params: { slowMs: 60_000 }, defaultActionTimeoutMs: 1_000 });
    await runner.runSteps(["make-thing"], signal());
    expect(events.find((e) => e.type === "action-finished")).toMatchObject({
      problem: { title: { en: "Timed out after 1 s." } },
    });
  });

  it("asks before a billable action on a real account, and stops when declined", async () => {
    const { runner, events, lab } = await fixtureRunner({
      target: {
        kind: "aws",
        region: "us-east-1",
        accountId: "111122223333",
        principalArn: "arn:aws:iam::111122223333:user/x",
      },
      confirm: async () => false,
    });
    const action = lab.steps[0]!.step.actions[0]!;
    action.billable = true;
    try {
      const summary = await runner.runSteps(["make-thing"], signal());
      expect(summary.outcome).toBe("failed");
      expect(events.find((e) => e.type === "action-finished")).toMatchObject({ outcome: "cancelled" });
    } finally {
      action.billable = false;
    }
  });

  it("selects steps by id or number, excludes cleanup steps by default, and names valid choices otherwise", async () => {
    const { runner } = await fixtureRunner();
    expect(runner.selectSteps()).toEqual(["make-thing", "use-thing"]);
    expect(runner.selectSteps("2")).toEqual(["use-thing"]);
    expect(runner.selectSteps("tidy-up")).toEqual(["tidy-up"]);
    expect(() => runner.selectSteps("9")).toThrow(
      /--step: there is no step "9". Steps: 1 \(make-thing\), 2 \(use-thing\), 3 \(tidy-up\)/,
    );
  });
});
