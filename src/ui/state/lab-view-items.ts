/**
 * The lab view's activity items as the runner's events fold into them: an action or a check starts, reports
 * progress or output, and finishes — in the running step's run, else in the checklist pass — and a finished check
 * sets its checklist item's result (live rounds' included). Pure functions, used by lab-view.ts's reducer.
 */
import type { RunnerEvent } from "../../engine/events.js";
import type { AwsRequestRecord } from "../../report/model.js";
import type {
  ActionItem,
  ActivityItem,
  CheckItem,
  ChecklistItemView,
  LabView,
  LabViewAction,
  StepRun,
} from "./lab-view-types.js";
import { cancelledResult, liveReducer, runningCheck } from "./live-view.js";

type Event<T extends RunnerEvent["type"]> = Extract<RunnerEvent, { type: T }>;

export function actionStarted(state: LabView, event: Event<"action-started">, at: number): LabView {
  const item: ActionItem = {
    kind: "action",
    id: event.actionId,
    title: event.title,
    ...(event.cli ? { cli: event.cli } : {}),
    state: "running",
    startedAt: at,
    outputs: [],
  };
  return updateRun(state, event.stepId, (run) => ({ ...run, items: [...run.items, item] }));
}

/** A progress message or an output of the action or check it names. */
export function itemReported(state: LabView, event: Event<"progress" | "output">, at: number): LabView {
  return updateItem(
    state,
    event.stepId,
    event.actionId ? { kind: "action", id: event.actionId } : { kind: "check", id: event.checkId ?? "" },
    (item) =>
      event.type === "output"
        ? { ...item, outputs: [...item.outputs, event.output] }
        : {
            ...item,
            progress: {
              message: event.message,
              at,
              ...(event.fraction !== undefined ? { fraction: event.fraction } : {}),
              ...(event.countdown ? { countdown: event.countdown } : {}),
              ...(event.stream ? { stream: event.stream } : {}),
            },
          },
  );
}

export function actionFinished(state: LabView, event: Event<"action-finished">): LabView {
  return updateItem(state, event.stepId, { kind: "action", id: event.actionId }, (item) => {
    const done: ActionItem = { ...(item as ActionItem), state: event.outcome, durationMs: event.durationMs };
    delete done.progress;
    if (event.summary) done.summary = event.summary;
    if (event.problem) done.problem = event.problem;
    return done;
  });
}

export function checkStarted(state: LabView, event: Event<"check-started">, at: number): LabView {
  const item = runningCheck(event, at);
  const next =
    state.running?.stepId !== undefined
      ? updateRun(state, event.stepId, (run) => ({ ...run, items: [...run.items, item] }))
      : addToPass(state, item, at);
  return { ...next, checklist: next.checklist.map((c) => (c.id === event.checkId ? { ...c, running: true } : c)) };
}

export function checkFinished(
  state: LabView,
  event: Event<"check-finished">,
  requests: AwsRequestRecord[] | undefined,
): LabView {
  const next = updateItem(state, event.stepId, { kind: "check", id: event.checkId }, (item) => {
    const done: CheckItem = {
      ...(item as CheckItem),
      state: event.result.status,
      result: event.result,
      durationMs: event.durationMs,
    };
    delete done.progress;
    return done;
  });
  // A check cut short by Ctrl+C says nothing about the cloud: keep the last real result.
  const checklist = next.checklist.map((c) => (c.id === event.checkId ? { ...c, running: false } : c));
  return { ...next, checklist: cancelledResult(event) ? checklist : withResult(checklist, event, requests) };
}

/**
 * A live round's event: the Your turn panel's live section changes, and a finished check ticks (or unticks) its
 * checklist item at once. The item is not marked running meanwhile: a round every few seconds would make the
 * checklist flicker while the learner reads.
 */
export function liveEvent(state: LabView, action: Extract<LabViewAction, { type: "event" }>): LabView {
  const { event, at } = action;
  const live = liveReducer(state.live, event, at);
  const next: LabView = { ...state };
  if (live) next.live = live;
  else delete next.live;
  if (event.type !== "check-finished" || cancelledResult(event)) return next;
  return { ...next, checklist: withResult(next.checklist, event, action.requests) };
}

/** The checklist with the finished check's result (and the AWS calls it made) on its item. */
function withResult(
  checklist: ChecklistItemView[],
  event: Event<"check-finished">,
  requests: AwsRequestRecord[] | undefined,
): ChecklistItemView[] {
  return checklist.map((c) =>
    c.id !== event.checkId
      ? c
      : { ...c, result: event.result, durationMs: event.durationMs, ...(requests ? { requests } : {}) },
  );
}

function addToPass(state: LabView, item: CheckItem, at: number): LabView {
  const pass =
    state.checklistPass && state.running && state.checklistPass.startedAt >= state.running.startedAt
      ? state.checklistPass
      : { items: [], startedAt: at };
  return { ...state, checklistPass: { ...pass, items: [...pass.items, item] } };
}

export function updateRun(state: LabView, stepId: string, update: (run: StepRun) => StepRun): LabView {
  const run = state.runs[stepId];
  if (!run) return state;
  return { ...state, runs: { ...state.runs, [stepId]: update(run) } };
}

/** Updates the newest item with that kind and id: in the running step, else in the checklist pass. */
function updateItem(
  state: LabView,
  stepId: string,
  target: { kind: ActivityItem["kind"]; id: string },
  update: (item: ActivityItem) => ActivityItem,
): LabView {
  const replaceLast = (items: ActivityItem[]) => {
    const index = items.findLastIndex((item) => item.kind === target.kind && item.id === target.id);
    if (index < 0) return items;
    const copy = [...items];
    copy[index] = update(items[index]!);
    return copy;
  };
  if (state.running?.stepId === stepId || (target.kind === "action" && state.runs[stepId])) {
    return updateRun(state, stepId, (run) => ({ ...run, items: replaceLast(run.items) }));
  }
  if (state.checklistPass)
    return { ...state, checklistPass: { ...state.checklistPass, items: replaceLast(state.checklistPass.items) } };
  return state;
}
