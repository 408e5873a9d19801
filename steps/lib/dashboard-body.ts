/**
 * The GenAI-Monitoring dashboard body: the seed's three ideas done right — invocations and token usage per hour as
 * log widgets (`SOURCE '…' | stats …` over the nested token fields), latency from the AWS/Bedrock InvocationLatency
 * metric (Average and p90) instead of `@duration` — plus metric widgets for Invocations and Input/OutputTokenCount by
 * ModelId, for the models that actually have data (the one the lab calls first), titled in the learner's language.
 *
 * Local validation checks the *shape* the lab builds (grid, required properties, metric rows, the SOURCE prefix) so
 * that a bad parameter is caught before any call; the values themselves (periods, stats, …) are CloudWatch's to
 * judge, and its DashboardValidationMessages are shown when it objects.
 */
import type { Lang, Text } from "genai-lab/kit";
import { INVOCATIONS_PER_HOUR, TOKENS_PER_HOUR, withSource } from "./queries.js";

export interface DashboardSpec {
  region: string;
  group: string;
  /** The models to chart: those with data (dashboard-models.ts), the lab's own first. */
  models: string[];
  periodSeconds: number;
  /** The dashboard's window, e.g. "-PT1H" (picked from the data's age). */
  start?: string;
  /** The widgets' titles are in the learner's language, as step 4's table names them. */
  lang?: Lang;
}

/** Widget titles, as step 4's table names them. */
export const WIDGET_TITLES = {
  invocationsPerHour: { vi: "Lượt gọi mỗi giờ (log)", en: "Invocations per hour (logs)" },
  tokensPerHour: { vi: "Token mỗi giờ (log)", en: "Token usage per hour (logs)" },
  invocations: { vi: "Lượt gọi", en: "Invocations" },
  tokens: { vi: "Token", en: "Tokens" },
  latency: { vi: "Độ trễ (ms)", en: "Latency (ms)" },
  timeToFirstToken: {
    vi: "Thời gian tới token đầu tiên (ms, chỉ lời gọi stream)",
    en: "Time to first token (ms, streaming calls only)",
  },
} satisfies Record<string, Text>;

export type MetricRow = [string, string, string, string, { stat: string; label?: string }];

export interface Widget {
  type: "text" | "log" | "metric" | "alarm";
  x: number;
  y: number;
  width: number;
  height: number;
  properties: Record<string, unknown>;
}

export interface DashboardBody {
  start: string;
  periodOverride: "inherit" | "auto";
  widgets: Widget[];
}

export const NAMESPACE = "AWS/Bedrock";
/** In the dashboard's text widget: how the lab knows its own dashboard (dashboards carry no tags). */
export const BUILT_BY = "built by genai-lab";
/** The dashboard's time range: the last 6 hours (the preview reads the same window). */
export const DASHBOARD_START = "-PT6H";

export function metricRow(metric: string, modelId: string, stat: string, label?: string): MetricRow {
  return [NAMESPACE, metric, "ModelId", modelId, label ? { stat, label } : { stat }];
}

