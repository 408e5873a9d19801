/**
 * "The dashboard shows metrics": the lab's dashboard (its name: --param dashboardName) shows the three things the
 * original lab asks for — invocation count, token usage, latency — each through at least one widget that draws data
 * in the lab's Region: an AWS/Bedrock metric (any layout, the console's shorthand, metric math, SEARCH, any view,
 * any ModelId or profile id with data) or, for counts and tokens, a log widget over the lab's group. Credited to the
 * runner while the body is exactly the one its action put (a digest in the ledger). A dashboard under another name
 * does not pass — the name is part of the task — but the hint names it when it would.
 */
import { enCount, type CheckResult, type DoneBy, type Text } from "genai-lab/kit";
import { metricTotals, trafficByModel } from "./bedrock-metrics.js";
import { DASHBOARD_TYPE, getDashboardBody } from "./dashboard-put.js";
import { ALL_SHOWS, readDashboard, shownBy, type ReadDashboard, type Shown, type Shows } from "./dashboard-read.js";
import { missingDashboard, noData, notShown, SHOWS_TEXT } from "./dashboard-why.js";
import { createdEntry, creditFor, jsonDigest } from "./ledger.js";
import { checkWindow, remainingWaitMs } from "./log-checks.js";
import { newestRecordAt } from "./log-records.js";
import type { ReadCtx } from "./model.js";

/** Which of `shown` draw data over the range. */
async function withData(ctx: ReadCtx, shown: Shown[], range: { startMs: number; endMs: number }): Promise<Shown[]> {
  const metrics = shown.filter((s) => s.kind === "metric");
  const totals = await metricTotals(
    ctx,
    metrics.map((s) => s.spec!),
    range,
  );
  const drawn = metrics.filter((_s, i) => (totals[i] ?? 0) > 0);
  const searches = shown.filter((s) => s.kind === "search");
  for (const s of searches) {
    if ((await trafficByModel(ctx, range, s.label.replace("SEARCH ", ""))).length > 0) drawn.push(s);
  }
  const logs = shown.filter((s) => s.kind === "log");
  if (logs.length > 0) {
    const newest = await newestRecordAt(ctx, ctx.params.logGroupName);
    if (newest !== undefined && newest >= range.startMs) drawn.push(...logs);
  }
  return drawn;
}

export function dashboardDoneBy(ctx: ReadCtx, name: string, text: string): DoneBy | undefined {
  const entry = createdEntry(ctx, DASHBOARD_TYPE, name);
  const digest = entry?.meta?.bodySha256;
  return creditFor(ctx, typeof digest === "string" && digest === jsonDigest(text));
}

export async function checkDashboard(ctx: ReadCtx): Promise<CheckResult> {
  const name = ctx.params.dashboardName;
  const group = ctx.params.logGroupName;
  const { region } = ctx.target;
  const expected: Text = {
    vi: `dashboard ${name} ở ${region} hiện ${SHOWS_TEXT.vi}, có dữ liệu`,
    en: `dashboard ${name} showing ${SHOWS_TEXT.en} in ${region}, with data`,
  };
  const fail = (why: { actual: Text; hint: Text }): CheckResult => ({
    status: "fail",
    evidence: { expected, actual: why.actual },
    hint: why.hint,
  });
  const text = await getDashboardBody(ctx, name);
  if (text === undefined) return fail(await missingDashboard(ctx, name));
  let read: ReadDashboard;
  try {
    read = readDashboard(JSON.parse(text) as unknown, region);
  } catch {
    return fail({
      actual: { vi: "body của dashboard không phải JSON", en: "the dashboard body is not JSON" },
      hint: { vi: "Lưu lại dashboard từ console.", en: "Save the dashboard again from the console." },
    });
  }
  const shown = shownBy(read, group);
  const absent = notShown(ctx, read, shown);
  if (absent) return fail(absent);
  const here = shown.filter((s) => s.region === region);
  const range = checkWindow(ctx);
  let drawn: Shown[] = [];
  await ctx.poll<true>({
    label: { vi: "Chờ metric AWS/Bedrock có điểm dữ liệu", en: "Waiting for AWS/Bedrock metrics to have datapoints" },
    timeoutMs: remainingWaitMs(ctx, ctx.params.metricsWaitSeconds),
    intervalMs: 5000,
    async probe() {
      drawn = await withData(ctx, here, range);
      const complete = ALL_SHOWS.every((what) => drawn.some((s) => s.what === what));
      return complete ? { state: "ready", value: true } : { state: "not-yet" };
    },
  });
  const dark = ALL_SHOWS.filter((what) => !drawn.some((s) => s.what === what));
  if (dark.length > 0) return fail(await noData(ctx, here, dark, range));
  const doneBy = dashboardDoneBy(ctx, name, text);
  const labels = (what: Shows) => [...new Set(drawn.filter((s) => s.what === what).map((s) => s.label))].join(", ");
  return {
    status: "pass",
    evidence: {
      expected,
      actual: {
        vi: `${read.widgets} widget; lượt gọi: ${labels("invocations")}; token: ${labels("tokens")}; độ trễ: ${labels("latency")}`,
        en: `${enCount(read.widgets, "widget")}; invocations: ${labels("invocations")}; tokens: ${labels("tokens")}; latency: ${labels("latency")}`,
      },
      details: { widgets: String(read.widgets), models: [...new Set(drawn.map((s) => s.label))].join(", ") },
    },
    ...(doneBy ? { doneBy } : {}),
  };
}
