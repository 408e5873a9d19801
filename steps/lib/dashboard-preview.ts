/**
 * The dashboard in the terminal, over the dashboard's own window (its `start`): each metric widget drawn as a chart
 * from GetMetricData, each log widget's query run through Logs Insights and shown as a table, a note when the two
 * kinds disagree, then the console link. One-minute periods, so that a fresh lab run shows points rather than a
 * single five-minute bucket — unless that would draw more points than a terminal line holds (seeded history), in
 * which case the widget's own period is used.
 */
import { type ChartSeries, table } from "genai-lab/kit";
import { GetMetricDataCommand, type MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import { totalsNote, type WidgetTotals } from "./dashboard-compare.js";
import type { DashboardBody, MetricRow } from "./dashboard-body.js";
import { dashboardWindow, windowLabel, windowMs } from "./dashboard-window.js";
import { runQuery } from "./insights.js";
import type { ActCtx, ReadCtx } from "./model.js";
import { INVOCATIONS_PER_HOUR, TOKENS_PER_HOUR, withSource } from "./queries.js";
import { unloggedProbe } from "./timeline.js";

/** More points than this per series and the preview asks again with the widget's period. */
const MAX_POINTS = 90;

function consoleUrl(region: string, name: string): string {
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

export async function metricSeries(
  ctx: ReadCtx,
  rows: MetricRow[],
  range: { startMs: number; endMs: number },
  periodSeconds: number,
): Promise<ChartSeries[]> {
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
  return queries.map((query, i) => {
    const result = out.MetricDataResults?.find((r) => r.Id === query.Id);
    const times = result?.Timestamps ?? [];
    const values = result?.Values ?? [];
    const stat = rows[i]?.[4].stat;
    return {
      label: query.Label ?? query.Id ?? "",
      ...(stat ? { stat } : {}),
      points: times.map((t, j) => ({ x: t.getTime(), y: values[j] ?? 0 })).sort((a, b) => a.x - b.x),
    };
  });
}

const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);
const seriesTotal = (series: ChartSeries | undefined) => sum((series?.points ?? []).map((p) => p.y));

export async function previewDashboard(ctx: ActCtx, name: string, body: DashboardBody): Promise<{ points: number }> {
  const range = dashboardWindow(body.start, ctx.clock.now());
  const span = windowLabel(windowMs(body.start));
  ctx.report.note("info", {
    vi: `Bản xem trước dùng đúng khoảng thời gian của dashboard: ${span.vi} gần nhất ("start": "${body.start}").`,
    en: `The preview covers the dashboard's own window: the last ${span.en} ("start": "${body.start}").`,
  });
  const group = ctx.params.logGroupName;
  let points = 0;
  const metrics: WidgetTotals = { invocations: 0, inputTokens: 0 };
  const logs: WidgetTotals = { invocations: 0, inputTokens: 0 };
  for (const widget of body.widgets) {
    const title = String(widget.properties.title ?? "");
    if (widget.type === "metric") {
      const rows = widget.properties.metrics as MetricRow[];
      let period = 60;
      let series = await metricSeries(ctx, rows, range, period);
      if (series.some((s) => s.points.length > MAX_POINTS)) {
        period = Number(widget.properties.period ?? ctx.params.metricPeriodSeconds);
        series = await metricSeries(ctx, rows, range, period);
      }
      points += series.reduce((n, s) => n + s.points.length, 0);
      rows.forEach((row, i) => {
        if (row[4].stat !== "Sum") return;
        if (row[1] === "Invocations") metrics.invocations += seriesTotal(series[i]);
        if (row[1] === "InputTokenCount") metrics.inputTokens += seriesTotal(series[i]);
      });
      const unit = title.startsWith("Latency") ? "ms" : title === "Tokens" ? "tokens" : "count";
      const minutes = period / 60;
      ctx.report.output({
        kind: "chart",
        chart: "line",
        title: { vi: `${title} (metric, chu kỳ ${minutes} phút)`, en: `${title} (metric, ${minutes}-min periods)` },
        unit,
        series,
      });
    } else if (widget.type === "log") {
      const source = String(widget.properties.query ?? "");
      const query = source.replace(/^SOURCE '[^']+' \|\s*/, "");
      const out = await runQuery(ctx, group, query, range);
      if (source === withSource(group, INVOCATIONS_PER_HOUR))
        logs.invocations += sum(out.rows.map((row) => Number(row.invocations ?? 0)));
      if (source === withSource(group, TOKENS_PER_HOUR))
        logs.inputTokens += sum(out.rows.map((row) => Number(row.totalInput ?? 0)));
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
  const differ = totalsNote(metrics, logs, unloggedProbe(ctx.facts, range), ctx.target.kind);
  if (differ) ctx.report.note("info", differ);
  ctx.report.output({
    kind: "link",
    label: {
      vi: `Mở dashboard ${name} trên CloudWatch console`,
      en: `Open the ${name} dashboard in the CloudWatch console`,
    },
    url: consoleUrl(ctx.target.region, name),
  });
  linkNote(ctx);
  return { points };
}

/** Off AWS, the link leads to a console that has never heard of this dashboard: say so. */
function linkNote(ctx: ActCtx): void {
  const { kind, endpoint } = ctx.target;
  switch (kind) {
    case "aws":
      return;
    case "sandbox":
      ctx.report.note("info", {
        vi: "Đường link trên mở console của AWS thật; dashboard này chỉ tồn tại trong sandbox, nên bản xem trước ở trên là nơi để xem nó.",
        en: "The link above opens the real AWS console; this dashboard exists only in the sandbox, so the preview above is where to see it.",
      });
      return;
    case "endpoint":
      ctx.report.note("info", {
        vi: `Đường link trên mở console của AWS thật; dashboard này chỉ tồn tại ở endpoint ${endpoint ?? ""} (không phải tài khoản AWS thật), nên bản xem trước ở trên là nơi để xem nó.`,
        en: `The link above opens the real AWS console; this dashboard exists only at the endpoint ${endpoint ?? ""} (not in a real AWS account), so the preview above is where to see it.`,
      });
      return;
  }
}
