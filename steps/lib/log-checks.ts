/**
 * Step 3's checks. Both prefer step 2's recorded request ids and time window; without them (an instructor grading
 * an account the lab did not drive, or a learner who invoked by hand) they judge the last 24 hours of the group.
 */
import { type CheckResult, enCount, type PollProbe, type Text } from "genai-lab/kit";
import { recordedBatch } from "./invocations.js";
import { readRecords } from "./log-records.js";
import type { ReadCtx } from "./model.js";
import { FIXED_QUERY } from "./queries.js";
import { runQuery, type QueryOutcome } from "./insights.js";
import { isNotFound } from "./errors.js";
import { readLoggingConfig } from "./logging-config.js";

const DAY_MS = 24 * 3_600_000;
/** Checks have a fixed 15-minute budget; waits inside them stay well below it. */
export const CHECK_TIMEOUT_MS = 15 * 60_000;
export const waitMs = (seconds: number): number => Math.min(Math.max(0, seconds), 600) * 1000;

/**
 * How long a check may still wait for state that is on its way: only step 2's records can be in flight, and only
 * until `seconds` after step 2 finished. A check run later (or with nothing invoked) looks once and answers.
 */
export function remainingWaitMs(ctx: ReadCtx, seconds: number): number {
  const batch = recordedBatch(ctx);
  if (!batch) return 0;
  return Math.max(0, waitMs(seconds) - (ctx.clock.now() - batch.finishedAt));
}

export function queryWindow(ctx: ReadCtx): { startMs: number; endMs: number } {
  const batch = recordedBatch(ctx);
  const now = ctx.clock.now();
  return { startMs: batch ? batch.startedAt - 5 * 60_000 : now - DAY_MS, endMs: now + 1000 };
}

const RUN_STEPS: Text = {
  vi: "Chạy bước 1–3 (`genai-lab run`), hoặc gọi model vài lần ở đúng Region sau khi đã bật logging.",
  en: "Run steps 1–3 (`genai-lab run`), or call the model a few times in the right Region after logging is on.",
};

/**
 * How long a check may wait for records, and what to do when they do not come. Records can only still arrive while
 * Bedrock logging points at the lab's group: otherwise, waiting cannot help.
 */
async function deliveryWait(ctx: ReadCtx): Promise<{ timeoutMs: number; hint: Text }> {
  const group = ctx.params.logGroupName;
  const config = await readLoggingConfig(ctx).catch(() => undefined);
  if (config?.cloudWatchConfig?.logGroupName === group)
    return { timeoutMs: remainingWaitMs(ctx, ctx.params.deliveryWaitSeconds), hint: RUN_STEPS };
  return {
    timeoutMs: 0,
    hint: {
      vi: `Logging của Bedrock hiện không ghi vào ${group}: bật nó ở bước 1, rồi gọi model lại (bước 2), vì lời gọi trước khi bật logging không bao giờ được ghi.`,
      en: `Bedrock logging does not write to ${group} right now: turn it on in step 1, then call the model again (step 2), since calls made before logging was on are never logged.`,
    },
  };
}

/** The group is not there: "wrong", not "not yet" (waiting will not create it). */
function groupMissing(expected: Text, group: string): PollProbe<never> {
  return {
    state: "wrong",
    evidence: { expected, actual: { vi: `log group ${group} không tồn tại`, en: `log group ${group} does not exist` } },
    hint: RUN_STEPS,
  };
}

export async function checkLogEntries(ctx: ReadCtx): Promise<CheckResult> {
  const group = ctx.params.logGroupName;
  const batch = recordedBatch(ctx);
  const ids = batch?.items.map((call) => call.requestId) ?? [];
  const needed = batch ? ids.length : ctx.params.prompts.length;
  const expected: Text = batch
    ? {
        vi: `${needed} bản ghi của bước 2 (theo request id) trong ${group}`,
        en: `step 2's ${enCount(needed, "record")} (by request id) in ${group}`,
      }
    : {
        vi: `ít nhất ${needed} bản ghi invocation trong ${group} (24 giờ qua)`,
        en: `at least ${enCount(needed, "invocation record")} in ${group} (last 24 h)`,
      };
  const wanted = batch ? new Set(ids) : undefined;
  const wait = await deliveryWait(ctx);
  let found = 0;
  const result = await ctx.poll<number>({
    label: { vi: "Chờ log về CloudWatch Logs", en: "Waiting for the logs to reach CloudWatch Logs" },
    timeoutMs: wait.timeoutMs,
    intervalMs: 2000,
    async probe() {
      const read = await readRecords(ctx, group, queryWindow(ctx).startMs, wanted);
      if (read.groupMissing) return groupMissing(expected, group);
      found = new Set(read.records.map((r) => r.requestId)).size;
      return found >= needed ? { state: "ready", value: found } : { state: "not-yet" };
    },
  });
  const actual = (n: number): Text => ({ vi: `tìm thấy ${n}/${needed}`, en: `${n} of ${needed} found` });
  switch (result.state) {
    case "ready":
      return { status: "pass", evidence: { expected, actual: actual(result.value), requestIds: ids } };
    case "wrong":
      return { status: "fail", evidence: result.evidence, hint: result.hint };
    case "timed-out":
      return { status: "fail", evidence: { expected, actual: actual(found), requestIds: ids }, hint: wait.hint };
  }
}

export async function checkInsights(ctx: ReadCtx): Promise<CheckResult> {
  const group = ctx.params.logGroupName;
  const needed = recordedBatch(ctx)?.items.length ?? ctx.params.prompts.length;
  const expected: Text = {
    vi: `truy vấn đã sửa trả ≥ ${needed} dòng có input.inputTokenCount`,
    en: `the corrected query returns ≥ ${enCount(needed, "row")} with input.inputTokenCount`,
  };
  let rows = 0;
  const wait = await deliveryWait(ctx);
  const result = await ctx.poll<QueryOutcome>({
    label: { vi: "Chờ Logs Insights thấy các bản ghi", en: "Waiting for Logs Insights to see the records" },
    timeoutMs: wait.timeoutMs,
    intervalMs: 3000,
    async probe() {
      try {
        const out = await runQuery(ctx, group, FIXED_QUERY, queryWindow(ctx));
        rows = out.rows.filter((row) => (row["input.inputTokenCount"] ?? "") !== "").length;
        return rows >= needed ? { state: "ready", value: out } : { state: "not-yet" };
      } catch (error) {
        if (!isNotFound(error)) throw error;
        return groupMissing(expected, group);
      }
    },
  });
  const actual: Text = { vi: `${rows} dòng có số token`, en: `${enCount(rows, "row")} with token counts` };
  switch (result.state) {
    case "ready":
      return {
        status: "pass",
        evidence: { expected, actual, details: { queryId: result.value.queryId, query: FIXED_QUERY } },
      };
    case "wrong":
      return { status: "fail", evidence: result.evidence, hint: result.hint };
    case "timed-out":
      return { status: "fail", evidence: { expected, actual }, hint: wait.hint };
  }
}
