/**
 * Who did the work a check verified, when the check itself does not say (a check that knows — it compared what
 * it read with the ledger and the facts — sets `doneBy` on its result, and that always wins).
 *
 * The engine's default follows the step that owns the check:
 *   - a step whose actions did something this run (an action ended "done") was done by the runner;
 *   - a step whose actions all found the work already there ("skipped") keeps whoever did it before, and is the
 *     learner's when nobody is on record (the runner found the learner's work and left it alone);
 *   - a step whose checks passed while it was watched live keeps "runner" only when every check says so
 *     (see watch.ts), else it is the learner's.
 * A check run on its own (the checklist, `check`) takes the step's record: "runner" when the runner completed
 * it last, else "learner". Class grading has no local progress at all: there the default is unknown (undefined).
 */
import type { CheckResult, DoneBy } from "./contract.js";
import type { ActionOutcome } from "./events.js";

/** Who completed a step whose actions ended with these outcomes. */
export function stepDoneBy(outcomes: readonly ActionOutcome[], previous: DoneBy | undefined): DoneBy {
  if (outcomes.includes("done")) return "runner";
  return previous ?? "learner";
}

/** The default for a check of a step with this record: the runner only when it completed the step last. */
export function recordedDoneBy(previous: DoneBy | undefined): DoneBy {
  return previous === "runner" ? "runner" : "learner";
}

/** The result with `doneBy` filled in (pass and fail only: an error verified nothing). */
export function attributed(result: CheckResult, fallback: DoneBy | undefined): CheckResult {
  if (result.status === "error" || result.doneBy !== undefined || fallback === undefined) return result;
  return { ...result, doneBy: fallback };
}

/** A watched step's checks all passed: the learner's unless every check credits the runner. */
export function watchedDoneBy(results: readonly CheckResult[]): DoneBy {
  return results.every((result) => result.status !== "error" && result.doneBy === "runner") ? "runner" : "learner";
}
