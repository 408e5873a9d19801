/**
 * The runner: runs a step's actions in order, then its checks, and reports everything as one typed event
 * stream. Nothing thrown by a step escapes: actions fail with a classified Problem, checks end in pass, fail or
 * error. Cancellation (the run's AbortSignal) and per-action timeouts end the action at once.
 */
import { abortError, realClock, type Clock } from "./clock.js";
import { billableQuestion, declined, raceAbort, timedOut, timeoutError } from "./runner-support.js";
import type { Check, CheckResult, ConfirmRequest, LabParams, Step, TargetInfo } from "./contract.js";
import { createActionContext, createCheckContext, type ContextEnvironment } from "./context.js";
import type { ActionOutcome, ChecklistItemResult, RunnerEvent, RunnerListener, StepOutcome } from "./events.js";
import type { LoadedLab } from "./loader.js";
import { classifyGeneric, type ClassifyError } from "./problem.js";
import type { ProgressStore } from "./store.js";
import type { Lang } from "./text.js";
import { UsageError } from "./usage-error.js";

export interface RunnerOptions {
  lab: LoadedLab;
  aws: unknown;
  target: TargetInfo;
  params: LabParams;
  lang: Lang;
  store: ProgressStore;
  clock?: Clock;
  classify?: ClassifyError;
  /** Asked before billable or destructive actions unless `yes`; without it, every question is declined. */
  confirm?: (request: ConfirmRequest) => Promise<boolean>;
  yes?: boolean;
  dryRun?: boolean;
  defaultActionTimeoutMs?: number;
  defaultCheckTimeoutMs?: number;
}

export interface RunSummary {
  outcome: StepOutcome;
  steps: { stepId: string; outcome: StepOutcome }[];
  checklist: ChecklistItemResult[];
}

const iso = () => new Date().toISOString();

export class Runner {
  readonly #options: RunnerOptions;
  readonly #env: ContextEnvironment;
  readonly #listeners = new Set<RunnerListener>();

