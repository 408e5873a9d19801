import { abortError, type Clock } from "../../src/engine/clock.js";

interface Sleeper {
  until: number;
  resolve: () => void;
}

/** A clock that only moves when the test says so. */
export interface FakeClock extends Clock {
  advance(ms: number): Promise<void>;
  pendingSleepers(): number;
}

export function createFakeClock(start = 1_700_000_000_000): FakeClock {
  let now = start;
  let sleepers: Sleeper[] = [];
  return {
    now: () => now,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(abortError(signal));
        const sleeper: Sleeper = { until: now + ms, resolve };
        sleepers.push(sleeper);
        signal?.addEventListener(
          "abort",
          () => {
            sleepers = sleepers.filter((s) => s !== sleeper);
            reject(abortError(signal));
          },
          { once: true },
        );
      });
    },
    async advance(ms) {
      now += ms;
      const due = sleepers.filter((s) => s.until <= now);
      sleepers = sleepers.filter((s) => s.until > now);
      for (const sleeper of due) sleeper.resolve();
      await flush();
    },
    pendingSleepers: () => sleepers.length,
  };
}

/** Lets pending promise callbacks run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** Advances the clock in steps until the promise settles (or gives up after maxSteps). */
export async function advanceUntilSettled<T>(
  clock: FakeClock,
  promise: Promise<T>,
  stepMs = 1000,
  maxSteps = 10_000,
): Promise<T> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await flush();
  for (let i = 0; i < maxSteps && !settled; i++) await clock.advance(stepMs);
  if (!settled) throw new Error("the promise did not settle");
  return promise;
}
