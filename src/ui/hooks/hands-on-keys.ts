/**
 * The keys of hands-on mode, for the input hook: starting from the welcome card's mode question, the `m` chooser,
 * Your turn's ways (Tab), and copying a step's commands (`y` to the clipboard, `Y` printed for the mouse).
 */
import type { Mode } from "../../engine/contract.js";
import { fill } from "../../engine/text.js";
import { MODE_NAMES } from "../../report/strings.js";
import { copyLines } from "../app/copy-lines.js";
import { modeLocked, MODE_CHOICES } from "../app/hands-on.js";
import type { StepInfo } from "../state/lab-view.js";
import { WAYS, type Way } from "../state/ui-state.js";
import { S } from "../strings.js";
import type { AppInput } from "./use-app-input.js";

/** Enter on the welcome card: the mode highlighted is saved first when the card asked for one. */
export function startLab(input: AppInput, selected: number): void {
  const { state, controller, ui, dispatch } = input;
  if (state.phase.kind === "ready" && state.mode?.source === "none") {
    controller.setMode(MODE_CHOICES[ui.modeChoice] ?? "hands-on");
  }
  dispatch({ type: "start", selected });
}

/** `m`: the mode chooser, on the mode in effect — unless the instructor set exam mode (it cannot change). */
export function openModeChooser(input: AppInput): void {
  const { state, dispatch } = input;
  if (state.mode && modeLocked(state.mode)) {
    dispatch({ type: "flash", text: S.modeLocked });
    return;
  }
  const current = state.mode?.mode ? MODE_CHOICES.indexOf(state.mode.mode) : 0;
  dispatch({ type: "open", overlay: { kind: "mode", choice: Math.max(0, current) } });
}

/** Enter in the chooser: that mode, saved, in effect at once. */
export function chooseMode(input: AppInput): void {
  const { ui, controller, dispatch } = input;
  if (ui.overlay?.kind !== "mode") return;
  const mode: Mode = MODE_CHOICES[ui.overlay.choice] ?? "hands-on";
  const saved = controller.setMode(mode);
  dispatch({ type: "close" });
  dispatch({ type: "flash", text: saved ? modeSavedText(mode) : S.modeLocked });
}

function modeSavedText(mode: Mode) {
  const name = MODE_NAMES[mode];
  return { vi: fill(S.modeSaved, { mode: name.vi }).vi, en: fill(S.modeSaved, { mode: name.en }).en };
}

/** The way Your turn shows when the learner has not picked one: the console on real AWS, the CLI elsewhere. */
export function wayShown(input: Pick<AppInput, "state" | "ui">): Way {
  if (input.ui.way) return input.ui.way;
  const phase = input.state.phase;
  return phase.kind === "ready" && phase.session.target.kind === "aws" ? "console" : "cli";
}

export function switchWay(input: AppInput, by: 1 | -1): void {
  const index = WAYS.indexOf(wayShown(input));
  input.dispatch({ type: "way", way: WAYS[(index + by + WAYS.length) % WAYS.length]! });
}

/**
 * `y` (copy) and `Y` (print). Copying sends OSC 52 and says so where the terminal is known to take it; where it is
 * known not to, or may not, the lines are printed too, to select with the mouse, with a note saying which.
 */
export function copyStep(input: AppInput, step: StepInfo, how: "copy" | "print"): void {
  const { state, dispatch, clipboard } = input;
  const view = state.view;
  if (!view) return;
  const lines = copyLines(step, view, state.mode?.mode, wayShown(input), state.lang);
  if (lines === undefined) {
    dispatch({ type: "flash", text: S.copyExam });
    return;
  }
  if (lines.length === 0) {
    dispatch({ type: "flash", text: fill(S.copyNone, { n: step.number }) });
    return;
  }
  const n = step.number;
  if (how === "copy" && clipboard.support !== "no") clipboard.copy(`${lines.join("\n")}\n`);
  if (how === "copy" && clipboard.support === "yes") {
    dispatch({ type: "flash", text: fill(S.copied, { n, count: lines.filter((l) => !l.startsWith("#")).length }) });
    return;
  }
  const note =
    how === "print" ? undefined : clipboard.support === "no" ? fill(S.copyNoClipboard, { n }) : S.copyAlsoClipboard;
  dispatch({ type: "open", overlay: { kind: "copy", stepId: step.id, lines, ...(note ? { note } : {}) } });
}
