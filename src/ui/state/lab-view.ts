/**
 * What the TUI knows about the lab, as a pure reducer over the runner's event stream (plus the progress store's
 * state to resume from). Views derive step and checklist statuses from it (lab-view-status.ts); nothing here
 * renders. The shapes are in lab-view-types.ts, the activity items' folds in lab-view-items.ts; this module
 * re-exports both, so importers keep one path.
 */
import type { DoneBy } from "../../engine/contract.js";
import type { StepOutcome } from "../../engine/events.js";
import type { ProgressState } from "../../engine/progress.js";
import type { Text } from "../../engine/text.js";
import {
  actionFinished,
  actionStarted,
  checkFinished,
  checkStarted,
  itemReported,
  liveEvent,
  updateRun,
} from "./lab-view-items.js";
import type { FinishedRun, LabView, LabViewAction, StepInfo } from "./lab-view-types.js";
import { isLiveEvent } from "./live-view.js";

export type * from "./lab-view-types.js";
export { failedItems, itemStatus, passedCount, resumeIndex, stepStatus } from "./lab-view-status.js";

export function initialLabView(
  steps: StepInfo[],
  checklist: { id: string; label: Text; stepId: string }[],
  progress: ProgressState,
): LabView {
  const outcomes: Record<string, StepOutcome> = {};
  const finishedAt: Record<string, number> = {};
  const doneBy: Record<string, DoneBy> = {};
  for (const step of steps) {
    const record = progress.steps[step.id];
    if (record) outcomes[step.id] = record.outcome;
    if (record) finishedAt[step.id] = Date.parse(record.finishedAt);
    if (record?.doneBy) doneBy[step.id] = record.doneBy;
  }
  return {
    steps,
    outcomes,
    doneBy,
    finishedAt,
    ...fromProgress(progress),
    runs: {},
    checklist: checklist.map((item) => {
      const record = progress.checks[item.id];
      return { ...item, running: false, ...(record ? { result: record.result } : {}) };
    }),
    finished: [],
  };
}

/** What the view reads from the progress store besides step outcomes. */
function fromProgress(progress: ProgressState): Pick<LabView, "completion" | "removed" | "hints"> {
  const completion = progress.completion;
  const since = completion ? Date.parse(completion.at) : Infinity;
  const removed = progress.ledger
    .filter((entry) => entry.state === "deleted" && Date.parse(entry.updatedAt) >= since)
    .map(({ type, name }) => ({ type, name }));
  return { ...(completion ? { completion } : {}), removed, hints: progress.hints ?? {} };
}

export function labViewReducer(state: LabView, action: LabViewAction): LabView {
  if (action.type === "progress") {
    const read = fromProgress(action.progress);
    // Most store changes (facts, ledger entries being created) change neither: keep the view as it is.
    if (
      read.completion === state.completion &&
      read.removed.length === state.removed.length &&
      read.hints === state.hints
    )
      return state;
    const next = { ...state, ...read };
    if (!read.completion) delete next.completion;
    return next;
  }
  const { event, at } = action;
  if (isLiveEvent(event)) return liveEvent(state, action);
  switch (event.type) {
    case "run-started":
      return {
        ...state,
        running: { mode: event.mode, startedAt: at },
        ...(event.mode === "check" ? { checklistPass: { items: [], startedAt: at } } : {}),
      };
    case "step-started":
      return {
        ...state,
        running: {
          mode: state.running?.mode ?? "run",
          startedAt: state.running?.startedAt ?? at,
          stepId: event.stepId,
        },
        runs: { ...state.runs, [event.stepId]: { items: [], startedAt: at } },
      };
    case "action-started":
      return actionStarted(state, event, at);
    case "progress":
    case "output":
      return itemReported(state, event, at);
    case "action-finished":
      return actionFinished(state, event);
    case "check-started":
      return checkStarted(state, event, at);
    case "check-finished":
      return checkFinished(state, event, action.requests);
    case "step-finished": {
      const next = updateRun(state, event.stepId, (run) => ({
        ...run,
        outcome: event.outcome,
        durationMs: event.durationMs,
      }));
      const running = next.running ? { mode: next.running.mode, startedAt: next.running.startedAt } : undefined;
      return {
        ...next,
        outcomes: { ...next.outcomes, [event.stepId]: event.outcome },
        ...(event.by ? { doneBy: { ...next.doneBy, [event.stepId]: event.by } } : {}),
        finishedAt: { ...next.finishedAt, [event.stepId]: at },
        ...(running ? { running } : {}),
      };
    }
    case "watch":
      return state; // handled with the live events above
    case "run-finished": {
      const startedAt = state.running?.startedAt ?? at;
      const steps = Object.entries(state.runs)
        .filter(([, run]) => run.startedAt >= startedAt)
        .map(([stepId, run]) => ({ stepId, run }));
      const checklist = state.checklist.map((c) => ({ ...c, running: false }));
      const { mode, outcome, durationMs } = event;
      const finished: FinishedRun = { key: state.finished.length, mode, outcome, durationMs, steps, checklist };
      const rest = { ...state };
      delete rest.running;
      return { ...rest, checklist, finished: [...state.finished, finished] };
    }
  }
}
