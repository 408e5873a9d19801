/**
 * The interface's own state (which screen, which step is selected, which panel is open, how many hints are
 * shown), as a pure reducer. The lab's state is lab-view.ts; the session (target, language) is the controller's.
 */
import type { Text } from "../../engine/text.js";
import { S } from "../strings.js";

export type Overlay = { kind: "help" } | { kind: "details"; index: number };

export interface UiState {
  screen: "welcome" | "main";
  selected: number;
  overlay?: Overlay;
  /** How many hints of each step are shown. */
  hintsShown: Record<string, number>;
  /** Lines scrolled in the step page; `follow` keeps the newest activity in view while a step runs. */
  scroll: number;
  follow: boolean;
  /** A one-line answer to the last key (e.g. "No more hints"), shown in the footer until the next key. */
  flash?: Text;
}

export type UiAction =
  | { type: "start"; selected: number }
  | { type: "move"; by: number; count: number }
  | { type: "select"; index: number }
  | { type: "open"; overlay: Overlay }
  | { type: "close" }
  | { type: "hint"; stepId: string; available: number }
  | { type: "scroll"; to: number }
  | { type: "follow" }
  | { type: "flash"; text: Text };

export const initialUiState: UiState = { screen: "welcome", selected: 0, hintsShown: {}, scroll: 0, follow: false };

export function uiReducer(previous: UiState, action: UiAction): UiState {
  const state = previous.flash ? withoutFlash(previous) : previous;
  switch (action.type) {
    case "start":
      return { ...state, screen: "main", selected: action.selected, scroll: 0, follow: false };
    case "move": {
      const selected = Math.min(Math.max(0, state.selected + action.by), Math.max(0, action.count - 1));
      return selected === state.selected ? state : { ...state, selected, scroll: 0, follow: false };
    }
    case "select":
      return { ...state, selected: action.index, scroll: 0, follow: false };
    case "open":
      return { ...state, overlay: action.overlay };
    case "close": {
      const next = { ...state };
      delete next.overlay;
      return next;
    }
    case "hint": {
      const shown = state.hintsShown[action.stepId] ?? 0;
      if (shown >= action.available) return { ...state, flash: action.available === 0 ? S.noHints : S.noMoreHints };
      // A new hint is appended at the end of the page: bring it into view.
      return { ...state, hintsShown: { ...state.hintsShown, [action.stepId]: shown + 1 }, follow: true };
    }
    case "scroll":
      return { ...state, scroll: Math.max(0, action.to), follow: false };
    case "follow":
      return { ...state, follow: true };
    case "flash":
      return { ...state, flash: action.text };
  }
}

function withoutFlash(state: UiState): UiState {
  const next = { ...state };
  delete next.flash;
  return next;
}
