/**
 * The one input hook: every key press goes through key-bindings.ts's `commandFor`, in the scope on screen
 * (welcome, main, an open dialog or panel). Ctrl+C is handled here and only here: it cancels the running action
 * first; pressed again, or when nothing runs, it quits. While AWS calls run, everything else is locked.
 */
import { useInput } from "ink";
import { useLayoutEffect, useRef } from "react";
import type { TuiController, ControllerState } from "../app/controller.js";
import { commandFor, lockedBy, type Command, type KeyContext } from "../key-bindings.js";
import { failedItems, resumeIndex, type LabView } from "../state/lab-view.js";
import { shownChecklist } from "../state/standing.js";
import type { UiAction, UiState } from "../state/ui-state.js";
import type { UiStore } from "./use-ui-state.js";
import { splitPresses } from "./key-chunks.js";
import { fill } from "../../engine/text.js";
import { S } from "../strings.js";
import type { Clipboard } from "../terminal/clipboard.js";
import { chooseMode, copyStep, openModeChooser, startLab, switchWay } from "./hands-on-keys.js";

export interface ScrollInfo {
  offset: number;
  max: number;
  page: number;
}

export interface AppInput {
  controller: TuiController;
  state: ControllerState;
  ui: UiState;
  dispatch(action: UiAction): void;
  /** The step page's current scroll offset and its largest, measured by the view. */
  scroll: ScrollInfo;
  /** The terminal's clipboard (`y`). */
  clipboard: Clipboard;
}

export function scopeOf(state: ControllerState, ui: UiState): "dialog" | "overlay" | "chooser" | "welcome" | "main" {
  if (state.confirm) return "dialog";
  if (ui.overlay?.kind === "mode") return "chooser";
  if (ui.overlay) return "overlay";
  return ui.screen === "main" && state.view ? "main" : "welcome";
}

/** The welcome card asks which mode: a session is open and nothing chose one (--mode, GENAI_LAB_MODE, saved). */
export function choosingMode(state: ControllerState): boolean {
  return state.phase.kind === "ready" && state.mode?.source === "none";
}

export function keyContextOf(state: ControllerState, ui?: UiState): KeyContext {
  const view = state.view;
  const step = ui && view ? view.steps[ui.selected] : undefined;
  const live = view?.live;
  return {
    running: state.running,
    phase: state.phase.kind,
    resumed: view !== undefined && Object.keys(view.outcomes).length > 0,
    ...(state.mode?.mode ? { mode: state.mode.mode } : {}),
    choosing: choosingMode(state),
    ...(step ? { role: step.role } : {}),
    watching: live !== undefined && live.ended === undefined && live.stepId === step?.id,
  };
}

/**
 * Reads the controller's and the interface's state at the moment of each key press (not from the last render),
 * so keys typed in quick succession — even several in one input chunk — each see the effect of the one before.
 * The hook is re-registered each render (Ink's useInput takes the newest handler), so `tooSmall` is current.
 */
export function useAppInput(
  controller: TuiController,
  ui: UiStore,
  scroll: ScrollInfo,
  clipboard: Clipboard,
  tooSmall = false,
): void {
  const latestScroll = useRef(scroll);
  useLayoutEffect(() => {
    latestScroll.current = scroll;
  });
  useInput((chars, key) => {
    for (const press of splitPresses(chars, key)) {
      const input: AppInput = {
        controller,
        state: controller.getState(),
        ui: ui.get(),
        dispatch: ui.dispatch,
        scroll: latestScroll.current,
        clipboard,
      };
      if (input.state.exitCode !== undefined) return;
      // The printed commands stay until any key (Ctrl+C still cancels a run, or quits).
      if (input.ui.overlay?.kind === "copy" && !(press.key.ctrl && press.input === "c")) {
        ui.dispatch({ type: "close" });
        continue;
      }
      const scope = scopeOf(input.state, input.ui);
      const context = keyContextOf(input.state, input.ui);
      const command = commandFor(press.input, press.key, scope, context);
      // On a terminal too small to draw the screen, keys acting on what cannot be seen are ignored.
      if (command && (!tooSmall || command === "quit" || command === "cancel")) perform(command, input);
      // A key that would start something while a run goes on is not kept for later: say it is locked.
      const locked = command ? undefined : lockedBy(press.input, press.key, scope, context);
      if (locked && !tooSmall) ui.dispatch({ type: "flash", text: fill(S.keyLocked, { key: locked.keys[0] ?? "" }) });
    }
  });
}

