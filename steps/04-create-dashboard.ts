/**
 * Step 4: the GenAI-Monitoring dashboard — the seed's three widgets done right plus AWS/Bedrock metric widgets for
 * the model the lab calls — validated, saved, then previewed in the terminal. Check: the dashboard shows metrics.
 */
import { defineStep } from "../src/engine/contract.js";
import type { LabAws, LabParams } from "./lab.js";
import { buildDashboard, DASHBOARD_START, metricRow } from "./lib/dashboard-body.js";
import { checkDashboard } from "./lib/dashboard-check.js";
import { chartedModels, findChartedModels, rememberCharted } from "./lib/dashboard-models.js";
import { metricQuery, previewDashboard } from "./lib/dashboard-preview.js";
import { putDashboard } from "./lib/dashboard-put.js";
import { previewHours, windowLabel, windowMs } from "./lib/dashboard-window.js";
import { CHECK_TIMEOUT_MS } from "./lib/log-checks.js";
import { effectiveModelId, type ReadCtx } from "./lib/model.js";
import { json } from "./lib/outputs.js";
import { SEED_LATENCY_QUERY, SEED_TOKENS_QUERY } from "./lib/queries.js";
import { shq } from "./lib/shell.js";
import { enCount } from "./lib/plural.js";

const bodyFor = (ctx: ReadCtx) =>
  buildDashboard({
    region: ctx.target.region,
    group: ctx.params.logGroupName,
    ...chartedModels(ctx),
    periodSeconds: ctx.params.metricPeriodSeconds,
    lang: ctx.lang,
  });

const WINDOW = windowLabel(windowMs(DASHBOARD_START));

const indent = (text: string) => text.replace(/^/gm, "    ");

/** The commands of the body's CLI block, the same in both languages (only the comment above them is translated). */
const CLI = `aws cloudwatch put-dashboard --dashboard-name GenAI-Monitoring --dashboard-body file://dashboard.json
aws cloudwatch get-metric-data --start-time $(date -u -d '-${previewHours(DASHBOARD_START)} hours' +%FT%TZ) --end-time $(date -u +%FT%TZ) \\
  --metric-data-queries '[{"Id":"m0","MetricStat":{"Metric":{"Namespace":"AWS/Bedrock","MetricName":"Invocations","Dimensions":[{"Name":"ModelId","Value":"<model-id>"}]},"Period":60,"Stat":"Sum"}}]'`;

