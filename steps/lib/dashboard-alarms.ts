/**
 * Alarms in the dashboard preview, as the console draws them: a metric widget's charted metrics show the alarms
 * set on them (DescribeAlarmsForMetric) and those its `annotations.alarms` names, with their threshold and state; an
 * `alarm` widget becomes a table of its alarms' states. Nothing is created or changed.
 */
import { type ChartAlarm, type Output, table } from "genai-lab/kit";
import { DescribeAlarmsCommand, DescribeAlarmsForMetricCommand } from "@aws-sdk/client-cloudwatch";
import type { MetricAlarm } from "@aws-sdk/client-cloudwatch";
import type { MetricRow } from "./dashboard-body.js";
import type { ReadCtx } from "./model.js";

const nameOf = (arn: string): string => arn.slice(arn.indexOf(":alarm:") + ":alarm:".length);

const chartAlarm = (alarm: MetricAlarm): ChartAlarm => ({
  name: alarm.AlarmName ?? "",
  ...(alarm.Threshold === undefined ? {} : { threshold: alarm.Threshold }),
  state: alarm.StateValue ?? "INSUFFICIENT_DATA",
});

async function byName(ctx: ReadCtx, names: readonly string[]): Promise<Map<string, MetricAlarm>> {
  if (names.length === 0) return new Map();
  const r = await ctx.aws.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [...names] }), {
    abortSignal: ctx.signal,
  });
  return new Map((r.MetricAlarms ?? []).map((alarm) => [alarm.AlarmName ?? "", alarm]));
}

/** The alarms to draw beside a metric widget's chart. */
export async function chartAlarms(
  ctx: ReadCtx,
  rows: readonly MetricRow[],
  annotated: readonly string[],
): Promise<ChartAlarm[]> {
  const found = new Map<string, ChartAlarm>();
  for (const [namespace, metric, dimension, value] of rows) {
    const r = await ctx.aws.cloudwatch.send(
      new DescribeAlarmsForMetricCommand({
        Namespace: namespace,
        MetricName: metric,
        Dimensions: [{ Name: dimension, Value: value }],
      }),
      { abortSignal: ctx.signal },
    );
    for (const alarm of r.MetricAlarms ?? []) found.set(alarm.AlarmName ?? "", chartAlarm(alarm));
  }
  const named = annotated.map(nameOf).filter((name) => !found.has(name));
  const described = await byName(ctx, named);
  for (const name of named) {
    const alarm = described.get(name);
    found.set(name, alarm === undefined ? { name, state: "missing" } : chartAlarm(alarm));
  }
  return [...found.values()];
}

/** An `alarm` widget as a table of its alarms. */
export async function alarmWidgetTable(ctx: ReadCtx, title: string, arns: readonly string[]): Promise<Output> {
  const described = await byName(ctx, arns.map(nameOf));
  const rows = arns.map(nameOf).map((name) => {
    const alarm = described.get(name);
    return {
      name,
      state: alarm?.StateValue ?? { vi: "không tìm thấy", en: "not found" },
      reason: alarm?.StateReason ?? null,
      since: alarm?.StateTransitionedTimestamp?.toISOString() ?? null,
    };
  });
  return table(
    { vi: `${title} (alarm)`, en: `${title} (alarms)` },
    [
      ["name", { vi: "Alarm", en: "Alarm" }, "left"],
      ["state", { vi: "Trạng thái", en: "State" }, "left"],
      ["since", { vi: "Từ lúc", en: "Since" }, "left"],
      ["reason", { vi: "Lý do", en: "Reason" }, "left"],
    ],
    rows,
  );
}
