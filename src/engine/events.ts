/**
 * The one stream the runner emits. The TUI, the plain printer and the grading reports are all consumers of it.
 */
import type { CheckResult, Countdown } from "./contract.js";
import type { Output } from "./outputs.js";
import type { Problem } from "./problem.js";
import type { Text } from "./text.js";

export type ActionOutcome = "done" | "skipped" | "failed" | "cancelled" | "timed-out";
export type StepOutcome = "passed" | "failed" | "cancelled";
export type RunMode = "run" | "check";

/** Where a progress or output event comes from. */
export interface EventOrigin {
  stepId: string;
  actionId?: string;
  checkId?: string;
}

export interface ChecklistItemResult {
  id: string;
  label: Text;
  stepId: string;
  points: number;
  result: CheckResult;
  durationMs: number;
  startedAt: string;
}

export type RunnerEvent =
  | { type: "run-started"; mode: RunMode; stepIds: string[]; at: string }
  | { type: "step-started"; stepId: string; title: Text }
  | { type: "action-started"; stepId: string; actionId: string; title: Text; cli?: string }
  | ({ type: "progress"; message: Text; fraction?: number; countdown?: Countdown } & EventOrigin)
  | ({ type: "output"; output: Output } & EventOrigin)
  | {
      type: "action-finished";
      stepId: string;
      actionId: string;
      outcome: ActionOutcome;
      durationMs: number;
      summary?: Text;
      problem?: Problem;
    }
  | { type: "check-started"; stepId: string; checkId: string; label: Text }
  | { type: "check-finished"; stepId: string; checkId: string; label: Text; result: CheckResult; durationMs: number }
  | { type: "step-finished"; stepId: string; outcome: StepOutcome; durationMs: number }
  | { type: "run-finished"; mode: RunMode; outcome: StepOutcome; durationMs: number; checklist: ChecklistItemResult[] };

export type RunnerListener = (event: RunnerEvent) => void;
