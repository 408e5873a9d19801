/**
 * Polling for eventually consistent AWS state (log delivery, IAM propagation, query completion).
 * A probe says one of three things: the state is ready, it is *not yet* there (keep waiting, show a countdown),
 * or it is *wrong* (stop now: waiting will not fix it). Timing out is reported as "not yet", never as "wrong".
 */
import type { Clock } from "./clock.js";
import type { Evidence, Reporter } from "./contract.js";
import type { Text } from "./text.js";

export type PollProbe<T> =
  | { state: "ready"; value: T }
  | { state: "not-yet"; detail?: Text }
  | { state: "wrong"; evidence: Evidence; hint: Text };

export interface PollOptions<T> {
  /** What is being waited for, e.g. "Waiting for the invocation logs". */
  label: Text;
  timeoutMs: number;
  /** Between probes; default 2 s. */
  intervalMs?: number;
  probe(attempt: number): Promise<PollProbe<T>>;
}

export type PollResult<T> =
  | { state: "ready"; value: T; waitedMs: number; attempts: number }
  | { state: "timed-out"; detail?: Text; waitedMs: number; attempts: number }
  | { state: "wrong"; evidence: Evidence; hint: Text; waitedMs: number; attempts: number };

const TICK_MS = 1000;

export async function poll<T>(
  options: PollOptions<T>,
  env: { clock: Clock; report: Reporter; signal: AbortSignal },
): Promise<PollResult<T>> {
  const { clock, report, signal } = env;
  const interval = Math.max(1, options.intervalMs ?? 2000);
  const start = clock.now();
  let attempts = 0;
  let detail: Text | undefined;
  for (;;) {
    attempts += 1;
    const outcome = await options.probe(attempts);
    const waitedMs = clock.now() - start;
    if (outcome.state === "ready") return { state: "ready", value: outcome.value, waitedMs, attempts };
    if (outcome.state === "wrong") return { ...outcome, waitedMs, attempts };
    detail = outcome.detail ?? detail;
    if (waitedMs >= options.timeoutMs) return { state: "timed-out", detail, waitedMs, attempts };

    // Sleep until the next probe in one-second ticks, so the countdown the learner sees keeps moving.
    const nextProbeAt = Math.min(clock.now() + interval, start + options.timeoutMs);
    while (clock.now() < nextProbeAt) {
      const remainingMs = Math.max(0, start + options.timeoutMs - clock.now());
      const seconds = Math.ceil(remainingMs / 1000);
      report.progress(waitingText(options.label, seconds), {
        countdown: { remainingMs, totalMs: options.timeoutMs },
      });
      await clock.sleep(Math.min(TICK_MS, nextProbeAt - clock.now()), signal);
    }
  }
}

function waitingText(label: Text, seconds: number): Text {
  return { vi: `${label.vi} — còn ${seconds} giây`, en: `${label.en} — ${seconds} s left` };
}
