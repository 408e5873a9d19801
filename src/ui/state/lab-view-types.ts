/**
 * The shapes of the TUI's lab view (lab-view.ts builds and folds them): the steps' pages, each step's latest run,
 * the checklist, live checking, and the finished runs the transcript prints. Types only.
 */
import type { CheckResult, CheckStatus, Countdown, DoneBy, StepRole, StreamProgress } from "../../engine/contract.js";
import type { ActionOutcome, RunMode, RunnerEvent, StepOutcome } from "../../engine/events.js";
import type { Output } from "../../engine/outputs.js";
import type { Problem } from "../../engine/problem.js";
import type { Completion, ProgressState } from "../../engine/progress.js";
import type { Lang, Text } from "../../engine/text.js";
import type { AwsRequestRecord } from "../../report/model.js";
import type { LiveView } from "./live-view.js";

export interface StepInfo {
  id: string;
  number: number;
  title: Text;
  /** The page, rendered from the step's Markdown with the values known when it was last asked for. */
  body: Text;
  /** Your turn (hands-on): the task and the console path, when the step has them. */
  task?: Text;
  console?: Text;
  /**
   * Your turn's AWS CLI lines and boto3 snippet, with the learner's real values (absent: the step has none yet),
   * in each language: only their comments differ, and they follow the language on screen.
   */
  cli?: Text;
  python?: Text;
  /** The shell lines that do the step by hand (`genai-lab commands`): Your turn's CLI, else the actions' lines. */
  commands?: Record<Lang, string[]>;
  role: StepRole;
  hints: Text[];
  checkIds: string[];
}

export interface ProgressView {
  message: Text;
  fraction?: number;
  countdown?: Countdown;
  /** A model's answer streaming in (the latest event carries all of it). */
  stream?: StreamProgress;
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