  constructor(options: RunnerOptions) {
    this.#options = options;
    this.#env = {
      aws: options.aws,
      params: options.params,
      target: options.target,
      lang: options.lang,
      store: options.store,
      clock: options.clock ?? realClock,
      classify: options.classify ?? classifyGeneric,
      dryRun: options.dryRun ?? false,
      yes: options.yes ?? false,
      confirm: options.confirm ?? (() => Promise.resolve(false)),
      emit: (event) => this.#emit(event),
    };
  }

  subscribe(listener: RunnerListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * The steps a selection names: a step id or its number (`--step 2`, `--step view-logs`). Without a selection,
   * every step except cleanup steps, in order.
   */
  selectSteps(selection?: string): string[] {
    const steps = this.#options.lab.steps;
    if (selection === undefined) return steps.filter(({ step }) => step.role !== "cleanup").map(({ step }) => step.id);
    const found = steps.find(
      ({ step, number }) => step.id === selection || (/^\d+$/.test(selection) && number === Number(selection)),
    );
    if (!found) {
      const valid = steps.map(({ step, number }) => `${number} (${step.id})`).join(", ");
      throw new UsageError({
        vi: `--step: không có bước "${selection}". Các bước: ${valid}.`,
        en: `--step: there is no step "${selection}". Steps: ${valid}.`,
      });
    }
    return [found.step.id];
  }

  /**
   * Runs the steps in order, stopping at the first that does not pass; then the whole checklist (unless
   * `checklist: false`, for doctor and cleanup).
   */
  async runSteps(stepIds: string[], signal: AbortSignal, options: { checklist?: boolean } = {}): Promise<RunSummary> {
    const started = Date.now();
    this.#emit({ type: "run-started", mode: "run", stepIds, at: iso() });
    const steps: RunSummary["steps"] = [];
    const fresh = new Map<string, ChecklistItemResult>();
    let outcome: StepOutcome = "passed";
    for (const stepId of stepIds) {
      const step = this.#step(stepId);
      const stepOutcome = await this.#runStep(step, signal, fresh);
      steps.push({ stepId, outcome: stepOutcome });
      if (stepOutcome !== "passed") {
        outcome = stepOutcome;
        break;
      }
    }
    const checklist =
      outcome === "cancelled" || options.checklist === false
        ? [...fresh.values()]
        : await this.#checklist(signal, fresh);
    if (signal.aborted) outcome = "cancelled";
    this.#emit({ type: "run-finished", mode: "run", outcome, durationMs: Date.now() - started, checklist });
    return { outcome, steps, checklist };
  }

  /** Runs the verification checklist only (read-only). */
  async runChecklist(signal: AbortSignal): Promise<ChecklistItemResult[]> {
    const started = Date.now();
    this.#emit({ type: "run-started", mode: "check", stepIds: [], at: iso() });
    const checklist = await this.#checklist(signal, new Map());
    const outcome: StepOutcome = signal.aborted
      ? "cancelled"
      : checklist.every((item) => item.result.status === "pass")
        ? "passed"
        : "failed";
    this.#emit({ type: "run-finished", mode: "check", outcome, durationMs: Date.now() - started, checklist });
    return checklist;
  }

  #emit(event: RunnerEvent): void {
    for (const listener of this.#listeners) listener(event);
  }

  #step(stepId: string): Step {
    const found = this.#options.lab.steps.find(({ step }) => step.id === stepId);
    if (!found) throw new Error(`Unknown step "${stepId}"`);
    return found.step;
  }

  async #checklist(signal: AbortSignal, fresh: Map<string, ChecklistItemResult>): Promise<ChecklistItemResult[]> {
    const items: ChecklistItemResult[] = [];
    for (const entry of this.#options.lab.manifest.checklist) {
      if (signal.aborted) break;
      const reused = fresh.get(entry.id);
      if (reused) {
        items.push(reused);
        continue;
      }
      const { step, check } = this.#options.lab.checks.get(entry.id)!;
      items.push(await this.#runCheck(step, check, signal));
    }
    return items;
  }

  async #runStep(step: Step, signal: AbortSignal, fresh: Map<string, ChecklistItemResult>): Promise<StepOutcome> {
    const started = Date.now();
    this.#emit({ type: "step-started", stepId: step.id, title: step.title });
    let outcome: StepOutcome = "passed";
    for (const action of step.actions) {
      const result = await this.#runAction(step, action, signal);
      if (result !== "passed") {
        outcome = result;
        break;
      }
    }
    if (outcome === "passed") {
      for (const check of step.checks) {
        const item = await this.#runCheck(step, check, signal);
        fresh.set(check.id, item);
        if (signal.aborted) {
          outcome = "cancelled";
          break;
        }
        if (item.result.status !== "pass") outcome = "failed";
      }
    }
    this.#options.store.dispatch({ type: "step-finished", stepId: step.id, outcome, at: iso() });
    this.#emit({ type: "step-finished", stepId: step.id, outcome, durationMs: Date.now() - started });
    return outcome;
  }

  async #runAction(step: Step, action: Step["actions"][number], signal: AbortSignal): Promise<StepOutcome> {
    const origin = { stepId: step.id, actionId: action.id };
    const started = Date.now();
    const finish = (outcome: ActionOutcome, extra = {}): StepOutcome => {
      this.#emit({ type: "action-finished", ...origin, outcome, durationMs: Date.now() - started, ...extra });
      if (outcome === "done" || outcome === "skipped") return "passed";
      // Declining a confirmation cancels the action but is not an interrupt: the step fails (exit 1, not 130).
      return outcome === "cancelled" && signal.aborted ? "cancelled" : "failed";
    };

    const timeout = new AbortController();
    const combined = AbortSignal.any([signal, timeout.signal]);
    let live = true;
    const ctx = createActionContext(this.#env, origin, combined, () => live);
    let cli: string | undefined;
    try {
      cli = action.cli?.(ctx);
    } catch {
      cli = undefined; // The CLI line is a courtesy; it never stops the action.
    }
    this.#emit({ type: "action-started", ...origin, title: action.title, ...(cli ? { cli } : {}) });

    if (action.billable && this.#options.target.kind === "aws" && !this.#env.yes) {
      const accepted = await this.#env.confirm(billableQuestion(action.title, this.#options.target));
      if (!accepted && !signal.aborted) return finish("cancelled", { problem: declined() });
    }
    // Ctrl+C may have come while a question was open, or between two actions: do not start this one.
    if (signal.aborted) return finish("cancelled", { problem: this.#env.classify(abortError(signal)) });

    // The limit that applies, own or default: the timed-out message says how long it was.
    const actionTimeoutMs = action.timeoutMs ?? this.#options.defaultActionTimeoutMs ?? 5 * 60_000;
    const timer = setTimeout(() => timeout.abort(timeoutError()), actionTimeoutMs);
    try {
      const result = await raceAbort(action.run(ctx), combined);
      return finish(result?.status ?? "done", result?.summary ? { summary: result.summary } : {});
    } catch (error) {
      if (signal.aborted) return finish("cancelled", { problem: this.#env.classify(abortError(signal)) });
      if (timeout.signal.aborted) return finish("timed-out", { problem: timedOut(actionTimeoutMs) });
      return finish("failed", { problem: this.#env.classify(error) });
    } finally {
      clearTimeout(timer);
      live = false;
    }
  }

  async #runCheck(step: Step, check: Check, signal: AbortSignal): Promise<ChecklistItemResult> {
    const origin = { stepId: step.id, checkId: check.id };
    const startedAt = iso();
    const started = Date.now();
    this.#emit({ type: "check-started", ...origin, label: check.label });
    const timeout = new AbortController();
    const combined = AbortSignal.any([signal, timeout.signal]);
    const checkTimeoutMs = check.timeoutMs ?? this.#options.defaultCheckTimeoutMs ?? 2 * 60_000;
    const timer = setTimeout(() => timeout.abort(timeoutError()), checkTimeoutMs);
    let result: CheckResult;
    let live = true;
    try {
      result = await raceAbort(check.run(createCheckContext(this.#env, origin, combined, () => live)), combined);
    } catch (error) {
      const problem = signal.aborted
        ? this.#env.classify(abortError(signal))
        : timeout.signal.aborted
          ? timedOut(checkTimeoutMs)
          : this.#env.classify(error);
      result = { status: "error", problem };
    } finally {
      clearTimeout(timer);
      live = false;
    }
    const durationMs = Date.now() - started;
    if (!signal.aborted) this.#options.store.dispatch({ type: "check-recorded", checkId: check.id, result, at: iso() });
    this.#emit({ type: "check-finished", ...origin, label: check.label, result, durationMs });
    const points = this.#options.lab.manifest.checklist.find((entry) => entry.id === check.id)?.points ?? 1;
    return { id: check.id, label: check.label, stepId: step.id, points, result, durationMs, startedAt };
  }
}
