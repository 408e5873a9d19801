/**
 * The rules of hands-on and exam mode in the TUI, as plain functions the controller and the views share: which
 * step is watched live, when the mode can change, and what "do it for me" asks.
 */
import type { ResolvedMode } from "../../app/lab-session.js";
import type { Mode } from "../../engine/contract.js";
import { fill } from "../../engine/text.js";
import type { LabView, StepInfo } from "../state/lab-view.js";
import { cleanedSince, cleanupDone, labWorkDone } from "../state/standing.js";
import { S } from "../strings.js";
import type { Question } from "./confirm-queue.js";
import { isWatchedStep } from "../../engine/contract.js";

export { MODE_CHOICES } from "../state/ui-state.js";

/** The learner does the work (and genai-lab checks it live). */
export function learnerWorks(mode: Mode | undefined): boolean {
  return mode === "hands-on" || mode === "exam";
}

/**
 * Exam mode set by the instructor (GENAI_LAB_MODE) is the room's rule: the learner cannot leave it from the TUI.
 * Any other mode — chosen on the welcome card, by --mode, or another mode set by GENAI_LAB_MODE — can be changed
 * with `m` (the choice is saved; GENAI_LAB_MODE still wins on the next start).
 */
export function modeLocked(mode: ResolvedMode): boolean {
  return mode.source === "env" && mode.mode === "exam";
}

/**
 * A step whose checklist items all pass after it passed: there is nothing left to watch. The bonus has no
 * checklist items (its items are reported apart), so nothing here says whether its work still stands: it is done
 * until cleanup runs after it. Then, like a lab step after cleanup, it stays recorded as passed (the step list's
 * ✓) but its page checks it live again, and the live check says what is true now (the alarm is gone: not yet).
 */
export function stepDone(view: LabView, step: StepInfo): boolean {
  if (view.outcomes[step.id] !== "passed") return false;
  // Cleanup stands while no lab step has run since (what those made is there to clean again).
  if (step.role === "cleanup") return cleanupDone(view);
  const items = view.checklist.filter((item) => item.stepId === step.id);
  if (items.length === 0) return !cleanedSince(view, step);
  return items.every((item) => item.result?.status === "pass");
}

/**
 * The step to watch live, if any: in hands-on or exam mode, the step the learner has open, when it is a lab, bonus
 * or cleanup step with checks that are not all passing yet, and nothing else is going on (a run, a question).
 */
export function watchableStep(
  state: { mode?: ResolvedMode; view?: LabView; confirm?: unknown },
  focus: string | undefined,
  running: boolean,
): string | undefined {
  const { view } = state;
  if (!view || focus === undefined || running || state.confirm || !learnerWorks(state.mode?.mode)) return undefined;
  const step = view.steps.find((s) => s.id === focus);
  if (!step || !isWatchedStep(step) || step.checkIds.length === 0 || stepDone(view, step)) return undefined;
  // Cleanup of a lab not begun would pass at once (nothing there): it is watched once there may be something.
  if (step.role === "cleanup" && !labWorkDone(view)) return undefined;
  return step.id;
}

/** Hands-on's "do it for me": asked first, because the checklist will credit genai-lab, not the learner. */
export function doItForMeQuestion(step: StepInfo): Question {
  return {
    kind: "choice",
    title: S.doItTitle,
    question: {
      vi: fill(S.doItQuestion, { n: step.number, title: step.title.vi }).vi,
      en: fill(S.doItQuestion, { n: step.number, title: step.title.en }).en,
    },
    detail: S.doItDetail,
  };
}
