/**
 * The runner: runs a step's actions in order, then its checks, and reports everything as one typed event
 * stream. Nothing thrown by a step escapes: actions fail with a classified Problem, checks end in pass, fail or
 * error. Cancellation (the run's AbortSignal) and per-action timeouts end the action at once.
 */
import { realClock, type Clock } from "./clock.js";
import { recordedDoneBy, stepDoneBy, watchedDoneBy } from "./attribution.js";
import { isLabStep, type ConfirmRequest, type LabParams, type Mode, type Step, type TargetInfo } from "./contract.js";
import { createCheckContext, type ContextEnvironment } from "./context.js";
import type { ActionOutcome, ChecklistItemResult, RunnerEvent, RunnerListener, StepOutcome } from "./events.js";
import {
  hintLadder,
  revealNextHint,
  stepCommands,
  yourTurnOf,
  type HintReveal,
  type YourTurnView,
} from "./step-texts.js";
import type { Text } from "./text.js";
import type { LoadedLab } from "./loader.js";
import { renderStepTexts, valueContext, type StepTexts } from "./render.js";
import { classifyGeneric, type ClassifyError } from "./problem.js";
import { hintsRevealed } from "./progress.js";
import { runAction, runCheck, type RunnerCore } from "./run-one.js";
import type { ProgressStore } from "./store.js";
import type { Lang } from "./text.js";
import { UsageError } from "./usage-error.js";
import { startWatch, type WatchHandle } from "./watch.js";

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
  /**
   * "progress" (default): the store is the learner's own progress on this target, so a check that does not say
   * who did the work takes its step's record, and hints are counted. "checks-only": the store knows nothing of
   * the learner (class grading), so only what a check says itself is reported.
   */
  attribution?: "progress" | "checks-only";
}

export interface RunSummary {
  outcome: StepOutcome;
  steps: { stepId: string; outcome: StepOutcome }[];
  checklist: ChecklistItemResult[];
}

const iso = () => new Date().toISOString();

