/**
 * How a metric alarm decides its state from the datapoints of its evaluation range, as CloudWatch documents it
 * ("Evaluating an alarm" and "How alarm state is evaluated when data is missing", Amazon CloudWatch User Guide).
 *
 * The evaluation range is a few more periods than Evaluation Periods (N): AWS's example retrieves 5 for N = 3; the
 * sandbox takes N + max(⌊N/3⌋, 2). Then, with M = Datapoints to Alarm:
 *   1. no datapoint missing among the newest N           → M-of-N over those N
 *   2. some missing, but at least N real ones in range   → M-of-N over the newest N real ones (missing-data
 *                                                           treatment not needed)
 *   3. none at all                                       → missing: INSUFFICIENT_DATA · ignore: keep the state ·
 *                                                           breaching: ALARM · notBreaching: OK
 *   4. fewer than N real ones                            → every real one counts; the rest are filled as the
 *      treatment says (breaching / notBreaching), or left out (missing / ignore). "Premature alarm": with
 *      `missing`, fewer than M real datapoints, the oldest breaching one among the newest N at least M periods old
 *      and nothing newer but breaching or missing → ALARM; with `ignore` that case keeps the state.
 * One input, what it gives (N = M = 3, oldest first, X breaching, 0 not, - missing):
 *   "- - X - -"  missing → ALARM (premature) · ignore → unchanged · breaching → ALARM · notBreaching → OK
 */

export type AlarmState = "OK" | "ALARM" | "INSUFFICIENT_DATA";
export type TreatMissingData = "missing" | "ignore" | "breaching" | "notBreaching";

/** One period of the evaluation range, oldest first: its value, or undefined when it has no data. */
export interface RangePoint {
  timestamp: number;
  value: number | undefined;
  sampleCount?: number;
}

export interface EvaluationInput {
  points: readonly RangePoint[];
  evaluationPeriods: number;
  datapointsToAlarm: number;
  treatMissingData: TreatMissingData;
  breaches: (value: number) => boolean;
  current: AlarmState;
}

export type EvaluationKind = "evaluated" | "all-missing" | "premature";

export interface Evaluation {
  state: AlarmState;
  kind: EvaluationKind;
  /** The real datapoints the decision used, newest first. */
  evaluated: RangePoint[];
  /** How many datapoints of the N were missing and filled by the treatment. */
  filled: number;
  /** Breaching datapoints among the N (real and filled). */
  breaching: number;
}

export function evaluationRange(evaluationPeriods: number): number {
  return evaluationPeriods + Math.max(Math.floor(evaluationPeriods / 3), 2);
}

export function evaluateAlarm(input: EvaluationInput): Evaluation {
  const { points, evaluationPeriods: n, datapointsToAlarm: m, treatMissingData: treat, breaches, current } = input;
  const real = points.filter((p): p is RangePoint & { value: number } => p.value !== undefined);
  const newestN = points.slice(-n);
  const decide = (evaluated: RangePoint[], filledBreaching: number, filled: number): Evaluation => {
    const breaching = evaluated.filter((p) => breaches(p.value ?? 0)).length + filledBreaching;
    return { state: breaching >= m ? "ALARM" : "OK", kind: "evaluated", evaluated, filled, breaching };
  };
  if (newestN.length === n && newestN.every((p) => p.value !== undefined)) return decide([...newestN].reverse(), 0, 0);
  if (real.length >= n) return decide(real.slice(-n).reverse(), 0, 0);
  if (real.length === 0) {
    const state: AlarmState =
      treat === "missing" ? "INSUFFICIENT_DATA" : treat === "ignore" ? current : treat === "breaching" ? "ALARM" : "OK";
    return { state, kind: "all-missing", evaluated: [], filled: n, breaching: treat === "breaching" ? n : 0 };
  }
  const missingCount = n - real.length;
  if ((treat === "missing" || treat === "ignore") && real.length < m && premature(newestN, m, breaches)) {
    return {
      state: treat === "missing" ? "ALARM" : current,
      kind: "premature",
      evaluated: [...real].reverse(),
      filled: 0,
      breaching: real.filter((p) => breaches(p.value)).length,
    };
  }
  const filledBreaching = treat === "breaching" ? missingCount : 0;
  const filled = treat === "breaching" || treat === "notBreaching" ? missingCount : 0;
  return decide([...real].reverse(), filledBreaching, filled);
}

/** The oldest breaching datapoint among the newest N is at least M periods old, and nothing newer is "good". */
function premature(newestN: readonly RangePoint[], m: number, breaches: (value: number) => boolean): boolean {
  const oldest = newestN.findIndex((p) => p.value !== undefined && breaches(p.value));
  if (oldest < 0 || newestN.length - oldest < m) return false;
  return newestN.slice(oldest).every((p) => p.value === undefined || breaches(p.value));
}
