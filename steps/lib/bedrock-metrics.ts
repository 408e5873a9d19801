/**
 * Which model ids Bedrock counted calls for in a time range, from the AWS/Bedrock `Invocations` metric (dimension
 * ModelId: a model id or an inference profile id). Metrics count every successful call whether logging was on or
 * not, so they tell "you called, but before logging was on" from "nothing reached Bedrock in this Region", and they
 * name the id a dashboard must chart to show data.
 */
import { GetMetricDataCommand, paginateListMetrics, type MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import { NAMESPACE } from "./dashboard-body.js";
import type { ReadCtx } from "./model.js";

export interface ModelTraffic {
  modelId: string;
  /** Sum of the metric over the range. */
  total: number;
}

/** GetMetricData takes at most 500 queries a call. */
const BATCH = 500;

/** One period covering the whole range (a multiple of 60 s, as CloudWatch requires beyond a minute). */
function wholeRangePeriod(range: { startMs: number; endMs: number }): number {
  return Math.max(60, Math.ceil((range.endMs - range.startMs) / 60_000) * 60);
}

export interface MetricSpec {
  namespace: string;
  metric: string;
  dims: Record<string, string>;
  stat: string;
}

/** Each metric's values over the range, summed (0: no datapoint), one period spanning it all. */
export async function metricTotals(
  ctx: ReadCtx,
  specs: readonly MetricSpec[],
  range: { startMs: number; endMs: number },
): Promise<number[]> {
  const totals: number[] = [];
  for (let i = 0; i < specs.length; i += BATCH) {
    const slice = specs.slice(i, i + BATCH);
    const queries: MetricDataQuery[] = slice.map((spec, j) => ({
      Id: `q${j}`,
      MetricStat: {
        Metric: {
          Namespace: spec.namespace,
          MetricName: spec.metric,
          Dimensions: Object.entries(spec.dims).map(([Name, Value]) => ({ Name, Value })),
        },
        Period: wholeRangePeriod(range),
        Stat: spec.stat,
      },
    }));
    const out = await ctx.aws.cloudwatch.send(
      new GetMetricDataCommand({
        MetricDataQueries: queries,
        StartTime: new Date(Math.floor(range.startMs / 60_000) * 60_000),
        EndTime: new Date(Math.ceil(range.endMs / 60_000) * 60_000 + 60_000),
      }),
      { abortSignal: ctx.signal },
    );
    slice.forEach((_spec, j) => {
      const values = out.MetricDataResults?.find((r) => r.Id === `q${j}`)?.Values ?? [];
      totals.push(values.reduce((sum, v) => sum + v, 0));
    });
  }
  return totals;
}

/** Sums of `metric` per ModelId over the range, largest first; ids without data are left out. */
export async function trafficByModel(
  ctx: ReadCtx,
  range: { startMs: number; endMs: number },
  metric = "Invocations",
  stat = "Sum",
): Promise<ModelTraffic[]> {
  const ids = new Set<string>();
  const pages = paginateListMetrics({ client: ctx.aws.cloudwatch }, { Namespace: NAMESPACE, MetricName: metric });
  for await (const page of pages) {
    for (const m of page.Metrics ?? []) {
      const dims = m.Dimensions ?? [];
      const model = dims.find((d) => d.Name === "ModelId")?.Value;
      if (model && dims.length === 1) ids.add(model);
    }
  }
  const models = [...ids];
  const totals = await metricTotals(
    ctx,
    models.map((modelId) => ({ namespace: NAMESPACE, metric, dims: { ModelId: modelId }, stat })),
    range,
  );
  return models
    .map((modelId, i) => ({ modelId, total: totals[i] ?? 0 }))
    .filter((m) => m.total > 0)
    .sort((a, b) => b.total - a.total);
}
