/** An inactivity timer that aborts a backend request: armed at the start, re-armed by every byte that arrives. */
export class Watchdog {
  readonly #controller = new AbortController();
  readonly #ms: number;
  #timer: NodeJS.Timeout | undefined;
  #timedOut = false;

  /** `outer` (the client going away) aborts the request too. */
  constructor(ms: number, outer?: AbortSignal) {
    this.#ms = ms;
    if (outer !== undefined) {
      if (outer.aborted) this.#controller.abort(outer.reason);
      else outer.addEventListener("abort", () => this.#controller.abort(outer.reason), { once: true });
    }
    this.arm();
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get timedOut(): boolean {
    return this.#timedOut;
  }

  arm(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timedOut = true;
      this.#controller.abort(new Error("The model backend sent nothing in time."));
    }, this.#ms);
    // Never the reason a process stays up: a call nobody waits for any more must not hold the sandbox open.
    this.#timer.unref();
  }

  stop(): void {
    clearTimeout(this.#timer);
  }
}
