/**
 * The dashboard in the terminal, over the dashboard's own window (its `start`): each metric widget drawn as a chart
 * from GetMetricData (with the state of the alarms set on its metrics), each alarm widget as a table of its alarms'
 * states, each log widget's query run through Logs Insights and shown as a table, a note when the two
 * kinds disagree, then the console link. The window is the body's own (picked from the data's age, see
 * dashboard-models.ts); the period keeps it within 120 buckets, every bucket drawn (zeros too), so that
 * the x axis is time. A note names the real cause of an empty or flat chart.
 */
import { table, type ChartSeries, type Text } from "genai-lab/kit";
import { GetMetricDataCommand, type MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import { CHARTED, type ChartedModels } from "./dashboard-models.js";
import { alarmWidgetTable, chartAlarms } from "./dashboard-alarms.js";
import { totalsNote, type WidgetTotals } from "./dashboard-compare.js";
import type { DashboardBody, MetricRow } from "./dashboard-body.js";
import { dashboardWindow, windowLabel, windowMs } from "./dashboard-window.js";
import { runQuery } from "./insights.js";
import type { ActCtx, ReadCtx } from "./model.js";
import { INVOCATIONS_PER_HOUR, TOKENS_PER_HOUR, withSource } from "./queries.js";
import { unloggedProbe } from "./timeline.js";

/** The preview's period: the shortest of 1, 5, 15 or 60 minutes that keeps the window within 120 buckets. */
export function previewPeriod(windowMillis: number): number {
  return [60, 300, 900, 3600].find((seconds) => windowMillis / 1000 / seconds <= 120) ?? 3600;
}

/**
 * Every bucket of the window, zeros included, so that a chart's x axis is time: calls made in one minute of an
 * hour draw a spike at that minute, not one column as wide as the chart.
 */
export function zeroFilled(series: ChartSeries, range: { startMs: number; endMs: number }, periodSeconds: number) {
  const step = periodSeconds * 1000;
  // The buckets CloudWatch returned set the grid's phase: they run from the query's StartTime, which need not be a
  // multiple of the period (a 15-minute grid on the hour would put a zero between every two real buckets).
  const phase = series.points.length > 0 ? ((Number(series.points[0]!.x) % step) + step) % step : 0;
  const first = Math.floor((range.startMs - phase) / step) * step + phase;
  const byTime = new Map(series.points.map((p) => [Number(p.x), p.y]));
  const points: ChartSeries["points"] = [];
  for (let t = first; t <= range.endMs; t += step) points.push({ x: t, y: byTime.get(t) ?? 0 });
  // Points CloudWatch aligned differently (a period that does not divide the hour) are kept as they are.
  for (const p of series.points) if (!points.some((q) => q.x === p.x)) points.push(p);
  return { ...series, points: points.sort((a, b) => Number(a.x) - Number(b.x)) };
}

/** The unit of a metric widget, from what it charts (its title is in the learner's language). */
function unitOf(rows: MetricRow[]): string {
  if (rows.some((row) => row[1] === "InvocationLatency" || row[1] === "TimeToFirstToken")) return "ms";
  if (rows.some((row) => row[1].endsWith("TokenCount"))) return "tokens";
  return "count";
}

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

const NOTHING_STREAMED = (title: string): Text => ({
  vi: `${title}: chưa có lời gọi dạng stream nào trong khoảng này. Bedrock chỉ ghi TimeToFirstToken cho lời gọi stream (ConverseStream, InvokeModelWithResponseStream); đoạn boto3 của bước 2 (chế độ hands-on) stream một câu trả lời.`,
  en: `${title}: no streaming call in this window. Bedrock publishes TimeToFirstToken for streaming calls only (ConverseStream, InvokeModelWithResponseStream); step 2's boto3 snippet (hands-on) streams one answer.`,
});

const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);
const seriesTotal = (series: ChartSeries | undefined) => sum((series?.points ?? []).map((p) => p.y));

/**
 * What the datapoints (or their absence) mean, by their real cause: no call at all yet; calls too fresh for AWS's
 * metrics; or a thin history on the sandbox, which `genai-lab sandbox seed` fills.
 */
