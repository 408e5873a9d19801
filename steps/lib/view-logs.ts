/**
 * Step 3's actions: wait for step 2's records to be delivered ("not yet" vs "wrong"), show them, then run the seed's
 * Logs Insights query as written next to the corrected one.
 */
import { type Cell, enCount, json, StepFailure, table } from "genai-lab/kit";
import { recordedBatch } from "./invocations.js";
import { runQuery } from "./insights.js";
import { queryWindow, waitMs } from "./log-checks.js";
import { deliveryAdvice } from "./log-entries-why.js";
import { readRecords, type InvocationRecord } from "./log-records.js";
import { readLoggingConfig } from "./logging-config.js";
import type { ActCtx } from "./model.js";
import { FIXED_QUERY, SEED_QUERY } from "./queries.js";

export async function waitForDelivery(ctx: ActCtx): Promise<InvocationRecord[]> {
  const group = ctx.params.logGroupName;
  const batch = recordedBatch(ctx);
  if (!batch) {
    throw new StepFailure(
      { vi: "Chưa có lời gọi nào được ghi nhận ở bước 2.", en: "No invocations were recorded by step 2." },
      { vi: "Chạy bước 2 trước (`genai-lab run --step 2`).", en: "Run step 2 first (`genai-lab run --step 2`)." },
    );
  }
  // "Wrong", not "not yet": if logging points elsewhere, waiting cannot help.
  const config = await readLoggingConfig(ctx);
  if (config?.cloudWatchConfig?.logGroupName !== group) {
    throw new StepFailure(
      {
        vi: `Logging của Bedrock ở ${ctx.target.region} không ghi vào ${group} (đang là: ${config?.cloudWatchConfig?.logGroupName ?? "tắt"}), nên log sẽ không bao giờ về đây.`,
        en: `Bedrock logging in ${ctx.target.region} does not write to ${group} (it is: ${config?.cloudWatchConfig?.logGroupName ?? "off"}), so the logs will never arrive here.`,
      },
      { vi: "Chạy lại bước 1, rồi bước 2.", en: "Run step 1 again, then step 2." },
    );
  }
  const ids = batch.items.map((call) => call.requestId);
  const wanted = new Set(ids);
  let n = 0;
  const result = await ctx.poll({
    label: {
      vi: `Chờ ${ids.length} bản ghi về CloudWatch Logs (thường mất 3–15 giây)`,
      en: `Waiting for ${enCount(ids.length, "record")} to reach CloudWatch Logs (usually 3–15 s)`,
    },
    timeoutMs: waitMs(ctx.params.deliveryWaitSeconds),
    intervalMs: 2000,
    async probe() {
      const read = await readRecords(ctx, group, batch.startedAt - 60_000, wanted);
      if (read.groupMissing) {
        return {
          state: "wrong",
          evidence: { expected: group, actual: { vi: "log group không tồn tại", en: "the log group does not exist" } },
          hint: { vi: "Chạy lại bước 1.", en: "Run step 1 again." },
        };
      }
      n = new Set(read.records.map((r) => r.requestId)).size;
      return n >= ids.length
        ? { state: "ready", value: read.records }
        : { state: "not-yet", detail: { vi: `đã có ${n}/${ids.length}`, en: `${n} of ${ids.length} so far` } };
    },
  });
  if (result.state === "wrong") {
    throw new StepFailure(
      { vi: `Log group ${group} không tồn tại.`, en: `The log group ${group} does not exist.` },
      result.hint,
    );
  }
  if (result.state === "timed-out") {
    const seconds = Math.round(result.waitedMs / 1000);
    throw new StepFailure(
      {
        vi: `Log chưa về (mới có ${n}/${ids.length} bản ghi sau ${seconds} giây). Đây là "chưa tới", không hẳn là sai.`,
        en: `The logs have not arrived yet (${n} of ${enCount(ids.length, "record")} after ${seconds} s). That is "not yet", not necessarily wrong.`,
      },
      deliveryAdvice(ctx),
      "timeout",
    );
  }
  return result.value;
}

