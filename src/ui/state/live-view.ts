/**
 * Live checking as the TUI shows it (hands-on and exam): the step being watched, the round going on, and the
 * latest result of each of its checks. A new round replaces the last one check by check — the page shows "not yet
 * — what is missing" in place, never a growing list — and a check cut short (the learner moved on, a run began)
 * keeps its last real result.
 *
 *   round-started 3        → checking, the items of round 2 still shown
 *   check-finished (live)  → that item replaced by round 3's result
 *   round-finished 3 (1/2) → waiting; `nextAt` = now + the back-off
 *   finished passed        → ended "passed", by the learner or genai-lab
 */
import type { DoneBy } from "../../engine/contract.js";
import type { RunnerEvent } from "../../engine/events.js";
import type { CheckItem } from "./lab-view-types.js";

export interface LiveView {
  stepId: string;
  round: number;
  /** A round is running now. */
  checking: boolean;
  /** The latest result of each check of the step, in the order they first ran. */
  items: CheckItem[];
  /** When the next round starts (epoch ms), while the watch waits. */
  nextAt?: number;
  /** When the last round finished (epoch ms): "checked 4 s ago". */
  checkedAt?: number;
  passed?: number;
  total?: number;
  /** How the watch ended: every check passed, or it was stopped (another step, a run, a dialog, quitting). */
  ended?: "passed" | "stopped";
  by?: DoneBy;
}

/** An event of live watching: the watch's own, or a check's tagged `live`. */
export function isLiveEvent(event: RunnerEvent): boolean {
  if (event.type === "watch") return true;
  return "live" in event && event.live === true;
}

/** A check cut short by cancellation says nothing about the cloud. */
export function cancelledResult(event: RunnerEvent): boolean {
  return (
    event.type === "check-finished" && event.result.status === "error" && event.result.problem.kind === "cancelled"
  );
}

export function liveReducer(live: LiveView | undefined, event: RunnerEvent, at: number): LiveView | undefined {
  if (event.type === "watch") {
    switch (event.phase) {
      case "round-started": {
        // The same step watched again keeps its last results on screen until the new ones come in.
        const items = live?.stepId === event.stepId ? live.items : [];
        const next: LiveView = { stepId: event.stepId, round: event.round, checking: true, items };
        if (live?.stepId === event.stepId && live.total !== undefined) {
          next.passed = live.passed ?? 0;
          next.total = live.total;
        }
        if (live?.stepId === event.stepId && live.checkedAt !== undefined) next.checkedAt = live.checkedAt;
        return next;
      }
      case "round-finished": {
        if (live?.stepId !== event.stepId) return live;
        const next: LiveView = { ...live, checking: false, passed: event.passed, total: event.total, checkedAt: at };
        if (event.nextRoundInMs > 0) next.nextAt = at + event.nextRoundInMs;
        else delete next.nextAt;
        return next;
      }
      case "finished": {
        if (live?.stepId !== event.stepId) return live;
        const next: LiveView = {
          ...live,
          checking: false,
          ended: event.outcome === "passed" ? "passed" : "stopped",
          ...(event.by ? { by: event.by } : {}),
        };
        delete next.nextAt;
        // Items still marked running were cut short: they show their last result, or nothing.
        next.items = next.items.flatMap(settle);
        return next;
      }
    }
  }
  if (!live || !("stepId" in event) || event.stepId !== live.stepId) return live;
  switch (event.type) {
    case "check-started": {
      const index = live.items.findIndex((item) => item.id === event.checkId);
      const previous = live.items[index];
      const item = runningCheck(event, at);
      if (previous?.result) item.result = previous.result;
      return { ...live, items: index < 0 ? [...live.items, item] : replaceAt(live.items, index, item) };
    }
    case "check-finished": {
      const index = live.items.findIndex((item) => item.id === event.checkId);
      const item = live.items[index];
      if (!item) return live;
      if (cancelledResult(event))
        return { ...live, items: live.items.flatMap((it) => (it === item ? settle(it) : [it])) };
      const done: CheckItem = {
        ...item,
        state: event.result.status,
        result: event.result,
        durationMs: event.durationMs,
      };
      delete done.progress;
      return { ...live, items: replaceAt(live.items, index, done) };
    }
    case "progress":
    case "output": {
      const index = live.items.findIndex((item) => item.id === event.checkId);
      const item = live.items[index];
      if (!item) return live;
      const next: CheckItem =
        event.type === "output"
          ? { ...item, outputs: [...item.outputs, event.output] }
          : { ...item, progress: { message: event.message, at } };
      return { ...live, items: replaceAt(live.items, index, next) };
    }
    default:
      return live;
  }
}

/** A check that just started, as a checklist row (shared with lab-view's runs and passes). */
export function runningCheck(event: Extract<RunnerEvent, { type: "check-started" }>, at: number): CheckItem {
  return { kind: "check", id: event.checkId, label: event.label, state: "running", startedAt: at, outputs: [] };
}

/** A check that stopped running without a new result: back to its last result (gone if it had none). */
function settle(item: CheckItem): CheckItem[] {
  if (item.state !== "running") return [item];
  if (!item.result) return [];
  const settled: CheckItem = { ...item, state: item.result.status };
  delete settled.progress;
  return [settled];
}

function replaceAt<T>(items: T[], index: number, item: T): T[] {
  const copy = [...items];
  copy[index] = item;
  return copy;
}
