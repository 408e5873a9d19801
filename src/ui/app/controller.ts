/**
 * The TUI's session controller: opens the lab session (after the first frame is on screen), switches targets,
 * runs steps and the checklist, cancels, asks confirmations, keeps the language, and folds the runner's events
 * into the lab view. It is plain TypeScript behind a subscribe/getState pair (React reads it with
 * useSyncExternalStore), so it is tested without rendering anything.
 */
import type { ParsedArgs } from "../../cli/args.js";
import type { Session } from "../../cli/session.js";
import type { ConfirmRequest, TargetKind } from "../../engine/contract.js";
import type { RunnerEvent } from "../../engine/events.js";
import type { Problem } from "../../engine/problem.js";
import type { Lang } from "../../engine/text.js";
import { initialLabView, labViewReducer, type LabView, type StepInfo } from "../state/lab-view.js";
import { S } from "../strings.js";

export type Phase =
  | { kind: "connecting"; target: TargetKind }
  | { kind: "ready"; session: Session }
  | { kind: "failed"; target: TargetKind; problem: Problem };

export interface PendingConfirm {
  request: ConfirmRequest;
  answer(yes: boolean): void;
}

export interface ControllerState {
  phase: Phase;
  lang: Lang;
  view?: LabView;
  confirm?: PendingConfirm;
  running: boolean;
  cancelling: boolean;
  /** Set when the learner quit: the exit code of the process. */
  exitCode?: number;
}

export interface ControllerDeps {
  parsed: ParsedArgs;
  lang: Lang;
  open(parsed: ParsedArgs, confirm: (request: ConfirmRequest) => Promise<boolean>): Promise<Session>;
  saveLang(lang: Lang): void;
  /** Turns whatever opening a session threw into a Problem to show. */
  explain(error: unknown): Problem;
  now?: () => number;
}

export class TuiController {
  #state: ControllerState;
  readonly #deps: ControllerDeps;
  #parsed: ParsedArgs;
  readonly #listeners = new Set<() => void>();
  #run?: { controller: AbortController; done: Promise<unknown> };
  #unsubscribe?: () => void;

  constructor(deps: ControllerDeps) {
    this.#deps = deps;
    this.#parsed = deps.parsed;
    this.#state = { phase: { kind: "connecting", target: targetKindOf(deps.parsed) }, lang: deps.lang, running: false, cancelling: false };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getState = (): ControllerState => this.#state;

  #set(patch: Partial<ControllerState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener();
  }

  #now(): number {
    return (this.#deps.now ?? Date.now)();
  }

  /** Opens the session for the current flags. Resolves when it is open (or failed to open). */
  async connect(): Promise<void> {
    this.#set({ phase: { kind: "connecting", target: targetKindOf(this.#parsed) }, view: undefined });
    try {
      const session = await this.#deps.open(this.#parsed, this.confirm);
      if (this.#state.exitCode !== undefined) {
        // The learner quit while the session was opening (Ctrl+C on the first frame): close what just opened.
        await session.close().catch(() => undefined);
        return;
      }
      this.#unsubscribe = session.runner.subscribe((event) => this.#onEvent(event));
      this.#set({ phase: { kind: "ready", session }, view: viewOf(session) });
    } catch (error) {
      this.#set({ phase: { kind: "failed", target: targetKindOf(this.#parsed), problem: this.#deps.explain(error) } });
    }
  }

