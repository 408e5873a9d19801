/**
 * "Log entries present": at least as many successful invocation records as the original lab's prompts, in the lab's
 * group, from any runtime call (InvokeModel, Converse, the streaming calls, the original lab's boto3 script) on any
 * model or inference profile, made by anyone. The window is the last 24 hours, reaching back to the runner's own
 * batch when it ran earlier. Credited to the runner when its own batch's request ids alone make the count.
 * When the count falls short, log-entries-why.ts says why in words a learner can act on.
 */
import { enCount, type CheckResult, type Text } from "genai-lab/kit";
import { recordedBatch } from "./invocations.js";
import { creditFor } from "./ledger.js";
import { readRecords, type InvocationRecord } from "./log-records.js";
import { whyTooFew } from "./log-entries-why.js";
import { readLoggingConfig } from "./logging-config.js";
import type { ReadCtx } from "./model.js";

export const DAY_MS = 24 * 3_600_000;
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

/** Step 3's actions look at the runner's own batch (from five minutes before it), or the last 24 hours. */
export function queryWindow(ctx: ReadCtx): { startMs: number; endMs: number } {
  const batch = recordedBatch(ctx);
  const now = ctx.clock.now();
  return { startMs: batch ? batch.startedAt - 5 * 60_000 : now - DAY_MS, endMs: now + 1000 };
}

/** What the checks judge: the last 24 hours, reaching back to the runner's batch when that ran earlier. */
export function checkWindow(ctx: ReadCtx): { startMs: number; endMs: number } {
  const batch = recordedBatch(ctx);
  const now = ctx.clock.now();
  const dayAgo = now - DAY_MS;
  return { startMs: batch ? Math.min(dayAgo, batch.startedAt - 5 * 60_000) : dayAgo, endMs: now + 1000 };
}

interface Count {
  /** Distinct successful calls. */
  ok: InvocationRecord[];
  /** The request ids of every record read, failed ones too. */
  ids: Set<string>;
  failed: number;
  /** The failed calls by error code (`AccessDeniedException`, `ValidationException`…), for the hint. */
  failedCodes: Record<string, number>;
  /** How many of `ok` are the runner's own batch. */
  runner: number;
}

function count(records: InvocationRecord[], runnerIds: ReadonlySet<string>): Count {
  const seen = new Map<string, InvocationRecord>();
  const failedCodes: Record<string, number> = {};
  let failed = 0;
  for (const r of records) {
    if (r.errorCode) {
      failed += 1;
      failedCodes[r.errorCode] = (failedCodes[r.errorCode] ?? 0) + 1;
    } else seen.set(r.requestId, r);
  }
  const ok = [...seen.values()];
  const ids = new Set(records.map((r) => r.requestId));
  return { ok, ids, failed, failedCodes, runner: ok.filter((r) => runnerIds.has(r.requestId)).length };
}

export async function checkLogEntries(ctx: ReadCtx): Promise<CheckResult> {
  const group = ctx.params.logGroupName;
  const needed = Math.max(1, ctx.params.prompts.length);
  const batch = recordedBatch(ctx);
  const runnerIds = new Set(batch?.items.map((call) => call.requestId) ?? []);
  const expected: Text = {
    vi: `ít nhất ${needed} bản ghi lời gọi model thành công trong ${group} (24 giờ qua)`,
    en: `at least ${enCount(needed, "successful invocation record")} in ${group} (last 24 h)`,
  };
  // Records can only still be on their way while logging points at the group, and only for the runner's own
  // recent batch: otherwise look once.
  const config = await readLoggingConfig(ctx).catch(() => undefined);
  const pointsHere = config?.cloudWatchConfig?.logGroupName === group;
  const window = checkWindow(ctx);
  const mayWaitMs = pointsHere ? remainingWaitMs(ctx, ctx.params.deliveryWaitSeconds) : 0;
  let counted: Count = { ok: [], ids: new Set(), failed: 0, failedCodes: {}, runner: 0 };
  let groupMissing = false;
  const result = await ctx.poll<Count>({
    label: { vi: "Chờ log về CloudWatch Logs", en: "Waiting for the logs to reach CloudWatch Logs" },
    timeoutMs: mayWaitMs,
    intervalMs: 2000,
    async probe() {
      const read = await readRecords(ctx, group, window.startMs);
      if (read.groupMissing) {
        groupMissing = true;
        return { state: "ready", value: counted };
      }
      counted = count(read.records, runnerIds);
      return counted.ok.length >= needed ? { state: "ready", value: counted } : { state: "not-yet" };
    },
  });
  const found = counted.ok.length;
  const failedNote = (vi: boolean) =>
    counted.failed > 0
      ? vi
        ? ` (và ${counted.failed} lời gọi lỗi, không tính)`
        : ` (and ${enCount(counted.failed, "failed call")}, not counted)`
      : "";
  const actual: Text = groupMissing
    ? { vi: `log group ${group} không tồn tại`, en: `log group ${group} does not exist` }
    : {
        vi: `tìm thấy ${found}/${needed}${failedNote(true)}`,
        en: `${found} of ${needed} found${failedNote(false)}`,
      };
  const requestIds = counted.ok.slice(0, Math.max(needed, counted.runner)).map((r) => r.requestId);
  if (result.state === "ready" && !groupMissing) {
    const doneBy = creditFor(ctx, counted.runner >= needed);
    const ids = doneBy === "runner" ? counted.ok.filter((r) => runnerIds.has(r.requestId)) : counted.ok;
    return {
      status: "pass",
      evidence: { expected, actual, requestIds: ids.slice(0, needed).map((r) => r.requestId) },
      ...(doneBy ? { doneBy } : {}),
    };
  }
  const { failed, failedCodes, ids: seenIds } = counted;
  // Waited for the runner's own calls (not live, logging pointing here) and they did not come: "not yet".
  const waitedMs = result.state === "timed-out" && mayWaitMs > 0 && !ctx.liveCheck ? result.waitedMs : 0;
  const shortfall = { config, found, needed, groupMissing, window, failed, failedCodes, waitedMs, seenIds };
  const hint = await whyTooFew(ctx, shortfall);
  return { status: "fail", evidence: { expected, actual, ...(requestIds.length ? { requestIds } : {}) }, hint };
}
