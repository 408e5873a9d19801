/**
 * "An alarm that goes to ALARM during the incident": some metric alarm — any name, metric, statistic or metric-math
 * expression — whose newest move to ALARM was made by CloudWatch's own evaluation ("Threshold Crossed", not
 * SetAlarmState) at or after the incident's start, and which is still in ALARM.
 *   near misses: ALARM only through SetAlarmState · a condition ordinary traffic meets too (in the hour before
 *   the incident it would already have been crossed: checked for single-metric alarms) · INSUFFICIENT_DATA on a metric that has no data (the dimension
 *   names a model id the metrics do not use) · INSUFFICIENT_DATA on a metric that has data (not evaluated yet: a new
 *   alarm waits for CloudWatch's first evaluation, about a minute) · OK (the threshold is never crossed)
 */
import {
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  ListMetricsCommand,
} from "@aws-sdk/client-cloudwatch";
import type { MetricAlarm } from "@aws-sdk/client-cloudwatch";
import type { ReadCtx } from "../model.js";

export type AlarmMiss = "not-evaluated" | "set-by-hand" | "already-alarming" | "no-data" | "never-crossed" | "no-alarm";

export type AlarmGrade =
  | { status: "pass"; alarm: string; since: number }
  | { status: "near"; reason: AlarmMiss; alarm?: string; detail?: string };

interface Transition {
  to: string;
  reason: string;
  at: number;
}

async function lastMoveToAlarm(ctx: ReadCtx, name: string): Promise<Transition | undefined> {
  const r = await ctx.aws.cloudwatch.send(
    new DescribeAlarmHistoryCommand({ AlarmName: name, HistoryItemType: "StateUpdate", MaxRecords: 100 }),
    { abortSignal: ctx.signal },
  );
  for (const item of r.AlarmHistoryItems ?? []) {
    try {
      const data = JSON.parse(item.HistoryData ?? "{}") as { newState?: { stateValue?: string; stateReason?: string } };
      if (data.newState?.stateValue === "ALARM") {
        return { to: "ALARM", reason: data.newState.stateReason ?? "", at: item.Timestamp?.getTime() ?? 0 };
      }
    } catch {
      // not AWS's history data
    }
  }
  return undefined;
}

/**
 * An INSUFFICIENT_DATA alarm: its metric has data for exactly its dimensions (it has not been evaluated yet: a new
 * alarm stays there until CloudWatch's first evaluation), or not — then the dimension values the metric does have,
 * to name in the hint.
 */
async function insufficient(ctx: ReadCtx, alarm: MetricAlarm): Promise<AlarmGrade> {
  const name = alarm.AlarmName ?? "";
  if (alarm.Namespace === undefined || alarm.MetricName === undefined)
    return { status: "near", reason: "no-data", alarm: name };
  const listed = await ctx.aws.cloudwatch.send(
    new ListMetricsCommand({ Namespace: alarm.Namespace, MetricName: alarm.MetricName }),
    { abortSignal: ctx.signal },
  );
  const pairs = (dims: MetricAlarm["Dimensions"]) => (dims ?? []).map((d) => `${d.Name}=${d.Value}`);
  const key = (dims: MetricAlarm["Dimensions"]) => pairs(dims).sort().join(",");
  if ((listed.Metrics ?? []).some((m) => key(m.Dimensions) === key(alarm.Dimensions)))
    return { status: "near", reason: "not-evaluated", alarm: name };
  const values = [...new Set((listed.Metrics ?? []).flatMap((m) => pairs(m.Dimensions)))];
  const detail = values.slice(0, 6).join(", ");
  return { status: "near", reason: "no-data", alarm: name, ...(detail ? { detail } : {}) };
}

const BREACHES: Record<string, (value: number, threshold: number) => boolean> = {
  GreaterThanThreshold: (v, t) => v > t,
  GreaterThanOrEqualToThreshold: (v, t) => v >= t,
  LessThanThreshold: (v, t) => v < t,
  LessThanOrEqualToThreshold: (v, t) => v <= t,
};

/** Whether a single-metric alarm's condition already held in the hour before the incident (ordinary traffic). */
async function breachedBefore(ctx: ReadCtx, alarm: MetricAlarm, incidentStart: number): Promise<boolean> {
  const breaches = BREACHES[alarm.ComparisonOperator ?? ""];
  const stat = alarm.Statistic ?? alarm.ExtendedStatistic;
  if (alarm.Namespace === undefined || alarm.MetricName === undefined || breaches === undefined || stat === undefined)
    return false;
  const r = await ctx.aws.cloudwatch.send(
    new GetMetricDataCommand({
      StartTime: new Date(incidentStart - 3600_000),
      EndTime: new Date(incidentStart),
      MetricDataQueries: [
        {
          Id: "m",
          MetricStat: {
            Metric: { Namespace: alarm.Namespace, MetricName: alarm.MetricName, Dimensions: alarm.Dimensions },
            Period: alarm.Period ?? 300,
            Stat: stat,
          },
        },
      ],
    }),
    { abortSignal: ctx.signal },
  );
  return (r.MetricDataResults?.[0]?.Values ?? []).some((value) => breaches(value, alarm.Threshold ?? 0));
}

export async function gradeAlarm(ctx: ReadCtx, incidentStart: number): Promise<AlarmGrade> {
  const r = await ctx.aws.cloudwatch.send(new DescribeAlarmsCommand({ MaxRecords: 100 }), { abortSignal: ctx.signal });
  const alarms = r.MetricAlarms ?? [];
  let near: AlarmGrade = { status: "near", reason: "no-alarm" };
  const rank = (g: AlarmGrade): number =>
    g.status === "pass"
      ? 9
      : {
          "not-evaluated": 5,
          "set-by-hand": 4,
          "already-alarming": 3,
          "no-data": 2,
          "never-crossed": 1,
          "no-alarm": 0,
        }[g.reason];
  for (const alarm of alarms) {
    const name = alarm.AlarmName ?? "";
    let grade: AlarmGrade;
    if (alarm.StateValue === "ALARM") {
      const move = await lastMoveToAlarm(ctx, name);
      const evaluated = move !== undefined && move.reason.startsWith("Threshold Crossed");
      const during = move !== undefined && move.at >= incidentStart - 60_000;
      if (evaluated && during && !(await breachedBefore(ctx, alarm, incidentStart))) {
        return { status: "pass", alarm: name, since: move.at };
      }
      grade = { status: "near", reason: evaluated ? "already-alarming" : "set-by-hand", alarm: name };
    } else if (alarm.StateValue === "INSUFFICIENT_DATA") {
      grade = await insufficient(ctx, alarm);
    } else {
      grade = {
        status: "near",
        reason: "never-crossed",
        alarm: name,
        detail: `${alarm.ComparisonOperator ?? ""} ${alarm.Threshold ?? ""}`,
      };
    }
    if (rank(grade) > rank(near)) near = grade;
  }
  return near;
}
