/**
 * The dashboard in the terminal: each metric widget drawn as a chart from GetMetricData, each log widget's query run
 * through Logs Insights and shown as a table, then the console link. One-minute periods, so that a fresh lab run
 * shows points rather than a single five-minute bucket.
 */
import { GetMetricDataCommand, type MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import type { ChartSeries } from "../../src/engine/outputs.js";
import type { DashboardBody, MetricRow } from "./dashboard-body.js";
import { runQuery } from "./insights.js";
import { queryWindow } from "./log-checks.js";
import type { ActCtx, ReadCtx } from "./model.js";
import { table } from "./outputs.js";

export function consoleUrl(region: string, name: string): string {
  return `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#dashboards/dashboard/${encodeURIComponent(name)}`;
}

export function metricQuery(id: string, row: MetricRow, periodSeconds: number): MetricDataQuery {
  const [namespace, metric, dimension, value, options] = row;
  return {
    Id: id,
    MetricStat: {
      Metric: { Namespace: namespace, MetricName: metric, Dimensions: [{ Name: dimension, Value: value }] },
      Period: periodSeconds,
      Stat: options.stat,
    },
    Label: options.label ?? `${metric} (${options.stat})`,
  };
}

export async function metricSeries(ctx: ReadCtx, rows: MetricRow[], range: { startMs: number; endMs: number }, periodSeconds = 60): Promise<ChartSeries[]> {
  const queries = rows.map((row, i) => metricQuery(`m${i}`, row, periodSeconds));
  const out = await ctx.aws.cloudwatch.send(
    new GetMetricDataCommand({
      MetricDataQueries: queries,
      StartTime: new Date(Math.floor(range.startMs / 60_000) * 60_000),
      EndTime: new Date(Math.ceil(range.endMs / 60_000) * 60_000 + 60_000),
      ScanBy: "TimestampAscending",
    }),
    { abortSignal: ctx.signal },
  );
  return queries.map((query) => {
    const result = out.MetricDataResults?.find((r) => r.Id === query.Id);
    const times = result?.Timestamps ?? [];
    const values = result?.Values ?? [];
    return {
      label: query.Label ?? query.Id ?? "",
      points: times.map((t, i) => ({ x: t.getTime(), y: values[i] ?? 0 })).sort((a, b) => a.x - b.x),
    };
  });
}

export async function previewDashboard(ctx: ActCtx, name: string, body: DashboardBody): Promise<{ points: number }> {
  const range = queryWindow(ctx);
  let points = 0;
  for (const widget of body.widgets) {
    const title = String(widget.properties.title ?? "");
    if (widget.type === "metric") {
      const series = await metricSeries(ctx, widget.properties.metrics as MetricRow[], range);
      points += series.reduce((n, s) => n + s.points.length, 0);
      const unit = title.startsWith("Latency") ? "ms" : title === "Tokens" ? "tokens" : "count";
      ctx.report.output({ kind: "chart", chart: "line", title: { vi: `${title} (metric)`, en: `${title} (metric)` }, unit, series });
    } else if (widget.type === "log") {
      const query = String(widget.properties.query ?? "").replace(/^SOURCE '[^']+' \|\s*/, "");
      const out = await runQuery(ctx, ctx.params.logGroupName, query, range);
      const fields = [...new Set(out.rows.flatMap((row) => Object.keys(row)))];
      ctx.report.output(
        table(
          { vi: `${title} (truy vấn log)`, en: `${title} (log query)` },
          fields.map((field) => [field, { vi: field, en: field }, field.startsWith("bin(") ? "left" : "right"]),
          out.rows,
        ),
      );
    }
  }
  if (points === 0) {
    ctx.report.note("info", {
      vi: "Chưa có datapoint nào: trên AWS, metric của Bedrock thường xuất hiện sau khoảng một phút. Hãy chạy lại `genai-lab check` sau ít phút.",
      en: "No datapoints yet: on AWS, Bedrock metrics usually show up after about a minute. Run `genai-lab check` again in a few minutes.",
    });
  }
  ctx.report.output({ kind: "link", label: { vi: `Mở dashboard ${name} trên CloudWatch console`, en: `Open the ${name} dashboard in the CloudWatch console` }, url: consoleUrl(ctx.target.region, name) });
  if (ctx.target.kind === "sandbox") {
    ctx.report.note("info", {
      vi: "Đường link trên mở console của AWS thật; dashboard này chỉ tồn tại trong sandbox, nên bản xem trước ở trên là nơi để xem nó.",
      en: "The link above opens the real AWS console; this dashboard exists only in the sandbox, so the preview above is where to see it.",
    });
  }
  return { points };
}
