/**
 * The TUI's session controller: opens the lab session (after the first frame is on screen), switches targets,
 * runs steps and the checklist, cancels, asks confirmations, keeps the language, and folds the runner's events
 * into the lab view. It is plain TypeScript behind a subscribe/getState pair (React reads it with
 * useSyncExternalStore), so it is tested without rendering anything.
 */
import type { LabSession as Session } from "../../app/lab-session.js";
import { targetKindOf } from "../../app/target-kind.js";
import { isByHandStep, type Mode, type TargetKind } from "../../engine/contract.js";
import type { RunnerEvent } from "../../engine/events.js";
import type { ProgressState } from "../../engine/progress.js";
import type { Lang, Text } from "../../engine/text.js";
import { labViewReducer } from "../state/lab-view.js";
import { S } from "../strings.js";
import { ConfirmQueue, type Question } from "./confirm-queue.js";
import type { ControllerDeps, ControllerState, Phase, SessionArgs } from "./controller-types.js";
import { doItForMeQuestion, modeLocked, watchableStep } from "./hands-on.js";
import { LiveWatch } from "./live-watch.js";
import { RunSlot } from "./run-slot.js";
import { followSession, switchedFlags, viewAfterEvent, viewOf } from "./session-view.js";

export type { Question } from "./confirm-queue.js";
export type { ControllerDeps, ControllerState, Phase, SessionArgs } from "./controller-types.js";

