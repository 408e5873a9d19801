/**
 * Runs queries in the background, in slices of a few milliseconds with the event loop in between, so a query over
 * a million events (or a slow regex) never keeps the sandbox from answering other requests — the health endpoint,
 * other queries, PutLogEvents. Running queries share each slice round-robin.
 */

/** A background task: `step` works until the deadline (performance.now() ms) and says whether it is finished. */
export interface Task {
  step(deadline: number): boolean;
}

const SLICE_MS = 16;
const MIN_SHARE_MS = 2;

export class Scheduler {
  private readonly tasks: Task[] = [];
  private scheduled = false;
  private waiters: (() => void)[] = [];

  constructor(private readonly sliceMs = SLICE_MS) {}

  add(task: Task): void {
    this.tasks.push(task);
    this.wake();
  }

  remove(task: Task): void {
    const index = this.tasks.indexOf(task);
    if (index >= 0) this.tasks.splice(index, 1);
    this.settleIfIdle();
  }

  /** Resolves once no task is left (tests and the benchmark wait on it). */
  idle(): Promise<void> {
    if (this.tasks.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private wake(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.tick());
  }

  private tick(): void {
    this.scheduled = false;
    const end = performance.now() + this.sliceMs;
    // Each task gets an equal share of the slice; the first in line moves to the back afterwards.
    const share = Math.max(MIN_SHARE_MS, this.sliceMs / Math.max(1, this.tasks.length));
    for (const task of [...this.tasks]) {
      const now = performance.now();
      if (now >= end) break;
      let done: boolean;
      try {
        done = task.step(Math.min(end, now + share));
      } catch {
        done = true;
      }
      if (done) this.remove(task);
    }
    const first = this.tasks.shift();
    if (first !== undefined) this.tasks.push(first);
    if (this.tasks.length > 0) this.wake();
    else this.settleIfIdle();
  }

  private settleIfIdle(): void {
    if (this.tasks.length > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
