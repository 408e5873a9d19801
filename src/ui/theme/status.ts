/**
 * The statuses the TUI shows, with their glyph, theme token and words. Every switch ends exhaustively, so a new
 * status fails to compile until it has a look.
 */
import type { CheckStatus } from "../../engine/contract.js";
import type { ActionOutcome } from "../../engine/events.js";
import type { Output } from "../../engine/outputs.js";
import type { Text } from "../../engine/text.js";
import { S } from "../strings.js";
import type { Token } from "./theme.js";

export const STEP_STATUSES = ["passed", "pending", "running", "attention", "failed"] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];
/** A checklist item: never checked, being checked, or the last result. */
export const ITEM_STATUSES = ["pass", "pending", "running", "fail", "error"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export interface Look {
  glyph: string;
  token: Token;
  label: Text;
}

export function stepLook(status: StepStatus): Look {
  switch (status) {
    case "pending":
      return { glyph: "○", token: "status.pending", label: S.stepStatusPending };
    case "running":
      return { glyph: "◐", token: "status.running", label: S.stepStatusRunning };
    case "passed":
      return { glyph: "✓", token: "status.passed", label: S.stepStatusPassed };
    case "failed":
      return { glyph: "✗", token: "status.failed", label: S.stepStatusFailed };
    case "attention":
      return { glyph: "!", token: "status.attention", label: S.stepStatusAttention };
    default:
      return unreachable(status);
  }
}

export function itemLook(status: ItemStatus): Look {
  switch (status) {
    case "pending":
      return { glyph: "[ ]", token: "status.pending", label: S.checkPending };
    case "running":
      return { glyph: "[◐]", token: "status.running", label: S.checkRunning };
    case "pass":
    case "fail":
    case "error": {
      const look = checkResultLook(status);
      return { ...look, glyph: `[${look.glyph}]` };
    }
    default:
      return unreachable(status);
  }
}

/** How a check ended (the checklist draws the same glyph in brackets). */
export function checkResultLook(status: CheckStatus): Look {
  switch (status) {
    case "pass":
      return { glyph: "✓", token: "status.passed", label: S.pass };
    case "fail":
      return { glyph: "✗", token: "status.failed", label: S.fail };
    case "error":
      return { glyph: "!", token: "status.attention", label: S.error };
    default:
      return unreachable(status);
  }
}

export function actionLook(outcome: ActionOutcome): Look {
  switch (outcome) {
    case "done":
      return { glyph: "✓", token: "status.passed", label: S.actionDone };
    case "skipped":
      return { glyph: "↷", token: "text.muted", label: S.actionSkipped };
    case "failed":
      return { glyph: "✗", token: "status.failed", label: S.actionFailed };
    case "cancelled":
      return { glyph: "■", token: "status.attention", label: S.actionCancelled };
    case "timed-out":
      return { glyph: "⏱", token: "status.failed", label: S.actionTimedOut };
    default:
      return unreachable(outcome);
  }
}

/** A note's tone (engine/outputs.ts). */
export type Tone = Extract<Output, { kind: "note" }>["tone"];

/** A note's glyph by its tone (the TUI and the plain printer draw the same ones). */
export const TONE_GLYPH: Readonly<Record<Tone, string>> = { info: "ℹ", success: "✓", warning: "⚠", error: "✗" };

export function toneToken(tone: Tone): Token {
  switch (tone) {
    case "info":
      return "tone.info";
    case "success":
      return "tone.success";
    case "warning":
      return "tone.warning";
    case "error":
      return "tone.error";
    default:
      return unreachable(tone);
  }
}

export function unreachable(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}
