/**
 * What the TUI knows about the lab, as a pure reducer over the runner's event stream (plus the progress store's
 * state to resume from). Views derive step and checklist statuses from it; nothing here renders.
 */
import {
  isLabStep,
  type CheckResult,
  type CheckStatus,
  type Countdown,
  type DoneBy,
  type StepRole,
} from "../../engine/contract.js";
import type { ActionOutcome, RunMode, RunnerEvent, StepOutcome } from "../../engine/events.js";
import type { Output } from "../../engine/outputs.js";
import type { Problem } from "../../engine/problem.js";
import type { Completion, ProgressState } from "../../engine/progress.js";
import type { Text } from "../../engine/text.js";
import type { AwsRequestRecord } from "../../report/model.js";
import type { ItemStatus, StepStatus } from "../theme/status.js";
import { cancelledResult, isLiveEvent, liveReducer, runningCheck, type LiveView } from "./live-view.js";
import { checkedWithNext, cleanupDone, shownChecklist } from "./standing.js";

export interface StepInfo {
  id: string;
  number: number;
  title: Text;
  /** The page, rendered from the step's Markdown with the values known when it was last asked for. */
  body: Text;
  /** Your turn (hands-on): the task and the console path, when the step has them. */
  task?: Text;
  console?: Text;
  /** Your turn's AWS CLI lines and boto3 snippet, with the learner's real values (absent: the step has none yet). */
  cli?: string;
  python?: string;
  /** The shell lines that do the step by hand (`genai-lab commands`): Your turn's CLI, else the actions' lines. */
  commands?: string[];
  role: StepRole;
  hints: Text[];
  checkIds: string[];
}

export interface ProgressView {
  message: Text;
  fraction?: number;
  countdown?: Countdown;
  at: number;
}

export interface ActionItem {
  kind: "action";
  id: string;
  title: Text;
  cli?: string;
  state: "running" | ActionOutcome;
  startedAt: number;
  durationMs?: number;
  progress?: ProgressView;
  outputs: Output[];
  summary?: Text;
  problem?: Problem;
}

export interface CheckItem {
  kind: "check";
  id: string;
  label: Text;
  state: "running" | CheckStatus;
  startedAt: number;
  durationMs?: number;
  progress?: ProgressView;
  outputs: Output[];
  result?: CheckResult;
}

export type ActivityItem = ActionItem | CheckItem;

export interface StepRun {
  items: ActivityItem[];
  startedAt: number;
  outcome?: StepOutcome;
  durationMs?: number;
}

export interface ChecklistItemView {
  id: string;
  label: Text;
  stepId: string;
  running: boolean;
  result?: CheckResult;
  durationMs?: number;
  /** The AWS calls the check's latest run made (the details panel names them, as the reports do). */
  requests?: AwsRequestRecord[];
}

export interface LabView {
  steps: StepInfo[];
  outcomes: Record<string, StepOutcome>;
  /** Who completed each step last: the learner (their own work passed its checks live) or genai-lab (its actions). */
  doneBy: Record<string, DoneBy>;
  /** Live checking of the step open in hands-on or exam mode (its latest round). */
  live?: LiveView;
  /** When each step last finished (epoch ms): cleanup counts as done only if no lab step ran after it. */
  finishedAt: Record<string, number>;
  /** The lab as completed (progress), kept through cleanup. */
  completion?: Completion;
  /** What cleanup removed since the lab was completed (the ledger's deleted entries). */
  removed: { type: string; name: string }[];
  /** How many hints of each step's ladder were revealed, counted in progress (here, or by `genai-lab hint`). */
  hints: Record<string, number>;
  /** The latest run of each step (actions and the step's own checks). */
  runs: Record<string, StepRun>;
  checklist: ChecklistItemView[];
  /** Checks run outside any step (the checklist pass after a run, or `c`). */
  checklistPass?: StepRun;
  running?: { mode: RunMode; stepId?: string; startedAt: number };
  /** Every finished run, in order, for the transcript printed once above the live area. */
  finished: FinishedRun[];
}

export interface FinishedRun {
  key: number;
  mode: RunMode;
  outcome: StepOutcome;
  durationMs: number;
  steps: { stepId: string; run: StepRun }[];
  checklist: ChecklistItemView[];
}

/**
 * `event`: one of the runner's events (`requests`: on check-finished, the AWS calls that run of the check made);
 * `progress`: the progress store changed (the lab's completion, what cleanup removed).
 */
