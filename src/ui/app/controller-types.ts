/**
 * The TUI controller's state and what it is built from (controller.ts): the session's phase, the language, the
 * lab view, the mode, the question on screen, whether something runs. Types only.
 */
import type { LabSession as Session, ResolvedMode } from "../../app/lab-session.js";
import type { TargetFlags } from "../../app/target-kind.js";
import type { ConfirmRequest, TargetKind } from "../../engine/contract.js";
import type { LabCard } from "../../engine/lab-card.js";
import type { Problem } from "../../engine/problem.js";
import type { Lang, Text } from "../../engine/text.js";
import type { LabView } from "../state/lab-view.js";
import type { Asked } from "./confirm-queue.js";

export type Phase =
  | { kind: "connecting"; target: TargetKind }
  | { kind: "ready"; session: Session }
  /** `exitCode`: what quitting from here returns (2 for a configuration problem, as the CLI would). */
  | { kind: "failed"; target: TargetKind; problem: Problem; exitCode: number; heading?: Text };

export interface ControllerState {
  phase: Phase;
  lang: Lang;
  /** The lab's card, known before the session opens (from its manifest), so the welcome card is drawn at once. */
  card?: LabCard;
  view?: LabView;
  /**
   * How the lab is taken once a session is open: --mode, GENAI_LAB_MODE, the saved mode, or `{ mode: undefined,
   * source: "none" }` when the learner has not chosen yet (the welcome card asks).
   */
  mode?: ResolvedMode;
  /** The question on screen; more may wait behind it (they are asked one at a time, never replaced). */
  confirm?: Asked;
  running: boolean;
  cancelling: boolean;
  /** Set when the learner quit: the exit code of the process. */
  exitCode?: number;
}

/** The command line as far as the controller reads it: the flags that choose the target (it switches them). */
export interface SessionArgs {
  flags: TargetFlags;
}

export interface ControllerDeps<A extends SessionArgs = SessionArgs> {
  parsed: A;
  lang: Lang;
  /** Opens a session; `signal` aborts it (quitting while it opens must not leave a sandbox running). */
  open(parsed: A, confirm: (request: ConfirmRequest) => Promise<boolean>, signal: AbortSignal): Promise<Session>;
  saveLang(lang: Lang): void;
  /** The lab's card, read before the session (the CLI reads the manifest while the TUI loads). */
  card?: LabCard;
  /** Turns whatever opening a session threw into a Problem to show, and the exit code quitting then returns. */
  explain(error: unknown): { problem: Problem; exitCode: number; heading?: Text };
  /** Why the language could not be saved, in one line. */
  explainSaveError?(error: unknown): Text;
  now?: () => number;
  /** The environment the session reads (AWS_ENDPOINT_URL decides the target as it does for the CLI). */
  env?: NodeJS.ProcessEnv;
}
