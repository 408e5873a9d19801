/**
 * The one live watch the TUI keeps (hands-on and exam): the open step's checks re-run on their own while the
 * learner works in their own terminal (runner.watchStep). The controller says which step should be watched —
 * none while a run goes on, a dialog is open, or another screen is up — and this keeps exactly that one running:
 * the same step leaves it alone; a different step first gives the old one a last look (the learner may have run
 * its last command a moment before moving on: without it the step stayed "not yet" until they came back), and
 * once that round ends `onEnded` lets the controller ask again, which starts the new one. No watcher (a run
 * or a question) stops it at once: runs and live rounds never overlap.
 *
 *   want("a") → watch a · want("a") → (no change) · want("b") → a's last round … onEnded → want("b") → watch b
 *   want(undefined, watcher) (a step with nothing to watch) → a's last round · want(_, undefined) → stop at once
 */
import type { WatchHandle, WatchResult } from "../../engine/watch.js";

export interface Watcher {
  watchStep(stepId: string, signal: AbortSignal): WatchHandle;
}

interface Current {
  stepId: string;
  abort: AbortController;
  handle?: WatchHandle;
  /** Its last round was asked for (another step is wanted next). */
  leaving?: boolean;
}

export class LiveWatch {
  #current?: Current;
  /** Every watch started and not yet settled (a stopped one may still be finishing its round). */
  readonly #settling = new Set<Promise<unknown>>();
  readonly #onEnded: (stepId: string, result: WatchResult) => void;

  /** `onEnded`: a watch ended on its own (its step passed, or its last look ended), not because it was stopped. */
  constructor(onEnded: (stepId: string, result: WatchResult) => void) {
    this.#onEnded = onEnded;
  }

  /** The step being watched, if any. */
  get stepId(): string | undefined {
    return this.#current?.stepId;
  }

  want(stepId: string | undefined, watcher: Watcher | undefined): void {
    const old = this.#current;
    if (old && old.stepId === stepId && !old.leaving) return;
    // A watcher given means nothing forbids checking (no run, no question): the old step may take its last look.
    if (old && watcher) {
      // Its last look first; when it ends, onEnded asks again and the wanted step is watched then.
      if (!old.leaving) {
        old.leaving = true;
        old.handle?.leave();
      }
      return;
    }
    this.#current?.abort.abort();
    this.#current = undefined;
    if (stepId === undefined || !watcher) return;
    // In place before the watch starts: its first round's events arrive synchronously, and may ask again.
    const current: Current = { stepId, abort: new AbortController() };
    this.#current = current;
    const handle = watcher.watchStep(stepId, current.abort.signal);
    current.handle = handle;
    if (current.leaving) handle.leave(); // another step was wanted during its first, synchronous round
    const settled = handle.done.then(
      (result) => {
        if (this.#current === current) {
          this.#current = undefined;
          if (!current.abort.signal.aborted) this.#onEnded(stepId, result);
        }
      },
      () => {
        if (this.#current !== current) return;
        this.#current = undefined;
        // The step wanted next must not wait for a look that failed.
        if (current.leaving && !current.abort.signal.aborted)
          this.#onEnded(stepId, { outcome: "cancelled", rounds: 0, results: [] });
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
