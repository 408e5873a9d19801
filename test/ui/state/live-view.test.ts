import { describe, expect, it } from "vitest";
import type { CheckResult } from "../../../src/engine/contract.js";
import type { RunnerEvent } from "../../../src/engine/events.js";
import { liveReducer, type LiveView } from "../../../src/ui/state/live-view.js";

const label = { vi: "Thứ đã tồn tại", en: "The thing exists" };
const fail: CheckResult = {
  status: "fail",
  evidence: { expected: "widget", actual: "(nothing)" },
  hint: { vi: "Tạo nó.", en: "Make it." },
};
const pass: CheckResult = { status: "pass", evidence: { expected: "widget", actual: "widget" } };
const cancelled: CheckResult = {
  status: "error",
  problem: {
    kind: "cancelled",
    title: { vi: "Đã huỷ", en: "Cancelled" },
    next: { vi: "Không cần làm gì.", en: "Nothing to do." },
    retryable: true,
  },
};

const started = (round: number): RunnerEvent => ({
  type: "watch",
  phase: "round-started",
  stepId: "s",
  round,
  reason: "timer",
});
const check = (result: CheckResult): RunnerEvent[] => [
  { type: "check-started", stepId: "s", checkId: "c", label, live: true },
  { type: "check-finished", stepId: "s", checkId: "c", label, result, durationMs: 5, live: true },
];
const finished = (round: number, passed: number, nextRoundInMs: number): RunnerEvent => ({
  type: "watch",
  phase: "round-finished",
  stepId: "s",
  round,
  passed,
  total: 1,
  nextRoundInMs,
});

function reduce(events: [RunnerEvent, number][], from?: LiveView): LiveView | undefined {
  return events.reduce<LiveView | undefined>((live, [event, at]) => liveReducer(live, event, at), from);
}

describe("live view (the Your turn panel's live check)", () => {
  it("shows each round's result in place, when it last looked and when it looks next", () => {
    const first = reduce([
      [started(1), 1000],
      ...check(fail).map((e): [RunnerEvent, number] => [e, 1010]),
      [finished(1, 0, 2000), 1020],
    ])!;
    expect(first).toMatchObject({ stepId: "s", round: 1, checking: false, passed: 0, total: 1, checkedAt: 1020 });
    expect(first.nextAt).toBe(3020);
    expect(first.items).toHaveLength(1);
    expect(first.items[0]).toMatchObject({ state: "fail", result: fail });

    // The next round keeps the last result on screen while it runs (no flicker), then replaces it.
    const running = reduce(
      [
        [started(2), 3020],
        [check(pass)[0]!, 3021],
      ],
      first,
    )!;
    expect(running).toMatchObject({ checking: true, checkedAt: 1020 });
    expect(running.items).toHaveLength(1);
    expect(running.items[0]).toMatchObject({ state: "running", result: fail });
    const second = reduce(
      [
        [check(pass)[1]!, 3030],
        [finished(2, 1, 0), 3031],
      ],
      running,
    )!;
    expect(second.items[0]).toMatchObject({ state: "pass", result: pass });
    expect(second.nextAt).toBeUndefined();
    const done = liveReducer(
      second,
      { type: "watch", phase: "finished", stepId: "s", outcome: "passed", rounds: 2, by: "learner" },
      3032,
    );
    expect(done).toMatchObject({ ended: "passed", by: "learner" });
  });

  it("keeps a check's last real result when a round is cut short, and ignores other steps' events", () => {
    const first = reduce([
      [started(1), 0],
      ...check(fail).map((e): [RunnerEvent, number] => [e, 1]),
      [finished(1, 0, 2000), 2],
    ])!;
    const cut = reduce(
      [
        [started(2), 10],
        ...check(cancelled).map((e): [RunnerEvent, number] => [e, 11]),
        [{ type: "watch", phase: "finished", stepId: "s", outcome: "cancelled", rounds: 2 }, 12],
      ],
      first,
    )!;
    expect(cut.ended).toBe("stopped");
    expect(cut.items[0]).toMatchObject({ state: "fail", result: fail });
    const other: RunnerEvent = { type: "check-started", stepId: "other", checkId: "x", label, live: true };
    expect(liveReducer(cut, other, 13)).toBe(cut);
  });
});
