/**
 * Statuses read off the lab view (nothing stored): a step's status in the step list, a checklist item's, what
 * passed, what to explain, and where the learner should carry on.
 */
import { isLabStep } from "../../engine/contract.js";
import type { ItemStatus, StepStatus } from "../theme/status.js";
import type { ChecklistItemView, LabView, StepInfo } from "./lab-view-types.js";
import { checkedWithNext, cleanupDone, shownChecklist } from "./standing.js";

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
