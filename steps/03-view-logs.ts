/**
 * Step 3: find step 2's records in CloudWatch Logs, then query them with CloudWatch Logs Insights — the seed's query
 * as written (empty token columns) next to the corrected one. Checks: log entries present, Insights returns results.
 */
import { defineStep } from "../src/engine/contract.js";
import type { LabAws, LabParams } from "./lab.js";
import { recordedBatch } from "./lib/invocations.js";
import { CHECK_TIMEOUT_MS, checkLogEntries } from "./lib/log-checks.js";
import { checkInsights } from "./lib/insights-check.js";
import { FIXED_QUERY, SEED_QUERY } from "./lib/queries.js";
import { compareQueries, showRecords, waitForDelivery } from "./lib/view-logs.js";
import { shq } from "./lib/shell.js";
import { enCount } from "./lib/plural.js";

const oneLine = (query: string) => query.replace(/\s*\n\s*/g, " ");

/** The body's CLI block, the same in both languages. */
const CLI = `aws logs filter-log-events --log-group-name /aws/bedrock/model-invocations --start-time $(( ($(date +%s) - 3600) * 1000 ))
aws logs start-query --log-group-name /aws/bedrock/model-invocations --start-time $(( $(date +%s) - 3600 )) --end-time $(date +%s) \\
  --query-string '${oneLine(FIXED_QUERY)}'
aws logs get-query-results --query-id <queryId>`;

