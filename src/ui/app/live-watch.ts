/**
 * The one live watch the TUI keeps (hands-on and exam): the open step's checks re-run on their own while the
 * learner works in their own terminal (runner.watchStep). The controller says which step should be watched —
 * none while a run goes on, a dialog is open, or another screen is up — and this keeps exactly that one running:
 * a different step stops the old watch first; the same step leaves it alone.
 *
 *   want("a") → watch a · want("a") → (no change) · want("b") → stop a, watch b · want(undefined) → stop b
 */
import type { WatchHandle, WatchResult } from "../../engine/watch.js";

export interface Watcher {
  watchStep(stepId: string, signal: AbortSignal): WatchHandle;
}

interface Current {
  stepId: string;
  abort: AbortController;
  handle?: WatchHandle;
}

export class LiveWatch {
  #current?: Current;
  /** Every watch started and not yet settled (a stopped one may still be finishing its round). */
  readonly #settling = new Set<Promise<unknown>>();
  readonly #onEnded: (stepId: string, result: WatchResult) => void;

  /** `onEnded`: a watch ended on its own (its step passed), not because it was stopped. */
  constructor(onEnded: (stepId: string, result: WatchResult) => void) {
    this.#onEnded = onEnded;
  }

  /** The step being watched, if any. */
  get stepId(): string | undefined {
    return this.#current?.stepId;
  }

  want(stepId: string | undefined, watcher: Watcher | undefined): void {
    if (this.#current?.stepId === stepId) return;
    this.#current?.abort.abort();
    this.#current = undefined;
    if (stepId === undefined || !watcher) return;
    // In place before the watch starts: its first round's events arrive synchronously, and may ask again.
    const current: Current = { stepId, abort: new AbortController() };
    this.#current = current;
    const handle = watcher.watchStep(stepId, current.abort.signal);
    current.handle = handle;
    const settled = handle.done.then(
      (result) => {
        if (this.#current === current) {
          this.#current = undefined;
          if (!current.abort.signal.aborted) this.#onEnded(stepId, result);
        }
      },
      () => {
        if (this.#current === current) this.#current = undefined;
      },
    );
    this.#settling.add(settled);
    void settled.finally(() => this.#settling.delete(settled));
  }

  /** A round now (the `c` key). False when nothing is watched. */
  poke(): boolean {
    if (!this.#current?.handle) return false;
    this.#current.handle.poke();
    return true;
  }

  /** Stops the watch and waits until no round is left running (before the session closes). */
  async stop(): Promise<void> {
    this.want(undefined, undefined);
    await Promise.all([...this.#settling]);
  }
}
