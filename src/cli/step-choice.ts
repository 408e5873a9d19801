/**
 * Which step `commands` and `hint` are about: the one --step names, else where the learner is — the first lab
 * step not yet passed (the step the TUI opens on; one without checks counts as passed once the next lab step with
 * checks has). Undefined when every lab step has passed.
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
  const passed = (id: string) => records[id]?.outcome === "passed";
  // A lab step without checks of its own (another lab's) is verified by the next lab step's, as the TUI reads it:
  // once that one passed, the learner is not on it any more (hint offered its rungs after a finished lab).
  const checkedWithNext = (index: number) => {
    const next = steps.slice(index + 1).find(({ step }) => isLabStep(step) && step.checks.length > 0);
    return steps[index]!.step.checks.length === 0 && next !== undefined && passed(next.step.id);
  };
  return steps.find(({ step }, i) => isLabStep(step) && !passed(step.id) && !checkedWithNext(i));
}
