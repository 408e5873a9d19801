/**
 * Progress of one lab on one target (kind + account + Region), as a pure reducer over a discriminated union of
 * actions. Persistence is the store's job (store.ts); this file never touches the disk.
 */
import type { CheckResult, DoneBy, JsonValue, LedgerEntry, LedgerResource, Mode, TargetKind } from "./contract.js";
import type { StepOutcome } from "./events.js";

export const PROGRESS_FORMAT_VERSION = 1;

export interface StepRecord {
  outcome: StepOutcome;
  finishedAt: string;
  runs: number;
  /**
   * Who completed the step the last time it finished: "runner" when genai-lab's actions did the work, "learner"
   * when the learner's own work made its checks pass (live watching). Absent in files from before hands-on mode.
   */
  doneBy?: DoneBy;
}

export interface CheckRecord {
  result: CheckResult;
  at: string;
}

/**
 * The lab as completed: written once, when the checklist first reaches all-pass (completion.ts). Nothing erases it
 * but a reset: after cleanup the lab still reads as completed (what passed, and when), not as failed. Small and
 * open: who did each item and the hints used are added by the hands-on engine.
 */
export interface Completion {
  at: string;
  /** When the lab began: its first finished step. */
  startedAt?: string;
  durationMs?: number;
  items: { id: string; doneBy?: DoneBy; hintsUsed?: number }[];
  mode?: Mode;
}

export interface ProgressState {
  formatVersion: number;
  lab: string;
  target: { kind: TargetKind; accountId: string; region: string };
  steps: Record<string, StepRecord>;
  checks: Record<string, CheckRecord>;
  facts: Record<string, JsonValue>;
  ledger: LedgerEntry[];
  /** How the lab is taken on this target, once chosen (the TUI's welcome question, --mode, GENAI_LAB_MODE). */
  mode?: Mode;
  /** How many hints of each step's ladder were revealed, by step id (absent: none yet). */
  hints?: Record<string, number>;
  completion?: Completion;
  updatedAt: string;
}

export type ProgressAction =
  | { type: "step-finished"; stepId: string; outcome: StepOutcome; by?: DoneBy; at: string }
  | { type: "check-recorded"; checkId: string; result: CheckResult; at: string }
  | { type: "fact-set"; key: string; value: JsonValue; at: string }
  | { type: "fact-deleted"; key: string; at: string }
  | {
      type: "resource-creating";
      resource: LedgerResource;
      region: string;
      stepId: string;
      actionId: string;
      at: string;
    }
  | { type: "resource-created"; key: string; arn?: string; at: string }
  | { type: "resource-failed"; key: string; at: string }
  | { type: "resource-deleted"; key: string; at: string }
  | { type: "mode-set"; mode: Mode; at: string }
  | { type: "hint-revealed"; stepId: string; at: string }
  | { type: "lab-completed"; completion: Completion; at: string }
  /**
   * Starts the lab over. The ledger is kept (cleanup must still find what the lab created) unless `forgetLedger`:
   * the learner asked for it, knowing those resources are then no longer tracked.
   */
  | { type: "reset"; at: string; forgetLedger?: boolean };

export function ledgerKey(type: string, name: string): string {
  return `${type}:${name}`;
}

export function initialProgress(lab: string, target: ProgressState["target"], at: string): ProgressState {
  return {
    formatVersion: PROGRESS_FORMAT_VERSION,
    lab,
    target,
    steps: {},
    checks: {},
    facts: {},
    ledger: [],
    updatedAt: at,
  };
}

export function progressReducer(state: ProgressState, action: ProgressAction): ProgressState {
  const next = { ...state, updatedAt: action.at };
  switch (action.type) {
    case "step-finished": {
      const previous = state.steps[action.stepId];
      const runs = (previous?.runs ?? 0) + 1;
      const doneBy = action.by ?? previous?.doneBy;
      const record: StepRecord = {
        outcome: action.outcome,
        finishedAt: action.at,
        runs,
        ...(doneBy ? { doneBy } : {}),
      };
      return { ...next, steps: { ...state.steps, [action.stepId]: record } };
    }
    case "check-recorded":
      return { ...next, checks: { ...state.checks, [action.checkId]: { result: action.result, at: action.at } } };
    case "fact-set":
      return { ...next, facts: { ...state.facts, [action.key]: action.value } };
    case "fact-deleted": {
      const facts = { ...state.facts };
      delete facts[action.key];
      return { ...next, facts };
    }
    case "resource-creating": {
      const key = ledgerKey(action.resource.type, action.resource.name);
      const previous = state.ledger.find((entry) => entry.key === key);
      // A resource the lab created before and still owns stays owned: re-tracking it must not forget that.
      if (previous && (previous.state === "created" || previous.state === "creating")) {
        return updateEntry(next, key, () => ({ ...previous, ...action.resource, updatedAt: action.at }));
      }
      const entry: LedgerEntry = {
        ...action.resource,
        key,
        region: action.region,
        state: "creating",
        stepId: action.stepId,
        actionId: action.actionId,
        createdAt: action.at,
        updatedAt: action.at,
      };
      return previous ? updateEntry(next, key, () => entry) : { ...next, ledger: [...state.ledger, entry] };
    }
    case "resource-created":
      return updateEntry(next, action.key, (entry) => ({
        ...entry,
        state: "created",
        ...(action.arn ? { arn: action.arn } : {}),
        updatedAt: action.at,
      }));
    case "resource-failed":
      return updateEntry(next, action.key, (entry) =>
        // Only a resource that was being created can turn out not to exist; a created one stays created.
        entry.state === "creating" ? { ...entry, state: "failed", updatedAt: action.at } : entry,
      );
    case "resource-deleted":
      return updateEntry(next, action.key, (entry) => ({ ...entry, state: "deleted", updatedAt: action.at }));
    case "mode-set":
      return { ...next, mode: action.mode };
    case "hint-revealed": {
      const hints = state.hints ?? {};
      return { ...next, hints: { ...hints, [action.stepId]: (hints[action.stepId] ?? 0) + 1 } };
    }
    case "lab-completed":
      // Written once: the first time the checklist passes is when the lab was completed.
      return state.completion ? state : { ...next, completion: action.completion };
    case "reset": {
      // The mode is how the learner chose to take the lab, not progress in it: it survives a reset. So does the
      // ledger, unless the learner asked to forget it.
      const fresh = initialProgress(state.lab, state.target, action.at);
      return {
        ...fresh,
        ...(state.mode ? { mode: state.mode } : {}),
        ...(action.forgetLedger ? {} : { ledger: state.ledger }),
      };
    }
  }
}

/** How many hints of a step's ladder the learner has revealed. */
export function hintsRevealed(state: ProgressState, stepId: string): number {
  return state.hints?.[stepId] ?? 0;
}

function updateEntry(state: ProgressState, key: string, update: (entry: LedgerEntry) => LedgerEntry): ProgressState {
  if (!state.ledger.some((entry) => entry.key === key)) return state;
  return { ...state, ledger: state.ledger.map((entry) => (entry.key === key ? update(entry) : entry)) };
}
