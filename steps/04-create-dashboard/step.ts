/**
 * Step 4: the GenAI-Monitoring dashboard — the seed's three widgets done right plus AWS/Bedrock metric widgets for
 * the model the lab calls — validated, saved, then previewed in the terminal. Check: the dashboard shows metrics.
 */
import { defineStep, enCount, json, shq } from "genai-lab/kit";
import type { LabAws, LabParams } from "../lab.js";
import { buildDashboard, metricRow } from "../lib/dashboard-body.js";
import { dashboardCli, dashboardPython } from "../lib/by-hand/dashboard.js";
import { checkDashboard } from "../lib/dashboard-check.js";
import { chartedModels, findChartedModels, rememberCharted, windowText } from "../lib/dashboard-models.js";
import { metricQuery, previewDashboard } from "../lib/dashboard-preview.js";
import { putDashboard } from "../lib/dashboard-put.js";
import { previewHours } from "../lib/dashboard-window.js";
import { CHECK_TIMEOUT_MS } from "../lib/log-checks.js";
import { effectiveModelId, type ReadCtx } from "../lib/model.js";

const bodyFor = (ctx: ReadCtx) =>
  buildDashboard({
    region: ctx.target.region,
    group: ctx.params.logGroupName,
    ...chartedModels(ctx),
    periodSeconds: ctx.params.metricPeriodSeconds,
    lang: ctx.lang,
  });

export const step = defineStep<LabParams, LabAws>({
  id: "create-dashboard",
  title: { vi: "Tạo CloudWatch dashboard", en: "Create the CloudWatch dashboard" },
  values: {
    modelId: (ctx) => effectiveModelId(ctx),
    window: (ctx) => windowText(ctx),
    previewHours: (ctx) => previewHours(chartedModels(ctx).start),
    dashboardCli,
  },
  yourTurn: { cli: dashboardCli, python: dashboardPython },
  actions: [
    {
      id: "find-models",
      title: { vi: "Tìm các model có dữ liệu để vẽ", en: "Find the models with data to chart" },
      cli: (ctx) =>
        `aws cloudwatch list-metrics --region ${ctx.target.region} --namespace AWS/Bedrock --metric-name Invocations`,
      async run(ctx) {
        const found = await findChartedModels(ctx);
        rememberCharted(ctx, found);
        const models = found.models.join(", ");
        return {
          summary: found.hasData
            ? {
                vi: `Sẽ vẽ ${models} ("start": "${found.start}")`,
                en: `Charting ${models} ("start": "${found.start}")`,
              }
            : {
                vi: `Chưa có model nào có dữ liệu: vẽ ${models}`,
                en: `No model has data yet: charting ${models}`,
              },
        };
      },
    },
    {
      id: "put-dashboard",
      title: { vi: "Tạo dashboard GenAI-Monitoring", en: "Create the GenAI-Monitoring dashboard" },
      // The body inline, so that the line works when pasted (the JSON block below is the same body, for reading).
      cli: (ctx) =>
        `aws cloudwatch put-dashboard --dashboard-name ${shq(ctx.params.dashboardName)} --dashboard-body ${shq(JSON.stringify(bodyFor(ctx)))}`,
      billable: true,
      async run(ctx) {
        const body = bodyFor(ctx);
        ctx.report.output(json({ vi: "Dashboard body", en: "Dashboard body" }, body));
        const outcome = await putDashboard(ctx, ctx.params.dashboardName, body);
        switch (outcome) {
          case "created":
            return { summary: { vi: "Đã tạo dashboard", en: "Dashboard created" } };
          case "updated":
            return { summary: { vi: "Đã cập nhật dashboard", en: "Dashboard updated" } };
          case "unchanged":
            return {
              status: "skipped",
              summary: { vi: "Dashboard đã đúng như vậy", en: "Dashboard already up to date" },
            };
        }
      },
    },
    {
      id: "preview-dashboard",
      title: { vi: "Xem trước dashboard trong terminal", en: "Preview the dashboard in the terminal" },
      cli: (ctx) => {
        const model = chartedModels(ctx).models[0] ?? effectiveModelId(ctx);
        const query = metricQuery("m0", metricRow("Invocations", model, "Sum"), 60);
        const hours = previewHours(bodyFor(ctx).start);
        return (
          // Epoch seconds, which the AWS CLI reads as times: `date -d '-6 hours'` is GNU-only (fails on macOS).
          `aws cloudwatch get-metric-data --region ${ctx.target.region} --start-time $(( $(date +%s) - ${hours} * 3600 )) ` +
          `--end-time $(date +%s) --metric-data-queries ${shq(JSON.stringify([query]))}`
        );
      },
      billable: true,
      async run(ctx) {
        const { points } = await previewDashboard(ctx, ctx.params.dashboardName, bodyFor(ctx));
        return { summary: { vi: `Đã vẽ ${points} điểm dữ liệu`, en: `${enCount(points, "datapoint")} drawn` } };
      },
    },
  ],
  checks: [
    {
      id: "dashboard-shows-metrics",
      label: { vi: "Dashboard hiển thị metrics", en: "The dashboard shows metrics" },
      timeoutMs: CHECK_TIMEOUT_MS,
      run: checkDashboard,
    },
  ],
});
