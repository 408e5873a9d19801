/**
 * When alarms are evaluated: "for any period of one minute or longer, an alarm is evaluated every minute"; alarms
 * with a 10–30 s period every 10 seconds (User Guide, "Evaluating an alarm"). The sandbox does it lazily: before a
 * request it runs every evaluation that fell due since the last one, in order, at its own time — so the history of
 * a sandbox that sat idle reads as if it had been running (at most one day of catching up per alarm). A state
 * change records a StateUpdate history item with AWS's HistoryData; an evaluation that keeps the state changes
 * nothing but the time it ran.
 */
import type { MetricStore } from "../metric-store.js";
import { evaluationPoints, alarmPeriod } from "./data.js";
import type { AlarmState, TreatMissingData } from "./evaluate.js";
import { evaluateAlarm } from "./evaluate.js";
import { stateReason, stateReasonData } from "./reason.js";
import type { AlarmRow, AlarmStore } from "./store.js";

const MAX_CATCH_UP = 1440;
const SWEEP_MS = 10_000;

const BREACHES: Record<string, (value: number, threshold: number) => boolean> = {
  GreaterThanThreshold: (v, t) => v > t,
  GreaterThanOrEqualToThreshold: (v, t) => v >= t,
  LessThanThreshold: (v, t) => v < t,
  LessThanOrEqualToThreshold: (v, t) => v <= t,
};

export function evaluationStep(row: AlarmRow): number {
  return alarmPeriod(row.definition) < 60 ? 10_000 : 60_000;
}

export class AlarmEvaluator {
  readonly #alarms: AlarmStore;
  readonly #metrics: MetricStore;
  #nextSweep = 0;

  constructor(alarms: AlarmStore, metrics: MetricStore) {
    this.#alarms = alarms;
    this.#metrics = metrics;
  }

  /** Runs the evaluations due at or before `now` (cheap when none is: one comparison). */
  evaluateDue(now: number): void {
    // A clock set back (tests, a restarted sandbox with another clock) starts sweeping again at once.
    if (now < this.#nextSweep && now >= this.#nextSweep - SWEEP_MS) return;
    this.#nextSweep = Math.floor(now / SWEEP_MS) * SWEEP_MS + SWEEP_MS;
    for (const row of this.#alarms.all()) {
      const step = evaluationStep(row);
      let at = Math.floor(row.evaluatedAt / step) * step + step;
      if (at > now) continue;
      at = Math.max(at, Math.floor(now / step) * step - (MAX_CATCH_UP - 1) * step);
      this.#alarms.transaction(() => {
        let current = row;
        for (; at <= now; at += step) current = this.evaluate(current, at);
      });
    }
  }

  /** Evaluates one alarm at `at`, records any transition, and returns the row as it now is. */
  evaluate(row: AlarmRow, at: number): AlarmRow {
    const { definition } = row;
    const treat: TreatMissingData = definition.treatMissingData ?? "missing";
    const m = definition.datapointsToAlarm ?? definition.evaluationPeriods;
    const compare = BREACHES[definition.comparisonOperator] ?? BREACHES.GreaterThanThreshold;
    const evaluation = evaluateAlarm({
      points: evaluationPoints(this.#metrics, row, definition, at),
      evaluationPeriods: definition.evaluationPeriods,
      datapointsToAlarm: m,
      treatMissingData: treat,
      breaches: (value) => compare?.(value, definition.threshold) ?? false,
      current: row.state,
    });
    this.#alarms.markEvaluated(row, at);
    if (evaluation.state === row.state) return { ...row, evaluatedAt: at };
    const reason = stateReason({
      evaluation,
      previous: row.state,
      comparisonOperator: definition.comparisonOperator,
      threshold: definition.threshold,
      evaluationPeriods: definition.evaluationPeriods,
      datapointsToAlarm: m,
      treatMissingData: treat,
    });
    const data = stateReasonData(evaluation, at, alarmPeriod(definition), definition.threshold, {
      ...(definition.single?.statistic === undefined ? {} : { statistic: definition.single.statistic }),
      ...(definition.single?.unit === undefined ? {} : { unit: definition.single.unit }),
    });
    return this.transition({ ...row, evaluatedAt: at }, evaluation.state, reason, data, at);
  }

  /** Sets the state (evaluation or SetAlarmState) and records the StateUpdate history item. */
  transition(row: AlarmRow, state: AlarmState, reason: string, data: string | null, at: number): AlarmRow {
    this.#alarms.setState(row, state, reason, data, at);
    const newState = `{"stateValue":${JSON.stringify(state)},"stateReason":${JSON.stringify(reason)}${data === null ? "" : `,"stateReasonData":${data}`}}`;
    this.#alarms.addHistory(row.accountId, row.region, {
      alarmName: row.name,
      timestamp: at,
      type: "StateUpdate",
      summary: `Alarm updated from ${row.state} to ${state}`,
      data: `{"version":"1.0","oldState":{"stateValue":${JSON.stringify(row.state)},"stateReason":${JSON.stringify(row.stateReason)}},"newState":${newState}}`,
    });
    return {
      ...row,
      state,
      stateReason: reason,
      stateReasonData: data,
      stateUpdatedAt: at,
      stateTransitionedAt: state === row.state ? row.stateTransitionedAt : at,
    };
  }
}