/** The checks that judge a step the runner just worked on: all but those that check only the learner's own work. */
const afterActions = (step: Step) => step.checks.filter((check) => check.watchedOnly !== true);

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
      ...(options.attribution ? { attribution: options.attribution } : {}),
    };
  }

  subscribe(listener: RunnerListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * The steps a selection names: a step id or its number (`--step 2`, `--step view-logs`). Without a selection,
   * every step except cleanup and bonus steps, in order.
   */
  selectSteps(selection?: string): string[] {
    const steps = this.#options.lab.steps;
    if (selection === undefined) return steps.filter(({ step }) => isLabStep(step)).map(({ step }) => step.id);
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
   * `checklist: false`, for doctor and cleanup). With `resume`, a step that passed in an earlier run is re-checked,
   * not redone: its checks run, and its actions only if one of them fails (an interrupted run carries on where it
   * stopped, and a finished lab costs no new calls).
   */
  async runSteps(
    stepIds: string[],
    signal: AbortSignal,
    options: { checklist?: boolean; resume?: boolean } = {},
  ): Promise<RunSummary> {
    const started = Date.now();
    this.#emit({ type: "run-started", mode: "run", stepIds, at: iso() });
    const steps: RunSummary["steps"] = [];
    const fresh = new Map<string, ChecklistItemResult>();
    let outcome: StepOutcome = "passed";
    for (const stepId of stepIds) {
      const step = this.#step(stepId);
      const stepOutcome = await this.#runStep(step, signal, fresh, options.resume ?? false);
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

  /** Runs the lab's bonus items (read-only), reported apart from the checklist. */
  async runBonus(signal: AbortSignal): Promise<ChecklistItemResult[]> {
    const items: ChecklistItemResult[] = [];
    for (const entry of this.#options.lab.manifest.bonus ?? []) {
      if (signal.aborted) break;
      const { step, check } = this.#options.lab.checks.get(entry.id)!;
      items.push(await runCheck(this.#core, step, check, signal));
    }
    return items;
  }

  /** The mode saved for this lab and target, if the learner chose one (the CLI resolves flag > env > saved). */
  get savedMode(): Mode | undefined {
    return this.#options.store.state.mode;
  }

  /** Remembers how the learner takes the lab on this target (progress action `mode-set`). */
  saveMode(mode: Mode): void {
    if (this.#options.store.state.mode !== mode) this.#options.store.dispatch({ type: "mode-set", mode, at: iso() });
  }

  /** How many hints of the step's ladder have been revealed. */
  hintsRevealed(stepId: string): number {
    return hintsRevealed(this.#options.store.state, this.#step(stepId).id);
  }

  /**
   * Reveals the next hint of the step's ladder and counts it (progress action `hint-revealed`); undefined when the
   * step has no hints. Once the ladder is climbed, the last hint is returned again and nothing more is counted.
   */
  revealHint(stepId: string): HintReveal | undefined {
    return revealNextHint(this.hints(stepId), this.hintsRevealed(stepId), () =>
      this.#options.store.dispatch({ type: "hint-revealed", stepId, at: iso() }),
    );
  }

  /** The step's hint ladder as it reads now (the last rung's command with the learner's values). */
  hints(stepId: string): Text[] {
    return hintLadder(this.#step(stepId), this.stepTexts(stepId));
  }

  /**
   * The step's Your turn with the learner's real values, or undefined when the step has none yet. Its commands'
   * comments are in `lang` (default: the runner's), so a screen that switches language can ask for each.
   */
  yourTurn(stepId: string, lang?: Lang): YourTurnView | undefined {
    return yourTurnOf(this.#step(stepId), this.stepTexts(stepId), this.#renderContext(stepId, lang));
  }

  /** The shell lines that do the step by hand: Your turn's CLI, else the actions' CLI lines, in order. */
  commands(stepId: string, lang?: Lang): string[] {
    return stepCommands(this.#step(stepId), this.#renderContext(stepId, lang));
  }

  /**
   * Watches a step live (hands-on): its checks re-run in rounds with back-off until all pass, then the step is
   * recorded as passed by whoever the checks credit (watch.ts). `poke()` on the handle runs a round now.
   */
  watchStep(stepId: string, signal: AbortSignal): WatchHandle {
    const step = this.#step(stepId);
    const started = Date.now();
    return startWatch(
      {
        step,
        clock: this.#env.clock,
        emit: (event) => this.#emit(event),
        round: async (roundSignal) => {
          const items: ChecklistItemResult[] = [];
          for (const check of step.checks) {
            if (roundSignal.aborted) break;
            items.push(await runCheck(this.#core, step, check, roundSignal, { live: true }));
          }
          return items;
        },
        finish: (results) => {
          const by = watchedDoneBy(results.map((item) => item.result));
          this.#options.store.dispatch({ type: "step-finished", stepId, outcome: "passed", by, at: iso() });
          this.#emit({ type: "step-finished", stepId, outcome: "passed", durationMs: Date.now() - started, by });
          return by;
        },
      },
      signal,
    );
  }

  #renderContext(stepId: string, lang?: Lang) {
    const env = lang ? { ...this.#env, lang } : this.#env;
    return createCheckContext(env, { stepId }, new AbortController().signal, () => false);
  }

  /**
   * A step's prose as it reads now: its Markdown filled from the parameters, the target and the facts recorded so
   * far (so a page re-read after step 0 names the model step 0 chose).
   */
  stepTexts(stepId: string): StepTexts {
    const found = this.#options.lab.steps.find(({ step }) => step.id === stepId);
    if (!found) throw new Error(`Unknown step "${stepId}"`);
    const { store, params, target } = this.#options;
    return renderStepTexts(found, valueContext(store, params, target));
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
      items.push(await runCheck(this.#core, step, check, signal));
    }
    return items;
  }

  async #runStep(
    step: Step,
    signal: AbortSignal,
    fresh: Map<string, ChecklistItemResult>,
    resume: boolean,
  ): Promise<StepOutcome> {
    const started = Date.now();
    const passedBefore = resume && this.#options.store.state.steps[step.id]?.outcome === "passed";
    this.#emit({
      type: "step-started",
      stepId: step.id,
      title: step.title,
      ...(passedBefore ? { resumed: true } : {}),
    });
    if (passedBefore) {
      const rechecked = await this.#recheckStep(step, signal, fresh);
      if (rechecked !== "failed") {
        // Still passed (its record stands as it was), or interrupted while checking.
        this.#emit({ type: "step-finished", stepId: step.id, outcome: rechecked, durationMs: Date.now() - started });
        return rechecked;
      }
    }
    let outcome: StepOutcome = "passed";
    const actionOutcomes: ActionOutcome[] = [];
    for (const action of step.actions) {
      const result = await runAction(this.#core, step, action, signal, actionOutcomes);
      if (result !== "passed") {
        outcome = result;
        break;
      }
    }
    const by = stepDoneBy(actionOutcomes, this.#options.store.state.steps[step.id]?.doneBy);
    if (outcome === "passed") {
      for (const check of afterActions(step)) {
        const item = await runCheck(this.#core, step, check, signal, { by });
        fresh.set(check.id, item);
        if (signal.aborted) {
          outcome = "cancelled";
          break;
        }
        if (item.result.status !== "pass") outcome = "failed";
      }
    }
    // A dry run changed nothing: it must not be remembered as the step done (cleanup --dry-run).
    if (!this.#env.dryRun)
      this.#options.store.dispatch({ type: "step-finished", stepId: step.id, outcome, by, at: iso() });
    this.#emit({ type: "step-finished", stepId: step.id, outcome, durationMs: Date.now() - started, by });
    return outcome;
  }

  /** A passed step's checks only: "failed" as soon as one does not pass (the step is then done again). */
  async #recheckStep(step: Step, signal: AbortSignal, fresh: Map<string, ChecklistItemResult>): Promise<StepOutcome> {
    for (const check of afterActions(step)) {
      const item = await runCheck(this.#core, step, check, signal);
      if (signal.aborted) return "cancelled";
      if (item.result.status !== "pass") return "failed";
      fresh.set(check.id, item);
    }
    return "passed";
  }

  get #core(): RunnerCore {
    const countsHints = this.#options.attribution !== "checks-only";
    return {
      options: this.#options,
      env: this.#env,
      countsHints,
      defaultDoneBy: (stepId) =>
        countsHints ? recordedDoneBy(this.#options.store.state.steps[stepId]?.doneBy) : undefined,
    };
  }
}