export const step = defineStep<LabParams, LabAws>({
  id: "view-logs",
  title: { vi: "Xem log trong CloudWatch", en: "View the logs in CloudWatch" },
  body: {
    vi: `Mỗi lời gọi model thành **một log event** trong log stream \`aws/bedrock/modelinvocations\` (không có dấu \`/\` ở đầu) của log group. Log **không về ngay**: thường mất 3–15 giây, nên bài lab chờ có đếm ngược và có giới hạn thời gian. Nó cũng phân biệt "chưa về" (cứ chờ) với "sai" (chờ cũng vô ích, ví dụ logging đang trỏ sang log group khác).

Một bản ghi chứa: \`timestamp\`, \`accountId\`, \`identity.arn\`, \`region\`, \`requestId\`, \`operation\`, \`modelId\`, \`input\` (prompt và \`inputTokenCount\`), \`output\` (câu trả lời và \`outputTokenCount\`), \`inferenceRegion\`, \`schemaType\`, \`schemaVersion\`. Bài gốc nói mỗi entry có "Latency", nhưng thực tế **không có trường độ trễ nào**.

Sau đó bài lab chạy truy vấn **CloudWatch Logs Insights** của bài gốc, giữ nguyên văn, rồi chạy bản đã sửa để bạn so sánh:

\`\`\`sql
# Bài gốc: cột token trống
${SEED_QUERY}
\`\`\`

\`\`\`sql
# Đã sửa: số token nằm lồng trong input và output
${FIXED_QUERY}
\`\`\`

Logs Insights làm phẳng JSON bằng dấu chấm (\`input.inputTokenCount\`) và không báo lỗi khi một trường không tồn tại. Dòng bắt đầu bằng \`#\` là chú thích, nên có thể dán nguyên từng khối vào Logs Insights.

**Trên console:** CloudWatch console → **Logs** → **Log groups** → \`/aws/bedrock/model-invocations\` → stream \`aws/bedrock/modelinvocations\`; rồi **Logs** → **Logs Insights**, chọn log group, dán truy vấn, **Run query**.

**Bằng CLI** (Logs Insights nhận thời gian theo *giây* epoch, còn filter-log-events nhận *mili giây*):

\`\`\`bash
${CLI}
\`\`\`

> **Mẹo thi:** Bedrock Model Invocation Logs là cách chính để giám sát ứng dụng GenAI. Kết hợp với CloudWatch Logs Insights để phân tích pattern và lượng token; còn **độ trễ** thì xem ở metric \`InvocationLatency\` của namespace \`AWS/Bedrock\`, vì log không có trường này.

Tài liệu: [Phân tích log bằng CloudWatch Logs Insights](https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AnalyzingLogData.html) · [Cú pháp truy vấn](https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax.html) · [Định dạng bản ghi invocation log](https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html)`,
    en: `Each model call becomes **one log event** in the group's \`aws/bedrock/modelinvocations\` log stream (no leading \`/\`). Logs **do not arrive at once**: 3–15 s is typical, so the lab waits with a countdown and a time limit. It also tells "not yet" (keep waiting) from "wrong" (waiting will not help, e.g. logging points at another log group).

A record holds \`timestamp\`, \`accountId\`, \`identity.arn\`, \`region\`, \`requestId\`, \`operation\`, \`modelId\`, \`input\` (the prompt and \`inputTokenCount\`), \`output\` (the answer and \`outputTokenCount\`), \`inferenceRegion\`, \`schemaType\`, \`schemaVersion\`. The seed says each entry has "Latency", but in fact **there is no latency field**.

Then the lab runs the seed's **CloudWatch Logs Insights** query word for word, and the corrected one next to it, so you can compare:

\`\`\`sql
# The seed's query: empty token columns
${SEED_QUERY}
\`\`\`

\`\`\`sql
# Corrected: the token counts are nested in input and output
${FIXED_QUERY}
\`\`\`

Logs Insights flattens JSON with dots (\`input.inputTokenCount\`) and does not complain about a field that does not exist. Lines that start with \`#\` are comments, so each block pastes into Logs Insights as it is.

**In the console:** CloudWatch console → **Logs** → **Log groups** → \`/aws/bedrock/model-invocations\` → the \`aws/bedrock/modelinvocations\` stream; then **Logs** → **Logs Insights**, pick the log group, paste the query, **Run query**.

**With the CLI** (Logs Insights takes epoch *seconds*, filter-log-events takes *milliseconds*):

\`\`\`bash
${CLI}
\`\`\`

> **Exam tip:** Bedrock Model Invocation Logs are the main way to monitor GenAI applications. Pair them with CloudWatch Logs Insights to analyse patterns and token usage; for **latency**, use the \`InvocationLatency\` metric in the \`AWS/Bedrock\` namespace, because the logs have no such field.

Docs: [Analyzing log data with CloudWatch Logs Insights](https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AnalyzingLogData.html) · [Query syntax](https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax.html) · [The invocation log record](https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html)`,
  },
  actions: [
    {
      id: "wait-for-delivery",
      title: { vi: "Chờ log về và hiện các bản ghi", en: "Wait for the logs and show the records" },
      cli: (ctx) => {
        const since = recordedBatch(ctx)?.startedAt ?? ctx.clock.now() - 3_600_000;
        return `aws logs filter-log-events --region ${ctx.target.region} --log-group-name ${ctx.params.logGroupName} --start-time ${since - 60_000}`;
      },
      timeoutMs: CHECK_TIMEOUT_MS,
      async run(ctx) {
        const records = await waitForDelivery(ctx);
        showRecords(ctx, records);
        return {
          summary: {
            vi: `Đã thấy ${records.length} bản ghi trong log`,
            en: `${enCount(records.length, "record")} found in the logs`,
          },
        };
      },
    },
    {
      id: "compare-queries",
      title: {
        vi: "Chạy truy vấn Logs Insights: bản gốc và bản đã sửa",
        en: "Run the Logs Insights query: the seed's and the corrected one",
      },
      cli: (ctx) =>
        `aws logs start-query --region ${ctx.target.region} --log-group-name ${ctx.params.logGroupName} ` +
        `--start-time $(( $(date +%s) - 3600 )) --end-time $(date +%s) --query-string ${shq(oneLine(FIXED_QUERY))}`,
      billable: true,
      async run(ctx) {
        const { seedEmpty, fixedRows } = await compareQueries(ctx);
        return {
          summary: {
            vi: `Bản gốc: ${seedEmpty} dòng thiếu token; bản đã sửa: ${fixedRows} dòng`,
            en: `Seed query: ${enCount(seedEmpty, "row")} without tokens; corrected: ${enCount(fixedRows, "row")}`,
          },
        };
      },
    },
  ],
  checks: [
    {
      id: "log-entries-present",
      label: { vi: "Log entries xuất hiện trong CloudWatch Logs", en: "Log entries present in CloudWatch Logs" },
      timeoutMs: CHECK_TIMEOUT_MS,
      run: checkLogEntries,
    },
    {
      id: "insights-returns-results",
      label: { vi: "Truy vấn Logs Insights trả về kết quả", en: "A Logs Insights query returns results" },
      timeoutMs: CHECK_TIMEOUT_MS,
      run: checkInsights,
    },
  ],
  hints: [
    {
      vi: "Cột token trống? Dùng tên lồng nhau: input.inputTokenCount và output.outputTokenCount.",
      en: "Empty token columns? Use the nested names: input.inputTokenCount and output.outputTokenCount.",
    },
    {
      vi: "Không thấy log? Kiểm tra bạn gọi model ở đúng Region đã bật logging, và đợi thêm vài giây.",
      en: "No logs? Check that you called the model in the Region where logging is on, and wait a few more seconds.",
    },
    {
      vi: "Logs Insights không thấy gì? Mở rộng khoảng thời gian truy vấn: start-time/end-time tính bằng giây.",
      en: "Logs Insights finds nothing? Widen the query's time range: start-time/end-time are in seconds.",
    },
  ],
});
