/**
 * A seeded incident is still going on when its history ends; on AWS it would go on after that too, so that an alarm
 * created ten minutes later still sees it. The running sandbox makes it so: before each call (as it delivers due
 * logs and evaluates alarms) it writes the newest history's whole minutes from where it stopped up to now — same
 * apps, rhythm and incident, from the same seed — for ONGOING_MS after the history was seeded, then the incident is
 * left to end. A `steady` history is not continued (nothing happens in it), nor is one recorded before the seed
 * runs said how to (no rate), nor one whose log group is gone (cleanup deleted it: the group must not come back).
 */
import type { Db } from "../storage/db.js";
import { LogsStore } from "../storage/logs-store.js";
import { seedHistory } from "./history.js";
import { extendSeedRun, latestSeedRow } from "./manifest.js";
import { isScenario, ONGOING_MS } from "./scenarios.js";

const MINUTE_MS = 60_000;
/**
 * About how many calls one catch-up may write (≈1 ms each): a sandbox started long after a seed at a high rate
 * writes only the newest minutes, leaving a gap, rather than keeping its first caller waiting for a minute.
 */
const CATCH_UP_CALLS = 6000;

/** The whole minutes a catch-up writes at `now` ([from, until)), or undefined when none is due. */
export function catchUpWindow(
  run: { to: number; through: number; rate: number },
  now: number,
): { from: number; until: number } | undefined {
  const until = Math.floor(Math.min(now, run.to + ONGOING_MS) / MINUTE_MS) * MINUTE_MS;
  const span = Math.max(5, Math.floor(CATCH_UP_CALLS / run.rate)) * MINUTE_MS;
  const from = Math.max(run.through, until - span);
  return until - from >= MINUTE_MS ? { from, until } : undefined;
}

export interface OngoingIncident {
  /** Writes the minutes of the newest incident that have passed by `now` (one catch-up at a time). */
  catchUp(now: number): Promise<void>;
}

export function ongoingIncident(db: Db, accountId: string, region: string): OngoingIncident {
  const logs = new LogsStore(db);
  let running: Promise<void> | undefined;
  const step = async (now: number): Promise<void> => {
    const row = latestSeedRow(db, accountId, region);
    if (row === undefined) return;
    const { run } = row;
    if (run.scenario === "steady" || !isScenario(run.scenario) || run.incidentStart === undefined) return;
    if (run.rate === undefined || run.through === undefined) return;
    // The learner cleaned up (the group is gone): the incident ends there, rather than bringing the group back.
    if (logs.findGroup(accountId, region, run.logGroupName) === undefined) return;
    const window = catchUpWindow({ to: run.to, through: run.through, rate: run.rate }, now);
    if (window === undefined) return;
    const result = await seedHistory({
      db,
      hours: 0,
      rate: run.rate,
      // Another stream of the same seed for each stretch: deterministic, never the history's own minutes again.
      seed: (run.seed + window.from / MINUTE_MS) % 2 ** 32,
      scenario: run.scenario,
      accountId,
      region,
      now: window.until,
      continues: { from: window.from, incidentStart: run.incidentStart },
    });
    extendSeedRun(db, row.id, run, result.through, result.invocations);
  };
  return {
    catchUp(now) {
      // Calls arriving together wait for the same catch-up rather than writing the same minutes twice.
      running ??= step(now).finally(() => (running = undefined));
      return running;
    },
  };
}
