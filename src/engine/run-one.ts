/**
 * Running one action or one check, for the runner: its context, its timeout, cancellation, and the events and
 * progress records it leaves. Nothing thrown by a step escapes: an action ends with an outcome (and a classified
 * Problem when it did not succeed), a check with pass, fail or error.
 */
import { completionAction } from "./completion.js";
import { attributed } from "./attribution.js";
import { abortError } from "./clock.js";
import type { Check, CheckResult, DoneBy, Step } from "./contract.js";
import { createActionContext, createCheckContext, type ContextEnvironment } from "./context.js";
import type { ActionOutcome, ChecklistItemResult, StepOutcome } from "./events.js";
import { hintsRevealed } from "./progress.js";
import type { RunnerOptions } from "./runner.js";
import { billableQuestion, declined, raceAbort, timedOut, timeoutError } from "./runner-support.js";

/** What running one action or check needs of the runner. */
export interface RunnerCore {
  options: RunnerOptions;
  env: ContextEnvironment;
  /** False in class grading: the store is not the learner's progress. */
  countsHints: boolean;
  /** Who did the work when a check does not say (attribution.ts); undefined when unknown. */
  defaultDoneBy(stepId: string): DoneBy | undefined;
}

/** How a check runs: in a step the runner just worked on (`by`), or live while the learner works (`live`). */
export interface CheckRun {
  by?: DoneBy;
  live?: boolean;
}

const iso = () => new Date().toISOString();

export async function runAction(
  core: RunnerCore,
  step: Step,
  action: Step["actions"][number],
  signal: AbortSignal,
  outcomes: ActionOutcome[],
): Promise<StepOutcome> {
  const origin = { stepId: step.id, actionId: action.id };
  const started = Date.now();
  const finish = (outcome: ActionOutcome, extra = {}): StepOutcome => {
    // Under --dry-run nothing was changed: "done" then says nothing about who did the work.
    outcomes.push(core.env.dryRun && outcome === "done" ? "skipped" : outcome);
    core.env.emit({ type: "action-finished", ...origin, outcome, durationMs: Date.now() - started, ...extra });
    if (outcome === "done" || outcome === "skipped") return "passed";
    // Declining a confirmation cancels the action but is not an interrupt: the step fails (exit 1, not 130).
    return outcome === "cancelled" && signal.aborted ? "cancelled" : "failed";
  };

  const timeout = new AbortController();
  const combined = AbortSignal.any([signal, timeout.signal]);
  let live = true;
  const ctx = createActionContext(core.env, origin, combined, () => live);
  let cli: string | undefined;
  try {
    cli = action.cli?.(ctx);
  } catch {
    cli = undefined; // The CLI line is a courtesy; it never stops the action.
  }
  core.env.emit({ type: "action-started", ...origin, title: action.title, ...(cli ? { cli } : {}) });

  if (action.billable && core.options.target.kind === "aws" && !core.env.yes) {
    const accepted = await core.env.confirm(billableQuestion(action.title, core.options.target));
    if (!accepted && !signal.aborted) return finish("cancelled", { problem: declined() });
  }
  // Ctrl+C may have come while a question was open, or between two actions: do not start this one.
  if (signal.aborted) return finish("cancelled", { problem: core.env.classify(abortError(signal)) });

  // The limit that applies, own or default: the timed-out message says how long it was.
  const actionTimeoutMs = action.timeoutMs ?? core.options.defaultActionTimeoutMs ?? 5 * 60_000;
  const timer = setTimeout(() => timeout.abort(timeoutError()), actionTimeoutMs);
  try {
    const result = await raceAbort(action.run(ctx), combined);
    return finish(result?.status ?? "done", result?.summary ? { summary: result.summary } : {});
  } catch (error) {
    if (signal.aborted) return finish("cancelled", { problem: core.env.classify(abortError(signal)) });
    if (timeout.signal.aborted) return finish("timed-out", { problem: timedOut(actionTimeoutMs) });
    return finish("failed", { problem: core.env.classify(error) });
  } finally {
    clearTimeout(timer);
    live = false;
  }
}

export async function runCheck(
  core: RunnerCore,
  step: Step,
  check: Check,
  signal: AbortSignal,
  run: CheckRun = {},
): Promise<ChecklistItemResult> {
  const origin = { stepId: step.id, checkId: check.id, ...(run.live ? { live: true as const } : {}) };
  const startedAt = iso();
  const started = Date.now();
  core.env.emit({ type: "check-started", ...origin, label: check.label });
  const timeout = new AbortController();
  const combined = AbortSignal.any([signal, timeout.signal]);
  const checkTimeoutMs = check.timeoutMs ?? core.options.defaultCheckTimeoutMs ?? 2 * 60_000;
  const timer = setTimeout(() => timeout.abort(timeoutError()), checkTimeoutMs);
  let result: CheckResult;
  let live = true;
  try {
    const ctx = createCheckContext(core.env, origin, combined, () => live, { liveCheck: run.live ?? false });
    result = await raceAbort(check.run(ctx), combined);
  } catch (error) {
    const problem = signal.aborted
      ? core.env.classify(abortError(signal))
      : timeout.signal.aborted
        ? timedOut(checkTimeoutMs)
        : core.env.classify(error);
    result = { status: "error", problem };
  } finally {
    clearTimeout(timer);
    live = false;
  }
  const durationMs = Date.now() - started;
  result = attributed(result, run.by ?? core.defaultDoneBy(step.id));
  const store = core.options.store;
  // A live round records only a change: a learner who reads for ten minutes must not cause sixty file writes.
  const changed = store.state.checks[check.id]?.result.status !== result.status;
  if (!signal.aborted && (!run.live || changed)) {
    store.dispatch({ type: "check-recorded", checkId: check.id, result, at: iso() });
    const { lab } = core.options;
    const completed = completionAction(store.state, lab.manifest.checklist, (id) => lab.checks.get(id)?.step.id, iso());
    if (completed) store.dispatch(completed);
  }
  core.env.emit({ type: "check-finished", ...origin, label: check.label, result, durationMs });
  const points = core.options.lab.manifest.checklist.find((entry) => entry.id === check.id)?.points ?? 1;
  const hints = core.countsHints ? { hintsUsed: hintsRevealed(store.state, step.id) } : {};
  return { id: check.id, label: check.label, stepId: step.id, points, result, durationMs, startedAt, ...hints };
}