export type LabViewAction =
  | { type: "event"; event: RunnerEvent; at: number; requests?: AwsRequestRecord[] }
  | { type: "progress"; progress: ProgressState };

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
      return updateRun(state, event.stepId, (run) => ({
        ...run,
        items: [
          ...run.items,
          {
            kind: "action",
            id: event.actionId,
            title: event.title,
            ...(event.cli ? { cli: event.cli } : {}),
            state: "running",
            startedAt: at,
            outputs: [],
          },
        ],
      }));
    case "progress":
    case "output":
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
                },
              },
      );
    case "action-finished":
      return updateItem(state, event.stepId, { kind: "action", id: event.actionId }, (item) => {
        const done: ActionItem = { ...(item as ActionItem), state: event.outcome, durationMs: event.durationMs };
        delete done.progress;
        if (event.summary) done.summary = event.summary;
        if (event.problem) done.problem = event.problem;
        return done;
      });
    case "check-started": {
      const item = runningCheck(event, at);
      const next = inStep(state)
        ? updateRun(state, event.stepId, (run) => ({ ...run, items: [...run.items, item] }))
        : addToPass(state, item, at);
      return { ...next, checklist: next.checklist.map((c) => (c.id === event.checkId ? { ...c, running: true } : c)) };
    }
    case "check-finished": {
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
      const aborted = event.result.status === "error" && event.result.problem.kind === "cancelled";
      return {
        ...next,
        checklist: next.checklist.map((c) =>
          c.id !== event.checkId
            ? c
            : // A check cut short by Ctrl+C says nothing about the cloud: keep the last real result.
              aborted
              ? { ...c, running: false }
              : {
                  ...c,
                  running: false,
                  result: event.result,
                  durationMs: event.durationMs,
                  ...(action.requests ? { requests: action.requests } : {}),
                },
        ),
      };
    }
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

/**
 * A live round's event: the Your turn panel's live section changes, and a finished check ticks (or unticks) its
 * checklist item at once. The item is not marked running meanwhile: a round every few seconds would make the
 * checklist flicker while the learner reads.
 */
function liveEvent(state: LabView, action: Extract<LabViewAction, { type: "event" }>): LabView {
  const { event, at } = action;
  const live = liveReducer(state.live, event, at);
  const next: LabView = { ...state };
  if (live) next.live = live;
  else delete next.live;
  if (event.type !== "check-finished" || cancelledResult(event)) return next;
  return {
    ...next,
    checklist: next.checklist.map((c) =>
      c.id !== event.checkId
        ? c
        : {
            ...c,
            result: event.result,
            durationMs: event.durationMs,
            ...(action.requests ? { requests: action.requests } : {}),
          },
    ),
  };
}

function inStep(state: LabView): boolean {
  return state.running?.stepId !== undefined;
}

function addToPass(state: LabView, item: CheckItem, at: number): LabView {
  const pass =
    state.checklistPass && state.running && state.checklistPass.startedAt >= state.running.startedAt
      ? state.checklistPass
      : { items: [], startedAt: at };
  return { ...state, checklistPass: { ...pass, items: [...pass.items, item] } };
}

function updateRun(state: LabView, stepId: string, update: (run: StepRun) => StepRun): LabView {
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

/** A step's status for the step list. */
export function stepStatus(view: LabView, step: StepInfo): StepStatus {
  if (view.running?.stepId === step.id) return "running";
  const outcome = view.outcomes[step.id];
  if (outcome === undefined) return checkedWithNext(view, step) ? "passed" : "pending";
  switch (outcome) {
    case "failed":
      return "failed";
    case "cancelled":
      return "attention";
    case "passed": {
      // Cleanup is done only while no lab step has run since: what those made is there to clean again.
      if (step.role === "cleanup") return cleanupDone(view) ? "passed" : "pending";
      // Passed once, but the cloud drifted: one of its checklist items no longer passes. After the lab was
      // completed and cleaned up, that is the cleanup's doing, not drift.
      const drifted = failedItems(shownChecklist(view)).some((item) => item.stepId === step.id);
      return drifted ? "attention" : "passed";
    }
  }
}

/** Checklist items worth explaining (`d`): those that failed or could not run. */
export function failedItems(items: ChecklistItemView[]): ChecklistItemView[] {
  return items.filter((item) => item.result !== undefined && item.result.status !== "pass");
}

/** How many checklist items passed at their last check. */
export function passedCount(items: ChecklistItemView[]): number {
  return items.filter((item) => item.result?.status === "pass").length;
}

export function itemStatus(item: ChecklistItemView): ItemStatus {
  if (item.running) return "running";
  return item.result?.status ?? "pending";
}

/** Where the learner should carry on: the first lab step that has not passed (else the first step). */
export function resumeIndex(view: LabView): number {
  const index = view.steps.findIndex((step) => isLabStep(step) && stepStatus(view, step) !== "passed");
  if (index >= 0) return index;
  return Math.max(
    0,
    view.steps.findIndex((step) => step.role === "cleanup"),
  );
}