export function buildDashboard(spec: DashboardSpec): DashboardBody {
  const { region, group, models, periodSeconds: period } = spec;
  const title = (text: Text) => text[spec.lang ?? "en"];
  // One model: rows as CloudWatch labels them; several: each row says which model it is.
  const row = (metric: string, id: string, stat: string, label?: string) =>
    metricRow(metric, id, stat, models.length > 1 ? `${id} ${label ?? metric} (${stat})` : label);
  const metric = (x: number, title: string, stat: string, metrics: MetricRow[], y = 8, width = 8): Widget => ({
    type: "metric",
    x,
    y,
    width,
    height: 6,
    properties: { title, region, view: "timeSeries", stacked: false, stat, period, metrics },
  });
  const log = (x: number, title: string, query: string): Widget => ({
    type: "log",
    x,
    y: 2,
    width: 12,
    height: 6,
    properties: { title, region, view: "timeSeries", query: withSource(group, query) },
  });
  return {
    start: spec.start ?? DASHBOARD_START,
    periodOverride: "inherit",
    widgets: [
      {
        type: "text",
        x: 0,
        y: 0,
        width: 24,
        height: 2,
        properties: {
          markdown: `## GenAI monitoring\n${models.length > 1 ? "Models" : "Model"} ${models.map((id) => `\`${id}\``).join(", ")} · log group \`${group}\` · ${BUILT_BY} (Monitoring GenAI applications with CloudWatch)`,
        },
      },
      log(0, title(WIDGET_TITLES.invocationsPerHour), INVOCATIONS_PER_HOUR),
      log(12, title(WIDGET_TITLES.tokensPerHour), TOKENS_PER_HOUR),
      metric(
        0,
        title(WIDGET_TITLES.invocations),
        "Sum",
        models.map((id) => row("Invocations", id, "Sum")),
      ),
      metric(
        8,
        title(WIDGET_TITLES.tokens),
        "Sum",
        models.flatMap((id) => [row("InputTokenCount", id, "Sum"), row("OutputTokenCount", id, "Sum")]),
      ),
      metric(
        16,
        title(WIDGET_TITLES.latency),
        "Average",
        models.flatMap((id) => [
          row("InvocationLatency", id, "Average", "Average"),
          row("InvocationLatency", id, "p90", "p90"),
        ]),
      ),
      // Bedrock publishes TimeToFirstToken for streaming calls only: empty until something streams.
      metric(
        0,
        title(WIDGET_TITLES.timeToFirstToken),
        "Average",
        models.flatMap((id) => [
          row("TimeToFirstToken", id, "Average", "Average"),
          row("TimeToFirstToken", id, "p90", "p90"),
        ]),
        14,
        24,
      ),
    ],
  };
}

export interface ValidationMessage {
  dataPath: string;
  message: string;
}

const DASHBOARD_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/** The structural problems of a body the lab built (empty when it is fine to send). */
export function validateDashboard(name: string, body: DashboardBody): ValidationMessage[] {
  const problems: ValidationMessage[] = [];
  const report = (dataPath: string, message: string) => problems.push({ dataPath, message });
  if (!DASHBOARD_NAME.test(name)) report("DashboardName", "must be 1–255 letters, digits, '-' or '_'");
  if (body.widgets.length > 500) report("/widgets", "at most 500 widgets");
  body.widgets.forEach((widget, i) => {
    const path = `/widgets/${i}`;
    if (widget.width < 1 || widget.width > 24) report(`${path}/width`, "must be between 1 and 24");
    if (widget.x < 0 || widget.x + widget.width > 24) report(`${path}/x`, "the widget must fit in the 24-column grid");
    if (widget.height < 1) report(`${path}/height`, "must be at least 1");
    const props = widget.properties;
    if (widget.type !== "text" && typeof props.region !== "string") report(`${path}/properties`, "needs a region");
    if (widget.type === "log") {
      const query = String(props.query ?? "");
      if (!/^SOURCE '[^']+' \|/.test(query))
        report(`${path}/properties/query`, "must start with SOURCE '<log group>' |");
    }
    if (widget.type === "metric") {
      const rows = props.metrics;
      if (!Array.isArray(rows) || rows.length === 0)
        report(`${path}/properties/metrics`, "needs at least one metric row");
      else
        rows.forEach((row: unknown, j) => {
          const strings = Array.isArray(row) ? row.filter((item) => typeof item === "string") : [];
          if (strings.length < 2 || strings.some((s) => s === ""))
            report(
              `${path}/properties/metrics/${j}`,
              "namespace, metric name and dimension values must be non-empty strings",
            );
        });
    }
  });
  return problems;
}

/** A dashboard body the lab built (its text widget says so). */
export function builtByLab(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { widgets?: { type?: string; properties?: { markdown?: unknown } }[] };
    return (parsed.widgets ?? []).some(
      (widget) => widget.type === "text" && String(widget.properties?.markdown ?? "").includes(BUILT_BY),
    );
  } catch {
    return false;
  }
}
