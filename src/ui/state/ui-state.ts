/**
 * The interface's own state (which screen, which step is selected, which panel is open, how many hints are
 * shown), as a pure reducer. The lab's state is lab-view.ts; the session (target, language) is the controller's.
 */
import type { Mode } from "../../engine/contract.js";
import type { Text } from "../../engine/text.js";
import { S } from "../strings.js";

/** One of Your turn's ways to do a step. */
export const WAYS = ["console", "cli", "python"] as const;
export type Way = (typeof WAYS)[number];

/** The modes the choosers offer, in order (hands-on first: it is the pre-selected choice). */
export const MODE_CHOICES: readonly Mode[] = ["hands-on", "guided", "exam"];

/**
 * `copy`: commands printed for copying with the mouse (CopyView), until any key; `note` says why (the terminal
 * cannot take the clipboard copy, or it may not have). `mode`: the mode chooser (`m`), `choice` highlighted.
 * `complete`: the lab complete card.
 */
export type Overlay =
  | { kind: "help"; offset?: number }
  | { kind: "details"; index: number }
  | { kind: "copy"; stepId: string; lines: string[]; note?: Text }
  | { kind: "mode"; choice: number }
  | { kind: "complete" };

export interface UiState {
  screen: "welcome" | "main";
  selected: number;
  overlay?: Overlay;
  /** How many hints of each step are shown. */
  hintsShown: Record<string, number>;
  /** Lines scrolled in the step page; `follow` keeps the newest activity in view while a step runs. */
  scroll: number;
  follow: boolean;
  /**
   * A hint just revealed (its index in the step's ladder): the page scrolls it into view once it is drawn, wherever
   * it lands (above the last run's activity, which may fill the screen).
   */
  reveal?: { stepId: string; index: number };
  /** A one-line answer to the last key (e.g. "No more hints"), shown in the footer until the next key. */
  flash?: Text;
  /** The mode highlighted on the welcome card while it asks (index into the modes offered). */
  modeChoice: number;
  /** Your turn's way shown (undefined: the target's default — the console on AWS, the CLI on the sandbox). */
  way?: Way;
}

export type UiAction =
  | { type: "start"; selected: number }
  | { type: "move"; by: number; count: number }
  | { type: "select"; index: number }
  | { type: "open"; overlay: Overlay }
  | { type: "close" }
  /** `revealed`: how many the progress has counted already (a restart, `genai-lab hint`). */
  | { type: "hint"; stepId: string; available: number; revealed?: number }
  | { type: "scroll"; to: number }
  /** The page scrolled a revealed hint into view (not a key: the answer to the last key stays). */
  | { type: "revealed"; row: number }
  | { type: "follow" }
  | { type: "flash"; text: Text }
  /** ↑↓ in a mode chooser (the welcome card's, or the `m` panel's). */
  | { type: "choose"; by: number }
  | { type: "way"; way: Way };

export const initialUiState: UiState = {
  screen: "welcome",
  selected: 0,
  hintsShown: {},
  scroll: 0,
  follow: false,
  modeChoice: 0,
};

export function uiReducer(previous: UiState, action: UiAction): UiState {
  const state = previous.flash && action.type !== "revealed" ? withoutFlash(previous) : previous;
  switch (action.type) {
    case "start":
      return { ...withoutReveal(state), screen: "main", selected: action.selected, scroll: 0, follow: false };
    case "move": {
      const selected = Math.min(Math.max(0, state.selected + action.by), Math.max(0, action.count - 1));
      return selected === state.selected ? state : { ...withoutReveal(state), selected, scroll: 0, follow: false };
    }
    case "select":
      return { ...withoutReveal(state), selected: action.index, scroll: 0, follow: false };
    case "open":
      return { ...state, overlay: action.overlay };
    case "close": {
      const next = { ...state };
      delete next.overlay;
      return next;
    }
    case "hint": {
      const mine = state.hintsShown[action.stepId] ?? 0;
      const shown = Math.max(mine, action.revealed ?? 0);
      if (action.available === 0) return { ...state, flash: S.noHints };
      const top = shown >= action.available;
      if (top && mine >= action.available) return { ...state, flash: S.noMoreHints };
      // The next rung brought into view; or, the ladder climbed elsewhere (`genai-lab hint` in another terminal),
      // its last rung.
      const index = top ? action.available - 1 : shown;
      return {
        ...state,
        hintsShown: { ...state.hintsShown, [action.stepId]: index + 1 },
        follow: false,
        reveal: { stepId: action.stepId, index },
        ...(top ? { flash: S.noMoreHints } : {}),
      };
    }
    case "scroll":
      // Under the help, PgUp/PgDn scroll the help (the page keeps its place).
      if (state.overlay?.kind === "help")
        return { ...state, overlay: { kind: "help", offset: Math.max(0, action.to) } };
      return { ...withoutReveal(state), scroll: Math.max(0, action.to), follow: false };
    case "revealed":
      return state.reveal ? { ...withoutReveal(state), scroll: Math.max(0, action.row), follow: false } : state;
    case "follow":
      return { ...withoutReveal(state), follow: true };
    case "flash":
      return { ...state, flash: action.text };
    case "choose": {
      const move = (index: number) => Math.min(MODE_CHOICES.length - 1, Math.max(0, index + action.by));
      if (state.overlay?.kind === "mode")
        return { ...state, overlay: { ...state.overlay, choice: move(state.overlay.choice) } };
      return { ...state, modeChoice: move(state.modeChoice) };
    }
    case "way":
      return { ...state, way: action.way };
  }
}

function withoutFlash(state: UiState): UiState {
  const next = { ...state };
  delete next.flash;
  return next;
}

function withoutReveal(state: UiState): UiState {
  if (!state.reveal) return state;
  const next = { ...state };
  delete next.reveal;
  return next;
}
