/**
 * StateReason and StateReasonData of an evaluated alarm, in the shape AWS writes them (recorded by LocalStack's
 * snapshot tests and quoted in the CloudWatch User Guide):
 *   "Threshold Crossed: 1 datapoint [21.5 (08/11/22 11:25:00)] was greater than the threshold (21.0)."
 *   "Threshold Crossed: 3 out of the last 3 datapoints [20000.0 (08/11/22 11:25:00), …] were greater than the
 *    threshold (0.0) (minimum 3 datapoints for OK -> ALARM transition)."
 *   {"version":"1.0","queryDate":"2022-11-08T11:26:05.399+0000","startDate":"2022-11-08T11:23:00.000+0000",
 *    "statistic":"Average","period":60,"recentDatapoints":[…],"threshold":0.0,
 *    "evaluatedDatapoints":[{"timestamp":"2022-11-08T11:25:00.000+0000","sampleCount":2.0,"value":20000.0}]}
 * Datapoints in the reason are newest first, dated dd/MM/yy HH:mm:ss (UTC); doubles keep their ".0".
 */
import type { AlarmState, Evaluation, RangePoint, TreatMissingData } from "./evaluate.js";

const WORDS: Record<string, string> = {
  GreaterThanThreshold: "greater than",
  GreaterThanOrEqualToThreshold: "greater than or equal to",
  LessThanThreshold: "less than",
  LessThanOrEqualToThreshold: "less than or equal to",
};

export function double(value: number): string {
  const text = String(value);
  return Number.isInteger(value) && !/[e.]/.test(text) ? `${text}.0` : text;
}

const two = (n: number): string => String(n).padStart(2, "0");

function reasonDate(ms: number): string {
  const d = new Date(ms);
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCFullYear() % 100)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** AWS's timestamp form inside reason data: 2022-11-08T11:25:00.000+0000. */
export function dataDate(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+0000");
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

export interface ReasonContext {
  evaluation: Evaluation;
  previous: AlarmState;
  comparisonOperator: string;
  threshold: number;
  evaluationPeriods: number;
  datapointsToAlarm: number;
  treatMissingData: TreatMissingData;
}

export function stateReason(r: ReasonContext): string {
  const { evaluation, comparisonOperator, threshold, evaluationPeriods: n, datapointsToAlarm: m } = r;
  const words = WORDS[comparisonOperator] ?? comparisonOperator;
  if (evaluation.kind === "all-missing") {
    const treated = { missing: "Missing", ignore: "Ignore", breaching: "Breaching", notBreaching: "NonBreaching" }[
      r.treatMissingData
    ];
    const head = evaluation.state === "INSUFFICIENT_DATA" ? "Insufficient Data" : "Threshold Crossed";
    return `${head}: no datapoints were received for ${plural(n, "period")} and ${plural(n, "missing datapoint")} ${n === 1 ? "was" : "were"} treated as [${treated}].`;
  }
  const list = evaluation.evaluated.map((p) => `${double(p.value ?? 0)} (${reasonDate(p.timestamp)})`).join(", ");
  const alarm = evaluation.state === "ALARM";
  const not = alarm ? "" : "not ";
  const threshold$ = `the threshold (${double(threshold)})`;
  const filled =
    evaluation.filled > 0
      ? ` and ${plural(evaluation.filled, "missing datapoint")} treated as [${r.treatMissingData === "breaching" ? "Breaching" : "NonBreaching"}]`
      : "";
  if (n === 1 && evaluation.evaluated.length === 1) {
    return `Threshold Crossed: 1 datapoint [${list}] was ${not}${words} ${threshold$}.`;
  }
  const count = alarm ? evaluation.breaching : evaluation.evaluated.length + evaluation.filled - evaluation.breaching;
  const needed = alarm ? m : n - m + 1;
  const from = r.previous === evaluation.state ? (alarm ? "OK" : "ALARM") : r.previous;
  return (
    `Threshold Crossed: ${count} out of the last ${n} datapoints [${list}] ${count === 1 ? "was" : "were"} ${not}${words} ` +
    `${threshold$}${filled} (minimum ${plural(needed, "datapoint")} for ${from} -> ${evaluation.state} transition).`
  );
}

/** A JSON writer that keeps doubles as doubles (`0.0`) and integers as integers. */
class Int {
  constructor(readonly value: number) {}
}

function write(value: unknown): string {
  if (value instanceof Int) return String(value.value);
  if (typeof value === "number") return double(value);
  if (Array.isArray(value)) return `[${value.map(write).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${write(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

export function stateReasonData(
  evaluation: Evaluation,
  at: number,
  periodSec: number,
  threshold: number,
  statistic: { statistic?: string; unit?: string },
): string {
  const oldestFirst: RangePoint[] = [...evaluation.evaluated].reverse();
  return write({
    version: "1.0",
    queryDate: dataDate(at),
    startDate: oldestFirst[0] === undefined ? undefined : dataDate(oldestFirst[0].timestamp),
    unit: statistic.unit,
    statistic: statistic.statistic,
    period: new Int(periodSec),
    recentDatapoints: oldestFirst.map((p) => p.value ?? 0),
    threshold,
    evaluatedDatapoints: evaluation.evaluated.map((p) => ({
      timestamp: dataDate(p.timestamp),
      sampleCount: p.sampleCount,
      value: p.value,
    })),
  });
}
