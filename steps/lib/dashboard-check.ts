/**
 * "The dashboard exists and shows metrics": the dashboard is there, it has the lab's widgets (log widgets over the
 * group; Invocations, token and latency metrics), it charts the model the lab calls, and that model's Invocations
 * metric has datapoints. Without a remembered model (grading an account the lab did not drive) the dashboard's own
 * ModelId is used.
 */
import { type CheckResult, enCount, type Text } from "genai-lab/kit";
import { metricRow, NAMESPACE, type DashboardBody, type MetricRow } from "./dashboard-body.js";
import { metricSeries } from "./dashboard-preview.js";
import { getDashboardBody } from "./dashboard-put.js";
import { queryWindow, remainingWaitMs } from "./log-checks.js";
import { baseModelId, rememberedModelId, type ReadCtx } from "./model.js";

const NEEDED_METRICS = ["Invocations", "InputTokenCount", "OutputTokenCount", "InvocationLatency"];

export async function checkDashboard(ctx: ReadCtx): Promise<CheckResult> {
  const name = ctx.params.dashboardName;
  const group = ctx.params.logGroupName;
  const model = rememberedModelId(ctx);
  const expected: Text = {
    vi: `dashboard ${name}: widget log trên ${group}, metric ${NEEDED_METRICS.join("/")}${model ? ` của ${model}` : ""}, có điểm dữ liệu`,
    en: `dashboard ${name}: log widgets over ${group}, ${NEEDED_METRICS.join("/")} metrics${model ? ` for ${model}` : ""}, with datapoints`,
  };
  const hint: Text = {
    vi: "Chạy bước 4 (`genai-lab run --step 4`), sau khi đã chạy bước 2 để có dữ liệu.",
    en: "Run step 4 (`genai-lab run --step 4`), after step 2 so that there is data.",
  };
  const fail = (actual: Text, details?: Record<string, string>): CheckResult => ({
    status: "fail",
    evidence: { expected, actual, ...(details ? { details } : {}) },
    hint,
  });

  const text = await getDashboardBody(ctx, name);
  if (text === undefined) return fail({ vi: `không có dashboard tên ${name}`, en: `no dashboard named ${name}` });
  let body: DashboardBody;
  try {
    body = JSON.parse(text) as DashboardBody;
  } catch {
    return fail({ vi: "body của dashboard không phải JSON", en: "the dashboard body is not JSON" });
  }
  const widgets = Array.isArray(body.widgets) ? body.widgets : [];
  const logWidgets = widgets.filter(
    (w) => w.type === "log" && String(w.properties?.query ?? "").includes(`SOURCE '${group}'`),
  );
  const rows = widgets
    .filter((w) => w.type === "metric" && Array.isArray(w.properties?.metrics))
    .flatMap((w) => w.properties.metrics as MetricRow[])
    .filter((row) => Array.isArray(row) && row[0] === NAMESPACE && row[2] === "ModelId");
  const charted = [...new Set(rows.map((row) => row[3]))];
  const missing = NEEDED_METRICS.filter((metric) => !rows.some((row) => row[1] === metric));
  const details = {
    widgets: String(widgets.length),
    logWidgets: String(logWidgets.length),
    models: charted.join(", "),
  };
  if (logWidgets.length === 0 || missing.length > 0) {
    return fail(
      {
        vi: `${widgets.length} widget; ${logWidgets.length} widget log trên ${group}; thiếu metric: ${missing.join(", ") || "không"}`,
        en: `${enCount(widgets.length, "widget")}; ${enCount(logWidgets.length, "log widget")} over ${group}; missing metrics: ${missing.join(", ") || "none"}`,
      },
      details,
    );
  }
  const chartedModel = model ? charted.find((id) => baseModelId(id) === baseModelId(model)) : charted[0];
  if (!chartedModel) {
    return fail(
      {
        vi: `dashboard vẽ ${charted.join(", ")}, không phải ${model ?? ""}`,
        en: `the dashboard charts ${charted.join(", ")}, not ${model ?? ""}`,
      },
      details,
    );
  }

  let total = 0;
  const result = await ctx.poll({
    label: { vi: "Chờ metric AWS/Bedrock có điểm dữ liệu", en: "Waiting for AWS/Bedrock metrics to have datapoints" },
    timeoutMs: remainingWaitMs(ctx, ctx.params.metricsWaitSeconds),
    intervalMs: 5000,
    async probe() {
      const [series] = await metricSeries(ctx, [metricRow("Invocations", chartedModel, "Sum")], queryWindow(ctx), 300);
      total = (series?.points ?? []).reduce((sum, p) => sum + p.y, 0);
      return total > 0 ? { state: "ready", value: total } : { state: "not-yet" };
    },
  });
  const actual: Text = {
    vi: `${widgets.length} widget; ${total} lượt gọi của ${chartedModel} trong khoảng thời gian của bài lab`,
    en: `${enCount(widgets.length, "widget")}; ${enCount(total, "invocation")} of ${chartedModel} in the lab's time window`,
  };
  return result.state === "ready" ? { status: "pass", evidence: { expected, actual, details } } : fail(actual, details);
}
