/**
 * When the lab is complete: the first time every checklist item passes, the progress store records a completion
 * (progress.ts `Completion`). Later failures — cleanup deleting what the checks look at, above all — never undo it.
 *
 *   checks all pass, no completion yet  → { type: "lab-completed", completion: { at, startedAt, durationMs, items, mode } }
 *                                          (each item: its id, who did it and the hints revealed on its step)
 *   otherwise                           → undefined
 */
import type { ChecklistEntry } from "./contract.js";
import type { ProgressAction, ProgressState } from "./progress.js";

/** `stepOf`: the step a checklist item's check belongs to (for the hints revealed on it). */
export function completionAction(
  state: ProgressState,
  checklist: readonly ChecklistEntry[],
  stepOf: (checkId: string) => string | undefined,
  at: string,
): ProgressAction | undefined {
  if (state.completion || checklist.length === 0) return undefined;
  if (!checklist.every((entry) => state.checks[entry.id]?.result.status === "pass")) return undefined;
  const finished = Object.values(state.steps)
    .map((step) => step.finishedAt)
    .sort();
  const startedAt = finished[0];
  const durationMs = startedAt ? Math.max(0, Date.parse(at) - Date.parse(startedAt)) : undefined;
  return {
    type: "lab-completed",
    at,
    completion: {
      at,
      ...(startedAt ? { startedAt } : {}),
      ...(durationMs !== undefined ? { durationMs } : {}),
      items: checklist.map((entry) => {
        const result = state.checks[entry.id]?.result;
        const doneBy = result && result.status !== "error" ? result.doneBy : undefined;
        const stepId = stepOf(entry.id);
        const hintsUsed = stepId ? state.hints?.[stepId] : undefined;
        return { id: entry.id, ...(doneBy ? { doneBy } : {}), ...(hintsUsed ? { hintsUsed } : {}) };
      }),
      ...(state.mode ? { mode: state.mode } : {}),
    },
  };
}
