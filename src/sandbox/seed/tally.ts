/** What a seeding wrote, counted as it goes: the numbers `sandbox seed` reports and its tests check. */
import type { SeededCall } from "./call.js";

export interface SeedCounts {
  /** Every runtime call, retries included: one invocation-log record each (when delivered). */
  invocations: number;
  succeeded: number;
  throttled: number;
  clientErrors: number;
  serverErrors: number;
  /** Successful calls that stopped at max_tokens. */
  truncated: number;
  /** Successful calls a guardrail intervened on. */
  intervened: number;
  /** Records the logging pipeline could not deliver (the delivery-failure incident). */
  undelivered: number;
  inputTokens: number;
  outputTokens: number;
}

export class SeedTally {
  readonly #counts: SeedCounts = {
    invocations: 0,
    succeeded: 0,
    throttled: 0,
    clientErrors: 0,
    serverErrors: 0,
    truncated: 0,
    intervened: 0,
    undelivered: 0,
    inputTokens: 0,
    outputTokens: 0,
  };

  add(call: SeededCall, delivered: boolean): void {
    const c = this.#counts;
    c.invocations += 1;
    if (!delivered) c.undelivered += 1;
    switch (call.kind) {
      case "success":
        c.succeeded += 1;
        if (call.truncated) c.truncated += 1;
        if (call.intervened) c.intervened += 1;
        c.inputTokens += call.inputTokens;
        c.outputTokens += call.outputTokens;
        return;
      case "throttled":
        c.throttled += 1;
        return;
      case "client-error":
        c.clientErrors += 1;
        return;
      case "server-error":
        c.serverErrors += 1;
        return;
    }
  }

  counts(): SeedCounts {
    return { ...this.#counts };
  }
}
