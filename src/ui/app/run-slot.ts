/**
 * The TUI's one run at a time (a step, or the checklist): its abort signal, cancelling it, waiting for it to
 * stop. `changed` is told when a run begins (before its work starts) and when it ends, however it ends.
 */
interface Run {
  controller: AbortController;
  done: Promise<unknown>;
}

export class RunSlot {
  #run?: Run;
  readonly #changed: (running: boolean) => void;

  constructor(changed: (running: boolean) => void) {
    this.#changed = changed;
  }

  get busy(): boolean {
    return this.#run !== undefined;
  }

  /** The running run's signal (a question asked during it is answered "no" when it is cancelled). */
  get signal(): AbortSignal | undefined {
    return this.#run?.controller.signal;
  }

  /** Starts `work` unless a run is on; resolves when it ended (its failure is the runner's to report). */
  start(work: (signal: AbortSignal) => Promise<unknown>): Promise<void> {
    if (this.#run) return Promise.resolve();
    // The run is in place before `work` starts: a step's first action may ask a question synchronously, and
    // that question must see the run's signal (Ctrl+C answers it "no").
    const run: Run = { controller: new AbortController(), done: Promise.resolve() };
    this.#run = run;
    this.#changed(true);
    try {
      run.done = work(run.controller.signal);
    } catch (error) {
      run.done = Promise.reject(error);
    }
    const finish = () => {
      this.#run = undefined;
      this.#changed(false);
    };
    return run.done.then(finish, finish);
  }

  /** Aborts the run; false when none is on. */
  abort(): boolean {
    if (!this.#run) return false;
    this.#run.controller.abort();
    return true;
  }

  /** Aborts the run, if any, and waits for it to stop. */
  async stop(): Promise<void> {
    const run = this.#run;
    if (!run) return;
    run.controller.abort();
    await run.done.catch(() => undefined);
  }
}
