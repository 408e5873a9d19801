/**
 * Progress of one lab on one target (kind + account + Region), as a pure reducer over a discriminated union of
 * actions. Persistence is the store's job (store.ts); this file never touches the disk.
 */
import type { CheckResult, JsonValue, LedgerEntry, LedgerResource, TargetKind } from "./contract.js";
import type { StepOutcome } from "./events.js";

export const PROGRESS_FORMAT_VERSION = 1;

export interface StepRecord {
  outcome: StepOutcome;
  finishedAt: string;
  runs: number;
}

export interface CheckRecord {
  result: CheckResult;
  at: string;
}

export interface ProgressState {
  formatVersion: number;
  lab: string;
  target: { kind: TargetKind; accountId: string; region: string };
  steps: Record<string, StepRecord>;
  checks: Record<string, CheckRecord>;
  facts: Record<string, JsonValue>;
  ledger: LedgerEntry[];
  updatedAt: string;
}

export type ProgressAction =
  | { type: "step-finished"; stepId: string; outcome: StepOutcome; at: string }
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
  | { type: "reset"; at: string };

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
      const runs = (state.steps[action.stepId]?.runs ?? 0) + 1;
      return {
        ...next,
        steps: { ...state.steps, [action.stepId]: { outcome: action.outcome, finishedAt: action.at, runs } },
      };
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
    case "reset":
      return initialProgress(state.lab, state.target, action.at);
  }
}

function updateEntry(state: ProgressState, key: string, update: (entry: LedgerEntry) => LedgerEntry): ProgressState {
  if (!state.ledger.some((entry) => entry.key === key)) return state;
  return { ...state, ledger: state.ledger.map((entry) => (entry.key === key ? update(entry) : entry)) };
}
