/**
 * The lab's steps as the views need them (no AWS: titles, bodies, hints, roles, check ids). Bodies are rendered
 * from the step's Markdown with the values known now, so the controller renders again after each action: a page
 * read after step 0 chose a model names that model.
 */
import type { LabSession } from "../../app/lab-session.js";
import { renderStepTexts, valueContext } from "../../engine/render.js";
import { hintLadder } from "../../engine/step-texts.js";
import type { StepInfo } from "../state/lab-view.js";

export function stepInfos(session: Pick<LabSession, "lab" | "store" | "params" | "target">): StepInfo[] {
  const values = valueContext(session.store, session.params, session.target);
  return session.lab.steps.map((loaded) => {
    const { step, number } = loaded;
    const texts = renderStepTexts(loaded, values);
    return {
      id: step.id,
      number,
      title: step.title,
      body: texts.body,
      ...(texts.task ? { task: texts.task } : {}),
      ...(texts.console ? { console: texts.console } : {}),
      role: step.role ?? "lab",
      hints: hintLadder(step, texts),
      checkIds: step.checks.map((check) => check.id),
    };
  });
}
