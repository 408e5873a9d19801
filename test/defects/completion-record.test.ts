/** The completion record (progress.ts): written once, when every checklist item first passes; reset clears it. */
import { describe, expect, it } from "vitest";
import { completionAction } from "../../src/engine/completion.js";
import { initialProgress, progressReducer, type ProgressState } from "../../src/engine/progress.js";

const checklist = [{ id: "a" }, { id: "b" }];
const target = { kind: "sandbox" as const, accountId: "123456789012", region: "us-east-1" };

function withChecks(state: ProgressState, statuses: Record<string, "pass" | "fail">, at: string): ProgressState {
  return Object.entries(statuses).reduce(
    (s, [checkId, status]) =>
      progressReducer(s, {
        type: "check-recorded",
        checkId,
        result:
          status === "pass"
            ? { status: "pass" }
            : { status: "fail", evidence: { expected: "x", actual: "y" }, hint: { vi: "h", en: "h" } },
        at,
      }),
    state,
  );
}

describe("the completion record", () => {
  it("is written the first time every item passes, with when the lab began, and never rewritten", () => {
    let state = initialProgress("lab", target, "2026-01-01T10:00:00.000Z");
    state = progressReducer(state, {
      type: "step-finished",
      stepId: "one",
      outcome: "passed",
      at: "2026-01-01T10:01:00.000Z",
    });
    state = withChecks(state, { a: "pass", b: "fail" }, "2026-01-01T10:02:00.000Z");
    expect(completionAction(state, checklist, () => undefined, "2026-01-01T10:02:00.000Z")).toBeUndefined();
    state = withChecks(state, { b: "pass" }, "2026-01-01T10:05:00.000Z");
    const action = completionAction(state, checklist, () => undefined, "2026-01-01T10:05:00.000Z");
    expect(action).toEqual({
      type: "lab-completed",
      at: "2026-01-01T10:05:00.000Z",
      completion: {
        at: "2026-01-01T10:05:00.000Z",
        startedAt: "2026-01-01T10:01:00.000Z",
        durationMs: 240_000,
        items: [{ id: "a" }, { id: "b" }],
      },
    });
    state = progressReducer(state, action!);
    // Cleanup makes every check fail; a later pass does not move the date.
    state = withChecks(state, { a: "fail", b: "fail" }, "2026-01-01T11:00:00.000Z");
    expect(state.completion?.at).toBe("2026-01-01T10:05:00.000Z");
    state = withChecks(state, { a: "pass", b: "pass" }, "2026-01-01T12:00:00.000Z");
    expect(completionAction(state, checklist, () => undefined, "2026-01-01T12:00:00.000Z")).toBeUndefined();
    const again = progressReducer(state, { ...action!, at: "2026-01-01T12:00:00.000Z" });
    expect(again.completion?.at).toBe("2026-01-01T10:05:00.000Z");
  });
});
