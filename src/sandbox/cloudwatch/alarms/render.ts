/** An alarm as DescribeAlarms shows it: a MetricAlarm, members in the model's order (botocore cloudwatch model). */
import type { AlarmRow } from "./store.js";

export const alarmArn = (row: Pick<AlarmRow, "accountId" | "region" | "name">): string =>
  `arn:aws:cloudwatch:${row.region}:${row.accountId}:alarm:${row.name}`;

export function renderAlarm(row: AlarmRow): Record<string, unknown> {
  const d = row.definition;
  const out: Record<string, unknown> = {
    AlarmName: row.name,
    AlarmArn: alarmArn(row),
    AlarmDescription: d.description,
    AlarmConfigurationUpdatedTimestamp: new Date(row.configUpdatedAt),
    ActionsEnabled: d.actionsEnabled,
    OKActions: d.okActions,
    AlarmActions: d.alarmActions,
    InsufficientDataActions: d.insufficientDataActions,
    StateValue: row.state,
    StateReason: row.stateReason,
    StateReasonData: row.stateReasonData ?? undefined,
    StateUpdatedTimestamp: new Date(row.stateUpdatedAt),
    MetricName: d.single?.metric.metricName,
    Namespace: d.single?.metric.namespace,
    Statistic: d.single?.statistic,
    ExtendedStatistic: d.single?.extendedStatistic,
    Dimensions: (d.single?.metric.dimensions ?? []).map(([Name, Value]) => ({ Name, Value })),
    Period: d.single?.periodSec,
    Unit: d.single?.unit,
    EvaluationPeriods: d.evaluationPeriods,
    DatapointsToAlarm: d.datapointsToAlarm,
    Threshold: d.threshold,
    ComparisonOperator: d.comparisonOperator,
    TreatMissingData: d.treatMissingData,
    EvaluateLowSampleCountPercentile: d.evaluateLowSampleCountPercentile,
    Metrics: d.queries?.map((q) => ({
      Id: q.id,
      ...(q.metricStat === undefined
        ? {}
        : {
            MetricStat: {
              Metric: {
                Namespace: q.metricStat.metric.namespace,
                MetricName: q.metricStat.metric.metricName,
                Dimensions: q.metricStat.metric.dimensions.map(([Name, Value]) => ({ Name, Value })),
              },
              Period: q.metricStat.periodSec,
              Stat: q.metricStat.statText,
              ...(q.metricStat.unit === undefined ? {} : { Unit: q.metricStat.unit }),
            },
          }),
      ...(q.expression === undefined ? {} : { Expression: q.expression.text }),
      ...(q.label === undefined ? {} : { Label: q.label }),
      ReturnData: q.returnData,
      ...(q.period === undefined ? {} : { Period: q.period }),
    })),
    StateTransitionedTimestamp: new Date(row.stateTransitionedAt),
  };
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}

/** ConfigurationUpdate history data: the alarm as created or updated (camelCase, as AWS's history items show it). */
export function configurationData(type: "Create" | "Update" | "Delete", row: AlarmRow): string {
  const alarm = renderAlarm(row);
  const camel = Object.fromEntries(
    Object.entries(alarm)
      .filter(([key]) => !key.startsWith("State") && key !== "AlarmConfigurationUpdatedTimestamp")
      .map(([key, value]) => [key.charAt(0).toLowerCase() + key.slice(1), value]),
  );
  const member = type === "Create" ? "createdAlarm" : type === "Update" ? "updatedAlarm" : "deletedAlarm";
  return JSON.stringify({
    version: "1.0",
    type,
    [member]: { timestamp: new Date(row.configUpdatedAt).toISOString(), ...camel },
  });
}
