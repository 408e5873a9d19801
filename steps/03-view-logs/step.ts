/**
 * Step 3: find step 2's records in CloudWatch Logs, then query them with CloudWatch Logs Insights — the seed's query
 * as written (empty token columns) next to the corrected one. Check: Insights returns results (the records
 * themselves are step 2's check: they are the evidence of its calls).
 */
import { defineStep, enCount, shq } from "genai-lab/kit";
import type { LabAws, LabParams } from "../lab.js";
import { recordedBatch } from "../lib/invocations.js";
import { checkInsights } from "../lib/insights-check.js";
import { CHECK_TIMEOUT_MS } from "../lib/log-checks.js";
import { FIXED_QUERY, oneLine, SEED_QUERY } from "../lib/queries.js";
import { logsCli, logsPython } from "../lib/by-hand/logs.js";
import { bothLanguages } from "../lib/by-hand/shell.js";
import { compareQueries, showRecords, waitForDelivery } from "../lib/view-logs.js";

export const step = defineStep<LabParams, LabAws>({
  id: "view-logs",
  title: { vi: "Xem log trong CloudWatch", en: "View the logs in CloudWatch" },
  values: {
    seedQuery: () => SEED_QUERY,
    fixedQuery: () => FIXED_QUERY,
    logsCli: bothLanguages(logsCli),
  },
  yourTurn: { cli: (ctx) => logsCli(ctx, ctx.lang), python: logsPython },
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
        en: "Run the Logs Insights query: the original lab's and the corrected one",
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
            en: `Original query: ${enCount(seedEmpty, "row")} without tokens; corrected: ${enCount(fixedRows, "row")}`,
          },
        };
      },
    },
  ],
  checks: [
    {
      id: "insights-returns-results",
      label: { vi: "Truy vấn Logs Insights trả về kết quả", en: "A Logs Insights query returns results" },
      timeoutMs: CHECK_TIMEOUT_MS,
      run: checkInsights,
    },
  ],
});