export function showRecords(ctx: ActCtx, records: InvocationRecord[]): void {
  const sorted = [...records].sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
  ctx.report.output(
    table(
      { vi: "Các bản ghi invocation log", en: "Invocation log records" },
      [
        ["time", { vi: "Thời điểm", en: "Time" }],
        ["model", { vi: "Model", en: "Model" }],
        ["input", { vi: "Input token", en: "Input tokens" }, "right"],
        ["output", { vi: "Output token", en: "Output tokens" }, "right"],
        ["requestId", { vi: "Request id", en: "Request id" }],
      ],
      sorted.map((r) => ({
        time: r.timestamp,
        model: r.modelId,
        input: r.inputTokens ?? null,
        output: r.outputTokens ?? null,
        requestId: r.requestId,
      })),
    ),
  );
  const invoked = recordedBatch(ctx)?.modelId;
  const logged = sorted.find((r) => invoked && r.modelId !== invoked)?.modelId;
  if (invoked && logged) {
    ctx.report.note("info", {
      vi: `Bài lab gọi ${invoked}, nhưng log ghi modelId là ${logged}: gọi qua inference profile thì Bedrock ghi ARN của profile (và inferenceRegion là Region đã phục vụ lời gọi). Khi lọc log theo model, hãy so khớp kiểu "chứa", đừng so bằng.`,
      en: `The lab called ${invoked}, but the logs name ${logged} as modelId: through an inference profile, Bedrock logs the profile's ARN (and inferenceRegion names the Region that served the call). When filtering logs by model, match by "contains", not equality.`,
    });
  }
  const first = sorted[0];
  if (first) {
    ctx.report.output(json({ vi: "Một bản ghi đầy đủ", en: "One record in full" }, first.raw));
    if (recordedBatch(ctx)?.items.some((call) => call.simulated)) {
      ctx.report.note("info", {
        vi: "Câu trả lời trong bản ghi này (output.outputBodyJson) và số token là của model mô phỏng trong sandbox; còn cấu trúc bản ghi, tên trường và cách lồng nhau đúng như Bedrock ghi trên AWS.",
        en: "The answer in this record (output.outputBodyJson) and its token counts come from the sandbox's simulated model; the record's shape, field names and nesting are what Bedrock writes on AWS.",
      });
    }
  }
}

const EMPTY = "—";

export async function compareQueries(ctx: ActCtx): Promise<{ seedEmpty: number; fixedRows: number }> {
  const group = ctx.params.logGroupName;
  const range = queryWindow(ctx);
  const seed = await runQuery(ctx, group, SEED_QUERY, range);
  const fixed = await runQuery(ctx, group, FIXED_QUERY, range);
  const cells = (row: Record<string, string>, fields: string[]): Record<string, Cell> =>
    Object.fromEntries(fields.map((field) => [field, row[field] ? row[field] : EMPTY]));
  const show = (title: { vi: string; en: string }, query: string, fields: string[], rows: Record<string, string>[]) => {
    ctx.report.output({ kind: "code", language: "sql", title, code: query });
    ctx.report.output(
      table(
        { vi: `Kết quả (${rows.length} dòng)`, en: `Results (${enCount(rows.length, "row")})` },
        fields.map((field) => [field, { vi: field, en: field }]),
        rows.map((row) => cells(row, fields)),
      ),
    );
  };
  show(
    { vi: "Truy vấn của bài gốc, giữ nguyên", en: "The original lab's query, as written" },
    SEED_QUERY,
    ["@timestamp", "modelId", "inputTokenCount", "outputTokenCount"],
    seed.rows,
  );
  show(
    { vi: "Truy vấn đã sửa", en: "The corrected query" },
    FIXED_QUERY,
    ["@timestamp", "modelId", "input.inputTokenCount", "output.outputTokenCount"],
    fixed.rows,
  );
  const seedEmpty = seed.rows.filter((row) => !row.inputTokenCount && !row.outputTokenCount).length;
  ctx.report.note("info", {
    vi: `Truy vấn gốc trả ${seed.rows.length} dòng nhưng cột token trống ở ${seedEmpty} dòng: bản ghi của Bedrock lồng số token trong \`input.inputTokenCount\` và \`output.outputTokenCount\`, không có trường \`inputTokenCount\` ở cấp trên cùng. Logs Insights không báo lỗi khi gặp trường không tồn tại, nó chỉ trả cột rỗng. Vì vậy một truy vấn "chạy được" vẫn có thể sai. Bản ghi cũng không có trường độ trễ (\`@duration\` chỉ có ở log của Lambda): độ trễ lấy từ metric AWS/Bedrock \`InvocationLatency\` ở bước 4.`,
    en: `The original lab's query returns ${enCount(seed.rows.length, "row")}, but its token columns are empty in ${seedEmpty} of them: Bedrock's records nest the counts as \`input.inputTokenCount\` and \`output.outputTokenCount\`, and there is no top-level \`inputTokenCount\`. Logs Insights does not complain about a field that does not exist, it just returns an empty column, so a query that "runs" can still be wrong. The records have no latency field either (\`@duration\` exists only in Lambda logs): latency comes from the AWS/Bedrock \`InvocationLatency\` metric in step 4.`,
  });
  return { seedEmpty, fixedRows: fixed.rows.length };
}
