/**
 * The lab's steps as the views need them (no AWS: titles, bodies, hints, roles, check ids, and Your turn with the
 * learner's real values). Bodies are rendered from the step's Markdown with the values known now, so the controller
 * renders again after each action: a page read after step 0 chose a model names that model.
 */
import type { LabSession } from "../../app/lab-session.js";
import { renderStepTexts, valueContext } from "../../engine/render.js";
import { hintLadder } from "../../engine/step-texts.js";
import type { StepInfo } from "../state/lab-view.js";

/** Without a runner (a report's history), Your turn's commands are left out. */
export type StepSource = Pick<LabSession, "lab" | "store" | "params" | "target"> & {
  runner?: Pick<LabSession["runner"], "yourTurn" | "commands">;
};

export function stepInfos(session: StepSource): StepInfo[] {
  const values = valueContext(session.store, session.params, session.target);
  return session.lab.steps.map((loaded) => {
    const { step, number } = loaded;
    const texts = renderStepTexts(loaded, values);
    // Built in each language: the commands' comments follow the language on screen (`l`).
    const turn = { vi: session.runner?.yourTurn(step.id, "vi"), en: session.runner?.yourTurn(step.id, "en") };
    const commands = {
      vi: session.runner?.commands(step.id, "vi") ?? [],
      en: session.runner?.commands(step.id, "en") ?? [],
    };
    const cli = turn.vi?.cli && turn.en?.cli ? { vi: turn.vi.cli, en: turn.en.cli } : undefined;
    const python = turn.vi?.python && turn.en?.python ? { vi: turn.vi.python, en: turn.en.python } : undefined;
    return {
      id: step.id,
      number,
      title: step.title,
      body: texts.body,
      ...(texts.task ? { task: texts.task } : {}),
      ...(texts.console ? { console: texts.console } : {}),
      ...(cli ? { cli } : {}),
      ...(python ? { python } : {}),
      ...(commands.en.length > 0 ? { commands } : {}),
      role: step.role ?? "lab",
      hints: hintLadder(step, texts),
      checkIds: step.checks.map((check) => check.id),
    };
  });
}
