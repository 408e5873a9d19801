import { describe, expect, it } from "vitest";
import {
  hintsRevealed,
  initialProgress,
  progressReducer,
  type ProgressAction,
  type ProgressState,
} from "../../src/engine/progress.js";

const target = { kind: "sandbox" as const, accountId: "123456789012", region: "us-east-1" };
const at = "2026-11-26T10:00:00.000Z";
const origin = { region: "us-east-1", stepId: "enable-logging", actionId: "create-log-group", at };
const reduce = (actions: ProgressAction[], state: ProgressState = initialProgress("lab", target, at)) =>
  actions.reduce(progressReducer, state);

describe("progressReducer: the resource ledger", () => {
  it("records a resource before the create call and marks it created after", () => {
    const creating = reduce([{ type: "resource-creating", resource: { type: "log-group", name: "/g" }, ...origin }]);
    expect(creating.ledger).toMatchObject([{ key: "log-group:/g", state: "creating", stepId: "enable-logging" }]);
    const created = reduce([{ type: "resource-created", key: "log-group:/g", arn: "arn:g", at }], creating);
    expect(created.ledger).toMatchObject([{ key: "log-group:/g", state: "created", arn: "arn:g" }]);
  });

  it("marks a refused create as failed, but never un-owns a resource the lab created earlier", () => {
    const refused = reduce([
      { type: "resource-creating", resource: { type: "iam-role", name: "r" }, ...origin },
      { type: "resource-failed", key: "iam-role:r", at },
    ]);
    expect(refused.ledger[0]?.state).toBe("failed");
    const owned = reduce([
      { type: "resource-creating", resource: { type: "iam-role", name: "r" }, ...origin },
      { type: "resource-created", key: "iam-role:r", at },
      { type: "resource-creating", resource: { type: "iam-role", name: "r" }, ...origin },
      { type: "resource-failed", key: "iam-role:r", at },
    ]);
    expect(owned.ledger).toHaveLength(1);
    expect(owned.ledger[0]?.state).toBe("created");
  });

  it("re-creating a deleted resource starts a fresh entry; deletion is recorded", () => {
    const state = reduce([
      { type: "resource-creating", resource: { type: "dashboard", name: "d" }, ...origin },
      { type: "resource-created", key: "dashboard:d", at },
      { type: "resource-deleted", key: "dashboard:d", at },
    ]);
    expect(state.ledger[0]?.state).toBe("deleted");
    const again = reduce([{ type: "resource-creating", resource: { type: "dashboard", name: "d" }, ...origin }], state);
    expect(again.ledger).toHaveLength(1);
    expect(again.ledger[0]?.state).toBe("creating");
  });

  it("counts step runs, records checks and facts, and resets everything but the identity", () => {
    const state = reduce([
      { type: "step-finished", stepId: "s", outcome: "failed", at },
      { type: "step-finished", stepId: "s", outcome: "passed", at },
      { type: "check-recorded", checkId: "c", result: { status: "pass" }, at },
      { type: "fact-set", key: "k", value: { a: 1 }, at },
      { type: "fact-deleted", key: "missing", at },
    ]);
    expect(state.steps.s).toEqual({ outcome: "passed", finishedAt: at, runs: 2 });
    expect(state.checks.c?.result).toEqual({ status: "pass" });
    expect(state.facts).toEqual({ k: { a: 1 } });
    const reset = reduce([{ type: "reset", at }], state);
    expect(reset).toEqual(initialProgress("lab", target, at));
  });
});

describe("progressReducer: hands-on mode", () => {
  it("remembers the mode, counts revealed hints per step, records who finished a step, and keeps the mode on reset", () => {
    const state = reduce([
      { type: "mode-set", mode: "exam", at },
      { type: "hint-revealed", stepId: "a", at },
      { type: "hint-revealed", stepId: "a", at },
      { type: "hint-revealed", stepId: "b", at },
      { type: "step-finished", stepId: "a", outcome: "passed", by: "learner", at },
      // A later finish that does not say who keeps the earlier answer (a failed "do it for me" did nothing).
      { type: "step-finished", stepId: "a", outcome: "failed", at },
    ]);
    expect(state.mode).toBe("exam");
    expect(hintsRevealed(state, "a")).toBe(2);
    expect(hintsRevealed(state, "b")).toBe(1);
    expect(hintsRevealed(state, "c")).toBe(0);
    expect(state.steps.a).toEqual({ outcome: "failed", finishedAt: at, runs: 2, doneBy: "learner" });
    const reset = reduce([{ type: "reset", at }], state);
    expect(reset).toEqual({ ...initialProgress("lab", target, at), mode: "exam" });
  });
});
