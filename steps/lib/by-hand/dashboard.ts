/**
 * Step 4 by hand: the original lab's dashboard, done right and kept small — its two log widgets with the nested
 * token fields, latency from the AWS/Bedrock `InvocationLatency` metric instead of `@duration`, and time to first
 * token (`TimeToFirstToken`, published for streaming calls only). Metric rows name the id the learner called (the
 * preflight's choice: through a profile, Bedrock publishes under the profile's id). The CLI writes the body to a
 * file with a heredoc (`--dashboard-body file://…`, read by AWS CLI v1 and v2); boto3 builds the same body.
 * Titles are English in the commands, so that a command reads the same in both languages of the page.
 */
import { shq } from "genai-lab/kit";
import { NAMESPACE } from "../dashboard-body.js";
import { effectiveModelId } from "../model.js";
import { INVOCATIONS_PER_HOUR, TOKENS_PER_HOUR, withSource } from "../queries.js";
import { heredoc, py, type ByHandCtx } from "./shell.js";

const LATENCY_STATS = ["Average", "p90"];

export const BY_HAND_TITLES = {
  invocations: "Invocations per hour",
  tokens: "Tokens per hour",
  latency: "Latency (ms)",
  ttft: "Time to first token (ms), streaming calls only",
};

/** The body the learner's commands save (the boto3 snippet builds the same). */
export function byHandDashboard(ctx: ByHandCtx): { widgets: Record<string, unknown>[] } {
  const { region } = ctx.target;
  const model = effectiveModelId(ctx);
  const log = (x: number, title: string, query: string) => ({
    type: "log",
    x,
    y: 0,
    width: 12,
    height: 6,
    properties: { title, region, view: "timeSeries", query: withSource(ctx.params.logGroupName, query) },
  });
  const metric = (x: number, title: string, name: string) => ({
    type: "metric",
    x,
    y: 6,
    width: 12,
    height: 6,
    properties: {
      title,
      region,
      view: "timeSeries",
      period: ctx.params.metricPeriodSeconds,
      metrics: LATENCY_STATS.map((stat) => [NAMESPACE, name, "ModelId", model, { stat }]),
    },
  });
  return {
    widgets: [
      log(0, BY_HAND_TITLES.invocations, INVOCATIONS_PER_HOUR),
      log(12, BY_HAND_TITLES.tokens, TOKENS_PER_HOUR),
      metric(0, BY_HAND_TITLES.latency, "InvocationLatency"),
      metric(12, BY_HAND_TITLES.ttft, "TimeToFirstToken"),
    ],
  };
}

/** One widget per line: readable, and still one JSON document. */
function bodyText(body: { widgets: unknown[] }): string {
  return `{"widgets": [\n${body.widgets.map((w) => `  ${JSON.stringify(w)}`).join(",\n")}\n]}`;
}

export function dashboardCli(ctx: ByHandCtx): string {
  const { region } = ctx.target;
  return [
    heredoc("dashboard.json", bodyText(byHandDashboard(ctx))),
    `aws cloudwatch put-dashboard --region ${region} --dashboard-name ${shq(ctx.params.dashboardName)} --dashboard-body file://dashboard.json`,
    `aws cloudwatch get-dashboard --region ${region} --dashboard-name ${shq(ctx.params.dashboardName)} --query DashboardArn --output text`,
  ].join("\n");
}

export function dashboardPython(ctx: ByHandCtx): string {
  const { params, target } = ctx;
  return [
    "import boto3, json",
    "",
    `region, group, model = ${py(target.region)}, ${py(params.logGroupName)}, ${py(effectiveModelId(ctx))}`,
    "",
    "def logs(x, title, query):",
    '    return {"type": "log", "x": x, "y": 0, "width": 12, "height": 6, "properties": {',
    `        "title": title, "region": region, "view": "timeSeries", "query": f"SOURCE '{group}' | {query}"}}`,
    "",
    "def metric(x, title, name):",
    '    return {"type": "metric", "x": x, "y": 6, "width": 12, "height": 6, "properties": {',
    `        "title": title, "region": region, "view": "timeSeries", "period": ${params.metricPeriodSeconds},`,
    `        "metrics": [[${py(NAMESPACE)}, name, "ModelId", model, {"stat": stat}] for stat in ${JSON.stringify(LATENCY_STATS)}]}}`,
    "",
    'body = {"widgets": [',
    `    logs(0, ${py(BY_HAND_TITLES.invocations)}, ${py(INVOCATIONS_PER_HOUR)}),`,
    `    logs(12, ${py(BY_HAND_TITLES.tokens)}, ${py(TOKENS_PER_HOUR)}),`,
    `    metric(0, ${py(BY_HAND_TITLES.latency)}, "InvocationLatency"),`,
    `    metric(12, ${py(BY_HAND_TITLES.ttft)}, "TimeToFirstToken"),`,
    "]}",
    `out = boto3.client("cloudwatch", region_name=region).put_dashboard(DashboardName=${py(params.dashboardName)}, DashboardBody=json.dumps(body))`,
    // What the AWS CLI prints too: an empty list when CloudWatch found nothing wrong with the body.
    'print("DashboardValidationMessages:", out["DashboardValidationMessages"])',
  ].join("\n");
}
