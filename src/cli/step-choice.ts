/**
 * Which step `commands` and `hint` are about: the one --step names, else where the learner is — the first lab
 * step not yet passed (the step the TUI opens on). Undefined when every lab step has passed.
 */
import { isLabStep } from "../engine/contract.js";
import type { LoadedStep } from "../engine/loader.js";
import type { Session } from "./session.js";

export function chosenStep(session: Session, selection: string | undefined): LoadedStep | undefined {
  const steps = session.lab.steps;
  if (selection !== undefined) {
    const [id] = session.runner.selectSteps(selection); // a UsageError naming the valid steps when there is none
    return steps.find(({ step }) => step.id === id);
  }
  const records = session.store.state.steps;
  return steps.find(({ step }) => isLabStep(step) && records[step.id]?.outcome !== "passed");
}