function dataNote(ctx: ActCtx, points: number, found: ChartedModels | undefined): Text | undefined {
  const sandbox = ctx.target.kind === "sandbox";
  if (points === 0 && found && !found.hasData)
    return {
      vi: "Chưa có model nào có metric Invocations: chưa có lời gọi model nào trong 24 giờ qua. Chạy bước 2 (hoặc tự gọi model), rồi chạy lại bước này.",
      en: "No model has Invocations metrics: there has been no model call in the last 24 hours. Run step 2 (or call the model yourself), then run this step again.",
    };
  if (points === 0)
    return sandbox
      ? {
          vi: "Chưa có datapoint nào trong khoảng thời gian này. Chạy bước 2 (hoặc tự gọi model), rồi chạy lại bước này.",
          en: "No datapoints in this window yet. Run step 2 (or call the model yourself), then run this step again.",
        }
      : {
          vi: "Chưa có datapoint nào: trên AWS, metric của Bedrock thường xuất hiện sau khoảng một phút kể từ lời gọi. Hãy chạy lại `genai-lab check` sau ít phút.",
          en: "No datapoints yet: on AWS, Bedrock metrics usually show up about a minute after the calls. Run `genai-lab check` again in a few minutes.",
        };
  if (sandbox && found && found.minutesWithCalls < 10)
    return {
      vi: `Lịch sử còn mỏng (lời gọi chỉ rơi vào ${found.minutesWithCalls} phút), nên biểu đồ gần như phẳng. Muốn dashboard giống một ứng dụng chạy thật: \`genai-lab sandbox seed --hours 24\` (cùng --state-dir nếu bạn dùng) tạo 24 giờ lời gọi mô phỏng, rồi chạy lại bước này.`,
      en: `The history is thin (calls in only ${found.minutesWithCalls} minute${found.minutesWithCalls === 1 ? "" : "s"}), so the charts are mostly flat. For a dashboard that looks like a real application: \`genai-lab sandbox seed --hours 24\` (with the same --state-dir if you use one) backfills 24 hours of simulated calls; then run this step again.`,
    };
  return undefined;
}

export async function previewDashboard(ctx: ActCtx, name: string, body: DashboardBody): Promise<{ points: number }> {
  const found = CHARTED.get(ctx);
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
      const period = previewPeriod(range.endMs - range.startMs);
      const raw = await metricSeries(ctx, rows, range, period);
      if (raw.every((one) => one.points.length === 0) && rows.every((row) => row[1] === "TimeToFirstToken")) {
        // Not a flat line of zeros: nothing streamed, so Bedrock published nothing to chart.
        ctx.report.note("info", NOTHING_STREAMED(title));
        continue;
      }
      const series = raw.map((one) => zeroFilled(one, range, period));
      points += series.reduce((n, one) => n + one.points.filter((p) => p.y !== 0).length, 0);
      rows.forEach((row, i) => {
        if (row[4].stat !== "Sum") return;
        if (row[1] === "Invocations") metrics.invocations += seriesTotal(series[i]);
        if (row[1] === "InputTokenCount") metrics.inputTokens += seriesTotal(series[i]);
      });
      const unit = unitOf(rows);
      const minutes = period / 60;
      const annotations = widget.properties.annotations as { alarms?: string[] } | undefined;
      const alarms = await chartAlarms(ctx, rows, annotations?.alarms ?? []);
      ctx.report.output({
        kind: "chart",
        chart: "line",
        title: { vi: `${title} (metric, chu kỳ ${minutes} phút)`, en: `${title} (metric, ${minutes}-min periods)` },
        unit,
        series,
        ...(alarms.length > 0 ? { alarms } : {}),
      });
    } else if (widget.type === "alarm") {
      ctx.report.output(await alarmWidgetTable(ctx, title, (widget.properties.alarms as string[] | undefined) ?? []));
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
  const note = dataNote(ctx, points, found);
  if (note) ctx.report.note("info", note);
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
