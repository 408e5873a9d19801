/**
 * GetMetricData labels. Without a Label, a MetricStat query is labelled with its metric name plus only what tells the
 * request's queries apart: the statistic when they use several, then the period when they use several —
 * `metric1 Sum 60` / `metric1 Minimum 30`, `metric1 60` / `metric1 30`, `metric1 Sum` / `metric1 Minimum`, and just
 * `metric1` when all agree (units and dimensions never enter the label). Source: real AWS responses recorded by
 * LocalStack, tests/aws/services/cloudwatch/test_cloudwatch.snapshot.json (test_label_generation,
 * test_get_metric_data_with_zero_and_labels).
 * A Label may hold CloudWatch's dynamic-label tokens; the sandbox fills ${PROP('MetricName' | 'Namespace' | 'Period'
 * | 'Stat' | 'Region' | 'AccountId' | 'Dim.<name>')} and the value summaries ${AVG} ${MAX} ${MIN} ${SUM} ${FIRST}
 * ${LAST} ${DATAPOINT_COUNT} (over every value in the time range, oldest first). Other tokens are left as written.
 */

export interface LabelContext {
  namespace: string;
  metricName: string;
  dimensions: readonly [string, string][];
  periodSec: number;
  stat: string;
  region: string;
  accountId: string;
  /** Values oldest first. */
  values: readonly number[];
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3)));
}

function summary(name: string, values: readonly number[]): string | undefined {
  if (name === "DATAPOINT_COUNT") return String(values.length);
  if (values.length === 0) return undefined;
  switch (name) {
    case "AVG":
      return formatNumber(values.reduce((a, b) => a + b, 0) / values.length);
    case "SUM":
      return formatNumber(values.reduce((a, b) => a + b, 0));
    case "MIN":
      return formatNumber(Math.min(...values));
    case "MAX":
      return formatNumber(Math.max(...values));
    case "FIRST":
      return formatNumber(values[0] ?? 0);
    case "LAST":
      return formatNumber(values[values.length - 1] ?? 0);
    default:
      return undefined;
  }
}

function property(name: string, context: LabelContext): string | undefined {
  switch (name) {
    case "MetricName":
      return context.metricName;
    case "Namespace":
      return context.namespace;
    case "Period":
      return String(context.periodSec);
    case "Stat":
      return context.stat;
    case "Region":
      return context.region;
    case "AccountId":
      return context.accountId;
    default:
      return name.startsWith("Dim.") ? context.dimensions.find(([dim]) => dim === name.slice(4))?.[1] : undefined;
  }
}

/** Whether a request's queries differ in statistic and in period (the parts a default label then names). */
export interface LabelParts {
  stat: boolean;
  period: boolean;
}

export function labelParts(queries: readonly { statText: string; periodSec: number }[]): LabelParts {
  return {
    stat: new Set(queries.map((q) => q.statText)).size > 1,
    period: new Set(queries.map((q) => q.periodSec)).size > 1,
  };
}

export function resolveLabel(label: string | undefined, context: LabelContext, parts?: LabelParts): string {
  if (label === undefined) {
    const words = [context.metricName];
    if (parts?.stat === true) words.push(context.stat);
    if (parts?.period === true) words.push(String(context.periodSec));
    return words.join(" ");
  }
  return label.replace(
    /\$\{(?:PROP\('([^']+)'\)|([A-Z_]+))\}/g,
    (token, prop: string | undefined, name: string | undefined) => {
      const value = prop !== undefined ? property(prop, context) : summary(name ?? "", context.values);
      return value ?? token;
    },
  );
}
