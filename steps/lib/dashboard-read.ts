/**
 * A dashboard body read the way CloudWatch draws it, whoever wrote it (the console's JSON, a script, the runner):
 * metric rows with the `"."` shorthand (the previous row's item in that position) and `"..."` (the previous row's
 * items up to the ones that follow), a rendering-options object last (stat, period, region, id, visible, label),
 * metric math rows (`{"expression": "m1+m2"}`, SEARCH), and log widgets whose query starts with `SOURCE '<group>'`.
 * What each shows is sorted into the three things the original lab asks for: invocation count, token usage, latency.
 */
import { NAMESPACE } from "./dashboard-body.js";

export type Shows = "invocations" | "tokens" | "latency";
export const ALL_SHOWS: readonly Shows[] = ["invocations", "tokens", "latency"];

export interface MetricItem {
  widget: number;
  namespace: string;
  metric: string;
  dims: Record<string, string>;
  stat: string;
  period: number;
  region: string;
  id?: string;
  /** Drawn on the chart (a hidden row may still feed a visible expression). */
  visible: boolean;
}

export interface ExpressionItem {
  widget: number;
  expression: string;
  region: string;
  visible: boolean;
}

export interface LogItem {
  widget: number;
  query: string;
  sources: string[];
  region: string;
}

export interface ReadDashboard {
  widgets: number;
  metrics: MetricItem[];
  expressions: ExpressionItem[];
  logs: LogItem[];
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: Json): string | undefined => (typeof v === "string" ? v : undefined);

/** One row's strings with the shorthand resolved against the previous row's. */
export function expandRow(items: string[], previous: readonly string[]): string[] {
  const out: string[] = [];
  items.forEach((item, i) => {
    if (item === "...")
      out.push(...previous.slice(out.length, Math.max(out.length, previous.length - (items.length - i - 1))));
    else if (item === ".") out.push(previous[out.length] ?? "");
    else out.push(item);
  });
  return out;
}

export function readDashboard(body: Json, defaultRegion: string): ReadDashboard {
  const widgets = isObject(body) && Array.isArray(body.widgets) ? body.widgets : [];
  const read: ReadDashboard = { widgets: widgets.length, metrics: [], expressions: [], logs: [] };
  widgets.forEach((widget: Json, index) => {
    if (!isObject(widget) || !isObject(widget.properties)) return;
    const props = widget.properties;
    const region = str(props.region) ?? defaultRegion;
    if (widget.type === "log") {
      const query = str(props.query) ?? "";
      const sources = [...query.matchAll(/SOURCE\s+(['"])([^'"]+)\1/gi)].map((m) => m[2] ?? "");
      read.logs.push({ widget: index, query, sources, region });
      return;
    }
    if (widget.type !== "metric" || !Array.isArray(props.metrics)) return;
    let previous: string[] = [];
    for (const row of props.metrics as Json[]) {
      if (!Array.isArray(row)) continue;
      const last = row[row.length - 1];
      const options = isObject(last) ? last : {};
      const rowRegion = str(options.region) ?? region;
      const visible = options.visible !== false;
      const expression = str(options.expression);
      if (expression !== undefined) {
        read.expressions.push({ widget: index, expression, region: rowRegion, visible });
        continue;
      }
      const items = expandRow(
        row.filter((item): item is string => typeof item === "string"),
        previous,
      );
      previous = items;
      const [namespace = "", metric = "", ...pairs] = items;
      const dims: Record<string, string> = {};
      for (let i = 0; i + 1 < pairs.length; i += 2) dims[pairs[i] ?? ""] = pairs[i + 1] ?? "";
      const id = str(options.id);
      read.metrics.push({
        widget: index,
        namespace,
        metric,
        dims,
        stat: str(options.stat) ?? str(props.stat) ?? "Average",
        period: Number(options.period ?? props.period ?? 300) || 300,
        region: rowRegion,
        visible,
        ...(id ? { id } : {}),
      });
    }
  });
  return read;
}

const METRIC_SHOWS: Record<string, Shows> = {
  Invocations: "invocations",
  InputTokenCount: "tokens",
  OutputTokenCount: "tokens",
  InvocationLatency: "latency",
};

/** What a metric name charts (whatever its namespace: a wrong namespace is judged elsewhere). */
export const metricShows = (metric: string): Shows | undefined => METRIC_SHOWS[metric];

/** The metric names a SEARCH expression asks for (`MetricName="Invocations"`). */
export function searchedMetrics(expression: string): string[] {
  if (!/SEARCH\s*\(/i.test(expression)) return [];
  return [...expression.matchAll(/MetricName\s*=\s*(?:"|\\")?(\w+)/g)].map((m) => m[1] ?? "");
}

/** What a log widget's query charts, read from the fields it aggregates. */
export function logShows(query: string): Shows[] {
  const shows: Shows[] = [];
  if (/\bcount\s*\(/i.test(query)) shows.push("invocations");
  if (/\b(input\.inputTokenCount|output\.outputTokenCount)\b/.test(query)) shows.push("tokens");
  if (/\blatencyMs\b/.test(query)) shows.push("latency");
  return shows;
}

/** Ids a metric-math expression refers to (`m1 + m2`, `METRICS()` meaning all). */
export function referencedIds(expression: string, ids: readonly string[]): string[] {
  if (/METRICS\s*\(\s*\)/i.test(expression)) return [...ids];
  return ids.filter((id) => new RegExp(`\\b${id}\\b`).test(expression));
}

/** One way the dashboard shows one of the three things. */
export interface Shown {
  what: Shows;
  kind: "metric" | "search" | "log";
  /** What it charts, for the evidence: a ModelId, a SEARCH, a log query's group. */
  label: string;
  region: string;
  spec?: { namespace: string; metric: string; dims: Record<string, string>; stat: string };
}

/** Everything the body shows, in any Region, from AWS/Bedrock metrics and from log widgets over the lab's group. */
export function shownBy(read: ReadDashboard, group: string): Shown[] {
  const shown: Shown[] = [];
  const referenced = new Set<string>();
  for (const e of read.expressions.filter((x) => x.visible)) {
    const ids = read.metrics.filter((m) => m.widget === e.widget && m.id).map((m) => m.id ?? "");
    for (const id of referencedIds(e.expression, ids)) referenced.add(`${e.widget}/${id}`);
    for (const metric of searchedMetrics(e.expression)) {
      const what = metricShows(metric);
      if (what) shown.push({ what, kind: "search", label: `SEARCH ${metric}`, region: e.region });
    }
  }
  for (const m of read.metrics) {
    const what = metricShows(m.metric);
    if (!what || m.namespace !== NAMESPACE) continue;
    if (!m.visible && !referenced.has(`${m.widget}/${m.id ?? ""}`)) continue;
    const spec = { namespace: m.namespace, metric: m.metric, dims: m.dims, stat: m.stat };
    shown.push({ what, kind: "metric", label: m.dims.ModelId ?? m.metric, region: m.region, spec });
  }
  for (const log of read.logs.filter((l) => l.sources.includes(group))) {
    for (const what of logShows(log.query)) shown.push({ what, kind: "log", label: group, region: log.region });
  }
  return shown;
}