export const step = defineStep<LabParams, LabAws>({
  id: "create-dashboard",
  title: { vi: "Tạo CloudWatch dashboard", en: "Create the CloudWatch dashboard" },
  body: {
    vi: `Dashboard \`GenAI-Monitoring\` gom lên một màn hình ba câu hỏi của bài gốc: có bao nhiêu lượt gọi, tốn bao nhiêu token, và model phản hồi nhanh hay chậm. Bài gốc có ý đúng, nhưng hai trong ba widget của nó **không hiện gì**:

- Widget 2 cộng \`inputTokenCount\`/\`outputTokenCount\` ở cấp trên cùng. Các trường đó không tồn tại (số token nằm ở \`input.inputTokenCount\`, \`output.outputTokenCount\`):

${indent(SEED_TOKENS_QUERY)}

- Widget 3 lấy \`@duration\`. Trường này chỉ có trong log của Lambda; bản ghi của Bedrock không có trường độ trễ nào:

${indent(SEED_LATENCY_QUERY)}

Bài lab dựng dashboard như sau:

| Widget | Nguồn | Nội dung |
|---|---|---|
| Lượt gọi mỗi giờ | log (\`SOURCE '/aws/bedrock/model-invocations' \\| stats count(*) … by bin(1h)\`) | ý của bài gốc, giữ nguyên |
| Token mỗi giờ | log (\`sum(input.inputTokenCount)\`, \`sum(output.outputTokenCount)\`) | đã sửa tên trường |
| Lượt gọi | metric \`AWS/Bedrock\` \`Invocations\` theo \`ModelId\`, Sum | |
| Token | metric \`InputTokenCount\`, \`OutputTokenCount\` theo \`ModelId\`, Sum | |
| Độ trễ | metric \`InvocationLatency\` theo \`ModelId\`, Average và p90 | thay cho \`@duration\` |

\`ModelId\` là ID mà bài lab **thực sự gọi**. Nếu gọi qua inference profile thì đó là ID của profile (ví dụ \`us.…\`), vì Bedrock gắn metric theo ID đó. Body được kiểm tra trước khi gửi; nếu CloudWatch vẫn từ chối, bài lab in ra từng thông báo (DataPath + Message) của nó. Sau đó bài lab vẽ thử dashboard ngay trong terminal, trên đúng khoảng thời gian của dashboard (${WINDOW.vi} gần nhất: biểu đồ từ GetMetricData, bảng từ truy vấn của các widget log), và đưa link tới console.

Hai loại widget có thể lệch nhau, và đó là một bài học: **metric đếm mọi lời gọi, log chỉ có lời gọi xảy ra khi logging đang bật**. Lời gọi thử ở bước kiểm tra đầu chạy trước bước 1, nên nó có trong metric mà không có trong log.

Dashboard là tài nguyên **toàn cục** (không theo Region), nhưng mỗi widget ghi rõ Region của dữ liệu. PutDashboard **thay toàn bộ** dashboard cùng tên.

**Trên console:** CloudWatch → **Dashboards** → **Create dashboard** → tên \`GenAI-Monitoring\` → thêm widget **Logs table/line** (dán truy vấn) và **Line** (Browse → Bedrock → ModelId) → **Save**.

**Bằng CLI:**

\`\`\`bash
# dashboard.json: chép khối "Dashboard body" mà bước này in ra vào file đó
${CLI}
\`\`\`

Tài liệu: [CloudWatch dashboards](https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Dashboards.html) · [Cấu trúc dashboard body](https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html) · [Metric của Bedrock](https://docs.aws.amazon.com/bedrock/latest/userguide/monitoring.html#runtime-cloudwatch-metrics)`,
    en: `The \`GenAI-Monitoring\` dashboard puts the seed's three questions on one screen: how many calls, how many tokens, how fast. The seed had the right ideas, but two of its three widgets **show nothing**:

- Widget 2 sums top-level \`inputTokenCount\`/\`outputTokenCount\`. Those fields do not exist (the counts live in \`input.inputTokenCount\` and \`output.outputTokenCount\`):

${indent(SEED_TOKENS_QUERY)}

- Widget 3 reads \`@duration\`. That field exists only in Lambda logs; Bedrock's records have no latency field at all:

${indent(SEED_LATENCY_QUERY)}

The lab builds the dashboard like this:

| Widget | Source | Notes |
|---|---|---|
| Invocations per hour | logs (\`SOURCE '/aws/bedrock/model-invocations' \\| stats count(*) … by bin(1h)\`) | the seed's idea, unchanged |
| Token usage per hour | logs (\`sum(input.inputTokenCount)\`, \`sum(output.outputTokenCount)\`) | field names fixed |
| Invocations | metric \`AWS/Bedrock\` \`Invocations\` by \`ModelId\`, Sum | |
| Tokens | metrics \`InputTokenCount\`, \`OutputTokenCount\` by \`ModelId\`, Sum | |
| Latency | metric \`InvocationLatency\` by \`ModelId\`, Average and p90 | instead of \`@duration\` |

\`ModelId\` is the id the lab **actually calls**. Through an inference profile, that is the profile's id (e.g. \`us.…\`), because Bedrock publishes the metrics under it. The body is validated before it is sent; if CloudWatch still objects, the lab prints each of its messages (DataPath + Message). Then the lab previews the dashboard right in the terminal, over the dashboard's own window (the last ${WINDOW.en}: charts from GetMetricData, tables from the log widgets' queries), and gives you the console link.

The two kinds of widget can disagree, and that is a lesson: **metrics count every call, logs only the calls made while logging is on**. The preflight's probe call ran before step 1, so it is in the metrics and not in the logs.

Dashboards are **global** (not per Region), but each widget names the Region of its data. PutDashboard **replaces** the whole dashboard of that name.

**In the console:** CloudWatch → **Dashboards** → **Create dashboard** → name \`GenAI-Monitoring\` → add **Logs table/line** widgets (paste the queries) and **Line** widgets (Browse → Bedrock → ModelId) → **Save**.

**With the CLI:**

\`\`\`bash
# dashboard.json: copy the "Dashboard body" block this step prints into that file
${CLI}
\`\`\`

Docs: [CloudWatch dashboards](https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Dashboards.html) · [Dashboard body structure](https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html) · [Bedrock runtime metrics](https://docs.aws.amazon.com/bedrock/latest/userguide/monitoring.html#runtime-cloudwatch-metrics)`,
  },
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
          `aws cloudwatch get-metric-data --region ${ctx.target.region} --start-time $(date -u -d '-${hours} hours' +%FT%TZ) ` +
          `--end-time $(date -u +%FT%TZ) --metric-data-queries ${shq(JSON.stringify([query]))}`
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
  hints: [
    {
      vi: "Widget metric trống? ModelId phải đúng ID đã gọi: gọi qua profile thì là ID của profile (ví dụ us.…).",
      en: "Empty metric widget? ModelId must be the id you called: through a profile, that is the profile's id (e.g. us.…).",
    },
    {
      vi: "Widget log báo lỗi? Truy vấn trong dashboard phải bắt đầu bằng SOURCE '<log group>' |.",
      en: "A log widget errors? A dashboard query must start with SOURCE '<log group>' |.",
    },
  ],
});
