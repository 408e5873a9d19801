/**
 * Where the lab stands as a whole, derived from the lab view: is cleanup done (no lab step has run since it), and
 * is the lab completed and cleaned up — then it reads as completed (what passed, when; what cleanup removed),
 * not as the four failures a re-check after cleanup would find.
 */
import { isByHandStep } from "../../engine/contract.js";
import type { ChecklistItemView, LabView, StepInfo } from "./lab-view-types.js";

/** Cleanup passed and no lab step finished after it. */
export function cleanupDone(view: LabView): boolean {
  const cleanup = view.steps.find((step) => step.role === "cleanup");
  if (!cleanup || view.outcomes[cleanup.id] !== "passed") return false;
  const at = view.finishedAt[cleanup.id] ?? 0;
  return view.steps.every((step) => step.role !== "lab" || (view.finishedAt[step.id] ?? 0) <= at);
}

/** Some lab or bonus step has run (whatever its outcome): there may be something to clean up. */
export function labWorkDone(view: LabView): boolean {
  return view.steps.some((step) => isByHandStep(step) && view.outcomes[step.id]);
}

/** Cleanup passed after the step last finished: what the step made is gone. */
export function cleanedSince(view: LabView, step: StepInfo): boolean {
  const cleanup = view.steps.find((s) => s.role === "cleanup");
  if (!cleanup || view.outcomes[cleanup.id] !== "passed") return false;
  return (view.finishedAt[cleanup.id] ?? 0) >= (view.finishedAt[step.id] ?? Infinity);
}

/** The lab was completed, then cleaned up (and nothing has run since). */
export function completedAndCleaned(view: LabView): boolean {
  if (!view.completion) return false;
  const cleanup = view.steps.find((step) => step.role === "cleanup");
  const cleanedAt = cleanup ? (view.finishedAt[cleanup.id] ?? 0) : 0;
  return cleanupDone(view) && cleanedAt >= Date.parse(view.completion.at);
}

/** The checklist as the panels show it: after a completed lab was cleaned up, every item as it passed. */
export function shownChecklist(view: LabView): ChecklistItemView[] {
  if (!completedAndCleaned(view)) return view.checklist;
  const passed = new Set(view.completion?.items.map((item) => item.id));
  return view.checklist.map((item) =>
    item.running || !passed.has(item.id) ? item : { ...item, result: { status: "pass" } },
  );
}

/** "2026-05-04 14:03" in local time: when something happened, readable in either language. */
export function shortTime(iso: string | number): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/**
 * A lab step with no checks of its own is verified by the next lab step's checks: once that step passed, this one
 * reads as done too — the learner who did it by hand has no other way to tick it. (The built-in lab has none since
 * step 2 checks its own calls; other labs may.)
 */
export function checkedWithNext(view: LabView, step: StepInfo): boolean {
  if (step.role !== "lab" || step.checkIds.length > 0) return false;
  const index = view.steps.indexOf(step);
  const next = view.steps.slice(index + 1).find((s) => s.role === "lab" && s.checkIds.length > 0);
  return next !== undefined && view.outcomes[next.id] === "passed";
}