export class TuiController<A extends SessionArgs = SessionArgs> {
  #state: ControllerState;
  readonly #deps: ControllerDeps<A>;
  #parsed: A;
  readonly #listeners = new Set<() => void>();
  readonly #runs = new RunSlot((running) => {
    this.#set({ running, cancelling: false });
    this.#syncWatch(); // the run's checks and the live rounds never overlap
  });
  #unsubscribe?: () => void;
  /** Each connect gets a number: a session that finishes opening after a newer connect began is closed. */
  #generation = 0;
  #opening?: AbortController;
  /** Set as soon as quitting begins (the exit code is recorded only once everything has stopped). */
  #quitting = false;
  readonly #questions: ConfirmQueue;
  /** The step the learner has open on the lab screen (undefined: another screen, or a panel over it). */
  #focus: string | undefined;
  readonly #live = new LiveWatch((stepId, result) => this.#watchEnded(stepId, result.outcome));

  constructor(deps: ControllerDeps<A>) {
    this.#deps = deps;
    this.#parsed = deps.parsed;
    this.#state = {
      phase: { kind: "connecting", target: targetKindOf(deps.parsed.flags, deps.env ?? {}) },
      lang: deps.lang,
      ...(deps.card ? { card: deps.card } : {}),
      running: false,
      cancelling: false,
    };
    this.#questions = new ConfirmQueue((head) => {
      this.#set({ confirm: head });
      this.#syncWatch(); // no live round while a question is open
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getState = (): ControllerState => this.#state;

  #set(patch: Partial<ControllerState>): void {
    const next = { ...this.#state, ...patch };
    if ("confirm" in patch && patch.confirm === undefined) delete next.confirm;
    this.#state = next;
    for (const listener of this.#listeners) listener();
  }

  #now(): number {
    return (this.#deps.now ?? Date.now)();
  }

  /** The target the current flags choose (AWS_ENDPOINT_URL decides it as it does for the CLI). */
  #target(): TargetKind {
    return targetKindOf(this.#parsed.flags, this.#deps.env ?? {});
  }

  /** Opens the session for the current flags. Resolves when it is open (or failed to open, or was abandoned). */
  async connect(): Promise<void> {
    const generation = ++this.#generation;
    this.#opening?.abort();
    const opening = new AbortController();
    this.#opening = opening;
    this.#set({
      phase: { kind: "connecting", target: this.#target() },
      view: undefined,
    });
    const stale = () => generation !== this.#generation || this.#quitting;
    try {
      const session = await this.#deps.open(this.#parsed, this.confirm, opening.signal);
      if (stale()) {
        // The learner quit (or switched again) while this session was opening: close what just opened.
        await session.close().catch(() => undefined);
        return;
      }
      this.#unsubscribe = followSession(
        session,
        (event) => this.#onEvent(event),
        (progress) => this.#onProgress(progress),
      );
      this.#set({ phase: { kind: "ready", session }, view: viewOf(session), mode: session.mode });
      this.#syncWatch();
    } catch (error) {
      if (stale()) return;
      const { problem, exitCode, heading } = this.#deps.explain(error);
      const target = this.#target();
      this.#set({ phase: { kind: "failed", target, problem, exitCode, ...(heading ? { heading } : {}) } });
    } finally {
      if (this.#opening === opening) this.#opening = undefined;
    }
  }

  /**
   * Sandbox ↔ real AWS. Going to AWS asks first and says what may be billed; coming back does not.
   * Returns false when the learner declined, or when nothing can switch now (a run, or a session opening).
   */
  async switchTarget(): Promise<boolean> {
    if (this.#state.running || this.#state.phase.kind === "connecting") return false;
    const phase = this.#state.phase;
    const current = phase.kind === "ready" ? phase.session.target.kind : phase.target;
    const toAws = current !== "aws";
    if (toAws) {
      // What the steps may bill is the lab's to say (its manifest's notes.aws); genai-lab says it generally.
      const detail =
        phase.kind === "ready" ? (phase.session.lab.manifest.notes?.aws ?? S.switchToAwsDetail) : S.switchToAwsDetail;
      const yes = await this.confirm({ kind: "billable", question: S.switchToAws, detail });
      // Asked twice (t, then t again behind the dialog): only the first answer switches.
      if (!yes || this.#state.phase !== phase) return false;
    }
    const flags = switchedFlags(this.#parsed.flags, toAws);
    this.#parsed = { ...this.#parsed, flags };
    // Connecting from this moment: `t` is unavailable until the new session opened (or failed to).
    this.#set({
      phase: { kind: "connecting", target: this.#target() },
      view: undefined,
    });
    await this.#closeSession(phase);
    await this.connect();
    return true;
  }

  /**
   * The learner chose how to take the lab: saved for this lab and target, in effect at once. False when it cannot
   * change: no session yet, or exam mode set by the instructor (GENAI_LAB_MODE).
   */
  setMode(mode: Mode): boolean {
    const phase = this.#state.phase;
    if (phase.kind !== "ready" || (this.#state.mode && modeLocked(this.#state.mode))) return false;
    phase.session.setMode(mode);
    this.#set({ mode: phase.session.mode });
    this.#syncWatch();
    return true;
  }

  /**
   * The step the learner has open (undefined: the welcome screen, or a panel or dialog over the page). In hands-on
   * and exam mode, its checks re-run live while nothing else runs.
   */
  focus(stepId: string | undefined): void {
    if (this.#focus === stepId) return;
    this.#focus = stepId;
    this.#syncWatch();
  }

  /** `c` while a step is watched: a live round now. False when nothing is watched (then `c` re-checks all). */
  poke(): boolean {
    return this.#live.poke();
  }

  /** The step watched live right now, if any. */
  get watching(): string | undefined {
    return this.#live.stepId;
  }

  /**
   * Enter on a step, as the mode allows: guided runs it; hands-on asks first for a lab step (it will be recorded
   * as done by genai-lab); exam never performs a lab step ("refused": the page says why). Cleanup and preflight
   * steps are not graded work: they run as in guided mode, exam too (the preflight only reads and chooses the model
   * the later steps' tasks name: refusing it left an exam learner told to call the original lab's Legacy model).
   */
  async doStep(stepId: string, onRun?: () => void): Promise<"ran" | "declined" | "refused"> {
    const step = this.#state.view?.steps.find((s) => s.id === stepId);
    if (!step || this.#runs.busy) return "declined";
    const mode = this.#state.mode?.mode;
    if (mode === "exam" && isByHandStep(step)) return "refused";
    if (mode === "hands-on" && isByHandStep(step)) {
      const yes = await this.confirm(doItForMeQuestion(step));
      if (!yes || this.#runs.busy) return "declined";
    }
    onRun?.(); // the page follows the run only once there is one (a "no" leaves the learner where they were)
    await this.runStep(stepId);
    return "ran";
  }

  /** Flips the language. Returns why it could not be remembered (it still applies to this session), if so. */
  toggleLang(): Text | undefined {
    const lang: Lang = this.#state.lang === "vi" ? "en" : "vi";
    this.#set({ lang });
    try {
      this.#deps.saveLang(lang);
      return undefined;
    } catch (error) {
      return this.#deps.explainSaveError?.(error) ?? S.langNotSaved;
    }
  }

  /**
   * Shows a dialog and waits for the answer; the runner's confirmation hook. A question asked while a run is on
   * is tied to that run: cancelling the run answers it "no" (and a run already cancelled gets "no" at once).
   */
  confirm = (request: Question): Promise<boolean> => this.#questions.ask(request, this.#runs.signal);

  runStep(stepId: string): Promise<void> {
    const step = this.#state.view?.steps.find((s) => s.id === stepId);
    // A step ticks its own checklist items; the rest keep their last result until the learner re-checks with
    // `c`. Re-running the whole checklist after every step would mark items of steps not yet done as failed.
    // Cleanup is the exception: what it deleted takes every item with it, so the checklist is re-read at once.
    return this.#start(async (runner, signal) => {
      await runner.runSteps([stepId], signal, { checklist: false });
      if (step?.role === "cleanup" && !signal.aborted) await runner.runChecklist(signal);
    });
  }

  /**
   * Counts the next hint of a step's ladder as revealed (progress `hint-revealed`) and returns how many were
   * revealed before it, as the progress file says — `genai-lab hint` in another terminal counts there too, so it
   * is re-read first and the TUI and the CLI never disagree. Undefined (nothing counted) without a session.
   */
  revealHint(stepId: string): number | undefined {
    const phase = this.#state.phase;
    if (phase.kind !== "ready") return undefined;
    phase.session.store.refresh();
    const before = phase.session.runner.hintsRevealed(stepId);
    phase.session.runner.revealHint(stepId);
    return before;
  }

  recheck(): Promise<void> {
    return this.#start((runner, signal) => runner.runChecklist(signal));
  }

  /** Ctrl+C: cancels the running action. Returns false when nothing was running. */
  cancel(): boolean {
    if (!this.#runs.busy) return false;
    this.#set({ cancelling: true });
    return this.#runs.abort();
  }

  /** Cancels whatever runs or opens, waits for a run to stop, closes the session and records the exit code. */
  async quit(code: number): Promise<void> {
    this.#quitting = true;
    this.#opening?.abort();
    await this.#live.stop();
    await this.#runs.stop();
    this.#questions.declineAll();
    await this.#closeSession();
    this.#set({ exitCode: code });
  }

  async #closeSession(phase: Phase = this.#state.phase): Promise<void> {
    // No live round may still be reading through the session being closed.
    await this.#live.stop();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    if (phase.kind === "ready") await phase.session.close().catch(() => undefined);
  }

  #start(work: (runner: Session["runner"], signal: AbortSignal) => Promise<unknown>): Promise<void> {
    const phase = this.#state.phase;
    if (phase.kind !== "ready") return Promise.resolve();
    return this.#runs.start((signal) => work(phase.session.runner, signal));
  }

  /**
   * A watch ended on its own. Cleanup done by hand takes every checklist item with it, as genai-lab's own cleanup
   * does: the checklist is re-read at once (runStep does the same after a cleanup run).
   */
  #watchEnded(stepId: string, outcome: string): void {
    const step = this.#state.view?.steps.find((s) => s.id === stepId);
    if (step?.role === "cleanup" && outcome === "passed" && !this.#quitting) void this.recheck();
    this.#syncWatch();
  }

  /** Watches the open step live when the mode, the screen and the moment allow it (hands-on.ts), else nothing. */
  #syncWatch(): void {
    const phase = this.#state.phase;
    const ready = phase.kind === "ready" && !this.#quitting;
    const wanted = ready ? watchableStep(this.#state, this.#focus, this.#runs.busy) : undefined;
    // Only a run or a question stops a watch at once; moving elsewhere lets it take a last look (live-watch.ts).
    const calm = ready && !this.#runs.busy && !this.#state.confirm;
    this.#live.want(wanted, calm ? phase.session.runner : undefined);
  }

  #onProgress(progress: ProgressState): void {
    const view = this.#state.view;
    if (view) this.#set({ view: labViewReducer(view, { type: "progress", progress }) });
  }

  #onEvent(event: RunnerEvent): void {
    const phase = this.#state.phase;
    // Each live round also looks whether the learner's other terminal wrote progress (a hint counted by `genai-lab
    // hint`): a stat, and a re-read only when it did.
    if (event.type === "watch" && event.phase === "round-started" && phase.kind === "ready")
      phase.session.store.refresh();
    const view = this.#state.view;
    if (view && phase.kind === "ready") this.#set({ view: viewAfterEvent(view, event, phase.session, this.#now()) });
  }
}