export function perform(command: Command, input: AppInput): void {
  const { controller, state, ui, dispatch } = input;
  const view: LabView | undefined = state.view;
  const step = view?.steps[ui.selected];
  switch (command) {
    case "cancel":
      if (state.running && !state.cancelling) controller.cancel();
      else if (state.running) void controller.quit(130);
      else if (state.confirm) state.confirm.answer(false);
      else if (ui.overlay) dispatch({ type: "close" });
      else void controller.quit(130);
      return;
    case "quit":
      if (state.running) {
        void controller.confirm({ kind: "choice", title: S.quitTitle, question: S.quitQuestion }).then((yes) => {
          if (yes) void controller.quit(130);
        });
      } else {
        void controller.quit(state.phase.kind === "failed" ? state.phase.exitCode : 0);
      }
      return;
    case "yes":
      state.confirm?.answer(true);
      return;
    case "no":
      state.confirm?.answer(false);
      return;
    case "close":
      dispatch({ type: "close" });
      return;
    case "help":
      dispatch(ui.overlay?.kind === "help" ? { type: "close" } : { type: "open", overlay: { kind: "help" } });
      return;
    case "start":
      if (view && state.phase.kind === "ready") startLab(input, resumeIndex(view));
      return;
    case "target":
      void controller.switchTarget();
      return;
    case "lang": {
      const notSaved = controller.toggleLang();
      if (notSaved) dispatch({ type: "flash", text: notSaved });
      return;
    }
    case "up":
    case "down":
    case "next":
      // In a mode chooser (the welcome card's or `m`'s) ↑↓ move the highlight; on the lab screen, the step.
      if (command !== "next" && (scopeOf(state, ui) === "chooser" || ui.screen === "welcome"))
        dispatch({ type: "choose", by: command === "up" ? -1 : 1 });
      else dispatch({ type: "move", by: command === "up" ? -1 : 1, count: view?.steps.length ?? 0 });
      return;
    case "run":
      if (!step) return;
      void controller
        .doStep(step.id, () => dispatch({ type: "follow" }))
        .then((done) => {
          if (done === "refused") dispatch({ type: "flash", text: S.examNoDoIt });
        });
      return;
    case "recheck":
      // Watched live (hands-on, exam): a round of the open step now; otherwise the whole checklist.
      if (controller.poke()) return;
      dispatch({ type: "follow" });
      void controller.recheck();
      return;
    case "hint": {
      if (!step || !view) return;
      // Each rung is counted in progress (every mode counts hints; exam reports them): the next one is revealed.
      // The count is the progress file's, re-read first (`genai-lab hint` in another terminal counts there too).
      const counted = controller.revealHint(step.id);
      const revealed = Math.max(ui.hintsShown[step.id] ?? 0, counted ?? view.hints[step.id] ?? 0);
      dispatch({ type: "hint", stepId: step.id, available: step.hints.length, revealed });
      if (revealed < step.hints.length)
        dispatch({ type: "flash", text: fill(S.hintCounted, { n: revealed + 1, total: step.hints.length }) });
      return;
    }
    case "mode":
      openModeChooser(input);
      return;
    case "choose":
      chooseMode(input);
      return;
    case "way":
    case "way-back":
      switchWay(input, command === "way" ? 1 : -1);
      return;
    case "print":
      if (step) copyStep(input, step, "print");
      return;
    case "details":
      // Details belong to the lab screen (from the welcome screen's help, `d` does nothing).
      if (ui.screen !== "main" || !view) return;
      if (failedItems(shownChecklist(view)).length === 0) {
        if (ui.overlay) dispatch({ type: "close" });
        dispatch({ type: "flash", text: S.detailsNone });
        return;
      }
      dispatch({
        type: "open",
        overlay: { kind: "details", index: ui.overlay?.kind === "details" ? ui.overlay.index + 1 : 0 },
      });
      return;
    case "copy":
      if (step) copyStep(input, step, "copy");
      return;
    case "scroll-up":
    case "scroll-down": {
      // Over a step page only the help scrolls (the details panel and the chooser are short).
      if (ui.overlay && ui.overlay.kind !== "help") return;
      const { offset, max, page } = input.scroll;
      const by = (command === "scroll-up" ? -1 : 1) * Math.max(1, page - 2);
      dispatch({ type: "scroll", to: Math.min(max, Math.max(0, offset + by)) });
      return;
    }
  }
}
