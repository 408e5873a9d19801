/**
 * The one stream the runner emits. The TUI, the plain printer and the grading reports are all consumers of it.
 */
import type { CheckResult, Countdown, DoneBy, StreamProgress } from "./contract.js";
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
  /** Set on what a live re-check emits (watchStep): each round replaces the previous one instead of adding to it. */
  live?: true;
}

export interface ChecklistItemResult {
  id: string;
  label: Text;
  stepId: string;
  points: number;
  /** Pass and fail results carry `doneBy`: what the check said, else the engine's default (attribution.ts). */
  result: CheckResult;
  durationMs: number;
  startedAt: string;
  /** Hints of the check's step the learner revealed; absent when unknown (class grading has no local progress). */
  hintsUsed?: number;
}

/** Why a live round started: the first, the back-off timer, or a poke (the `c` key). */
export type WatchReason = "first" | "timer" | "poke";

/**
 * Live watching of a step (watchStep): its rounds and how it ended. Between `round-started` and `round-finished`
 * come the round's check events, tagged `live: true`.
 */
export type WatchEvent =
  | { type: "watch"; phase: "round-started"; stepId: string; round: number; reason: WatchReason }
  | {
      type: "watch";
      phase: "round-finished";
      stepId: string;
      round: number;
      passed: number;
      total: number;
      /** When the next round starts unless poked (0: at once, a poke came during the round). */
      nextRoundInMs: number;
    }
  | { type: "watch"; phase: "finished"; stepId: string; outcome: WatchOutcome; rounds: number; by?: DoneBy };

/** passed: every check of the step passed (recorded); no-checks: nothing to watch; cancelled: the signal aborted. */
export type WatchOutcome = "passed" | "cancelled" | "no-checks";

export type RunnerEvent =
  | { type: "run-started"; mode: RunMode; stepIds: string[]; at: string }
  /** `resumed`: the step passed in an earlier run; its checks run first and it is done again only if one fails. */
  | { type: "step-started"; stepId: string; title: Text; resumed?: boolean }
  | { type: "action-started"; stepId: string; actionId: string; title: Text; cli?: string }
  | ({
      type: "progress";
      message: Text;
      fraction?: number;
      countdown?: Countdown;
      stream?: StreamProgress;
    } & EventOrigin)
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
  | { type: "check-started"; stepId: string; checkId: string; label: Text; live?: true }
  | {
      type: "check-finished";
      stepId: string;
      checkId: string;
      label: Text;
      result: CheckResult;
      durationMs: number;
      live?: true;
    }
  | { type: "step-finished"; stepId: string; outcome: StepOutcome; durationMs: number; by?: DoneBy }
  | WatchEvent
  | { type: "run-finished"; mode: RunMode; outcome: StepOutcome; durationMs: number; checklist: ChecklistItemResult[] };

export type RunnerListener = (event: RunnerEvent) => void;