  /**
   * Sandbox ↔ real AWS. Going to AWS asks first and says what may be billed; coming back does not.
   * Returns false when the learner declined.
   */
  async switchTarget(): Promise<boolean> {
    if (this.#state.running) return false;
    const phase = this.#state.phase;
    const current = phase.kind === "ready" ? phase.session.target.kind : phase.target;
    const toAws = current !== "aws";
    if (toAws) {
      const yes = await this.confirm({ kind: "billable", question: S.switchToAws, detail: S.switchToAwsDetail });
      if (!yes) return false;
    }
    const flags = { ...this.#parsed.flags };
    delete flags["endpoint-url"];
    if (toAws) {
      flags.target = "aws";
    } else {
      flags.target = "sandbox";
      delete flags.profile;
    }
    await this.#closeSession();
    this.#parsed = { ...this.#parsed, flags };
    await this.connect();
    return true;
  }

  toggleLang(): void {
    const lang: Lang = this.#state.lang === "vi" ? "en" : "vi";
    this.#set({ lang });
    try {
      this.#deps.saveLang(lang);
    } catch {
      // Not being able to remember the choice must not stop the lab; it still applies to this session.
    }
  }

  /** The runner's confirmation hook: shows a dialog and waits for the answer. */
  confirm = (request: ConfirmRequest): Promise<boolean> =>
    new Promise<boolean>((resolve) => {
      const signal = this.#run?.controller.signal;
      const settle = (yes: boolean) => {
        signal?.removeEventListener("abort", onAbort);
        if (this.#state.confirm?.request === request) this.#set({ confirm: undefined });
        resolve(yes);
      };
      const onAbort = () => settle(false);
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#set({ confirm: { request, answer: settle } });
    });

  runStep(stepId: string): Promise<void> {
    // A step ticks its own checklist items; the rest keep their last result until the learner re-checks with
    // `c`. Re-running the whole checklist after every step would mark items of steps not yet done as failed.
    return this.#start((runner, signal) => runner.runSteps([stepId], signal, { checklist: false }));
  }

  recheck(): Promise<void> {
    return this.#start((runner, signal) => runner.runChecklist(signal));
  }

  /** Ctrl+C: cancels the running action. Returns false when nothing was running. */
  cancel(): boolean {
    if (!this.#run) return false;
    this.#set({ cancelling: true });
    this.#run.controller.abort();
    return true;
  }

  /** Cancels whatever runs, waits for it to stop, closes the session and records the exit code. */
  async quit(code: number): Promise<void> {
    const run = this.#run;
    if (run) {
      run.controller.abort();
      await run.done.catch(() => undefined);
    }
    this.#state.confirm?.answer(false);
    await this.#closeSession();
    this.#set({ exitCode: code });
  }

  async #closeSession(): Promise<void> {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    const phase = this.#state.phase;
    if (phase.kind === "ready") await phase.session.close().catch(() => undefined);
  }

  #start(work: (runner: Session["runner"], signal: AbortSignal) => Promise<unknown>): Promise<void> {
    const phase = this.#state.phase;
    if (phase.kind !== "ready" || this.#run) return Promise.resolve();
    const controller = new AbortController();
    const done = work(phase.session.runner, controller.signal);
    this.#run = { controller, done };
    this.#set({ running: true, cancelling: false });
    return done.then(
      () => this.#finish(),
      () => this.#finish(),
    );
  }

  #finish(): void {
    this.#run = undefined;
    this.#set({ running: false, cancelling: false });
  }

  #onEvent(event: RunnerEvent): void {
    const view = this.#state.view;
    if (view) this.#set({ view: labViewReducer(view, { type: "event", event, at: this.#now() }) });
  }
}

function targetKindOf(parsed: ParsedArgs): TargetKind {
  const { flags } = parsed;
  if (flags["endpoint-url"]) return "endpoint";
  return flags.target === "aws" || (flags.profile && flags.target !== "sandbox") ? "aws" : "sandbox";
}

export function stepInfos(session: Session): StepInfo[] {
  return session.lab.steps.map(({ step, number }) => ({
    id: step.id,
    number,
    title: step.title,
    body: step.body,
    role: step.role ?? "lab",
    hints: step.hints ?? [],
    checkIds: step.checks.map((check) => check.id),
  }));
}

function viewOf(session: Session): LabView {
  const checklist = session.lab.manifest.checklist.map((entry) => {
    const found = session.lab.checks.get(entry.id);
    return { id: entry.id, label: found?.check.label ?? { vi: entry.id, en: entry.id }, stepId: found?.step.id ?? "" };
  });
  return initialLabView(stepInfos(session), checklist, session.store.state);
}
