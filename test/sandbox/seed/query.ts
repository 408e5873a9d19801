/** Test helper: runs a Logs Insights query over a seeded group through the SDK and returns its rows as records. */
import { GetMetricDataCommand, ListMetricsCommand } from "@aws-sdk/client-cloudwatch";
import { GetQueryResultsCommand, StartQueryCommand } from "@aws-sdk/client-cloudwatch-logs";
import type { Clients } from "../helpers.js";

export type Row = Record<string, string>;

export async function insights(
  c: Clients,
  queryString: string,
  window: { from: number; to: number },
  logGroupName = "/aws/bedrock/model-invocations",
): Promise<Row[]> {
  const { queryId } = await c.logs.send(
    new StartQueryCommand({
      logGroupName,
      queryString,
      startTime: Math.floor(window.from / 1000),
      endTime: Math.ceil(window.to / 1000),
      limit: 10_000,
    }),
  );
  for (let i = 0; i < 2000; i += 1) {
    const r = await c.logs.send(new GetQueryResultsCommand({ queryId }));
    if (r.status === "Complete") {
      return (r.results ?? []).map((row) =>
        Object.fromEntries(row.filter((f) => f.field !== "@ptr").map((f) => [f.field ?? "", f.value ?? ""])),
      );
    }
    if (r.status !== "Running" && r.status !== "Scheduled") throw new Error(`query ${r.status}: ${queryString}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`query did not finish: ${queryString}`);
}

/** The sum over `window` of a metric's values (hourly periods from `window.from`, summed), for one set of dimensions. */
export async function metricTotal(
  c: Clients,
  metricName: string,
  dimensions: { Name: string; Value: string }[],
  window: { from: number; to: number },
  stat = "Sum",
  namespace = "AWS/Bedrock",
): Promise<number> {
  const r = await c.cw.send(
    new GetMetricDataCommand({
      StartTime: new Date(window.from),
      EndTime: new Date(window.to),
      MetricDataQueries: [
        {
          Id: "m",
          MetricStat: {
            Metric: { Namespace: namespace, MetricName: metricName, Dimensions: dimensions },
            Period: 3600,
            Stat: stat,
          },
        },
      ],
    }),
  );
  return (r.MetricDataResults?.[0]?.Values ?? []).reduce((a, b) => a + b, 0);
}

/** A profile ARN or id as the metrics' ModelId dimension names it (the profile id, or the model id as sent). */
export const metricModelId = (loggedModelId: string): string =>
  loggedModelId.replace(/^arn:aws:bedrock:[^:]+:\d*:inference-profile\//, "");

/** The sum over `window` of a metric across every ModelId it was published for. */
export async function metricTotalAllModels(
  c: Clients,
  metricName: string,
  window: { from: number; to: number },
): Promise<number> {
  const listed = await c.cw.send(new ListMetricsCommand({ Namespace: "AWS/Bedrock", MetricName: metricName }));
  let total = 0;
  for (const metric of listed.Metrics ?? []) {
    if (metric.Dimensions?.length !== 1) continue;
    total += await metricTotal(c, metricName, metric.Dimensions as { Name: string; Value: string }[], window);
  }
  return total;
}
