/**
 * Live checking of one step while the learner works on it in their own terminal (hands-on mode).
 *
 * The step's checks run in rounds. Between rounds the watcher backs off — 2 s, 3 s, 5 s, 8 s, then every 10 s —
 * so a learner who is reading costs a few calls a minute, and one who just ran a command sees it ticked within
 * seconds. A poke (the TUI's `c`) starts a round at once and restarts the back-off; a poke that comes while a
 * round runs starts the next one as soon as it ends (the running round may have read the world before the
 * learner's latest command). When every check of the step passes, the step is recorded as passed and the watch
 * ends. Cancelling the signal ends it at once; nothing is recorded then. Leaving (the learner moved to another
 * step) is gentler: one last round now — they may have just run the step's last command — recorded if it passes,
 * and then the watch ends ("cancelled") instead of waiting for the next.
 *
 *   round 1 (first) ─ 2 s ─ round 2 (timer) ─ 3 s ─ round 3 ─ poke! ─ round 4 (poke) ─ 2 s ─ round 5 … all pass
 *
 * Checks run with `liveCheck: true`: their polls probe once and never wait (the next round comes soon anyway).
 */
import type { Clock } from "./clock.js";
import type { DoneBy, Step } from "./contract.js";
import type { ChecklistItemResult, RunnerEvent, WatchOutcome, WatchReason } from "./events.js";

/** The waits between rounds; the last repeats. */
export const WATCH_BACKOFF_MS: readonly number[] = [2000, 3000, 5000, 8000, 10_000];

export interface WatchResult {
  outcome: WatchOutcome;
  rounds: number;
  /** Who completed the step, when it passed. */
  by?: DoneBy;
  /** The last round's results, in the step's check order. */
  results: ChecklistItemResult[];
}

/**
 * A running watch: `poke()` asks for a round now; `leave()` asks for a last round now, then the end; `done`
 * settles when the step passed or the watch was cancelled or left.
 */
export interface WatchHandle {
  poke(): void;
  leave(): void;
  readonly done: Promise<WatchResult>;
}

export interface WatchDeps {
  step: Step;
  clock: Clock;
  emit(event: RunnerEvent): void;
  /** Runs every check of the step once, live, in order. */
  round(signal: AbortSignal): Promise<ChecklistItemResult[]>;
  /** Records the step as passed and says who did it. */
  finish(results: ChecklistItemResult[]): DoneBy;
}

export function startWatch(deps: WatchDeps, signal: AbortSignal): WatchHandle {
  return new Watch(deps, signal);
}

class Watch implements WatchHandle {
  readonly done: Promise<WatchResult>;
  #poked = false;
  #leaving = false;
  /** Aborted by a poke to cut the wait between rounds short. */
  #wake: AbortController | undefined;

  constructor(deps: WatchDeps, signal: AbortSignal) {
    this.done = this.#loop(deps, signal);
  }

  poke = (): void => {
    this.#poked = true;
    this.#wake?.abort();
  };

  /** A round running now may have read the world before the learner's last command: one more follows it. */
  leave = (): void => {
    this.#leaving = true;
    this.poke();
  };

  async #loop(deps: WatchDeps, signal: AbortSignal): Promise<WatchResult> {
    const { step, clock, emit } = deps;
    const stepId = step.id;
    const end = (outcome: WatchOutcome, rounds: number, results: ChecklistItemResult[], by?: DoneBy) => {
      emit({ type: "watch", phase: "finished", stepId, outcome, rounds, ...(by ? { by } : {}) });
      return { outcome, rounds, results, ...(by ? { by } : {}) };
    };
    if (step.checks.length === 0) return end("no-checks", 0, []);

    let round = 0;
    let backoff = 0;
    let reason: WatchReason = "first";
    let results: ChecklistItemResult[] = [];
    for (;;) {
      if (signal.aborted) return end("cancelled", round, results);
      round += 1;
      this.#poked = false;
      emit({ type: "watch", phase: "round-started", stepId, round, reason });
      results = await deps.round(signal);
      if (signal.aborted) return end("cancelled", round, results);
      const passed = results.filter((item) => item.result.status === "pass").length;
      const total = results.length;
      if (passed === total) {
        emit({ type: "watch", phase: "round-finished", stepId, round, passed, total, nextRoundInMs: 0 });
        return end("passed", round, results, deps.finish(results));
      }
      if (this.#poked) {
        // Poked while the round ran: the learner may have just changed something, so look again at once.
        emit({ type: "watch", phase: "round-finished", stepId, round, passed, total, nextRoundInMs: 0 });
        backoff = 0;
        reason = "poke";
        continue;
      }
      if (this.#leaving) {
        emit({ type: "watch", phase: "round-finished", stepId, round, passed, total, nextRoundInMs: 0 });
        return end("cancelled", round, results);
      }
      const waitMs = WATCH_BACKOFF_MS[Math.min(backoff, WATCH_BACKOFF_MS.length - 1)]!;
      emit({ type: "watch", phase: "round-finished", stepId, round, passed, total, nextRoundInMs: waitMs });
      backoff += 1;
      this.#wake = new AbortController();
      try {
        await clock.sleep(waitMs, AbortSignal.any([signal, this.#wake.signal]));
        reason = "timer";
      } catch {
        if (signal.aborted) return end("cancelled", round, results);
        // Woken by a poke: a round now, and the back-off starts over.
        backoff = 0;
        reason = "poke";
      } finally {
        this.#wake = undefined;
      }
    }
  }
}
