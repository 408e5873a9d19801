/**
 * What step 4's dashboard charts, read from the data: the models that actually have AWS/Bedrock Invocations (the
 * model the lab calls first, when it has any), and a window that fits the data's age. A learner who called the
 * model by hand through its `us.` profile gets the profile charted, not the bare id with 0 datapoints; a fresh lab
 * gets the last hour, not six hours with every call in one column.
 *
 *   calls 5 min ago, by us.anthropic.claude-…       → models ["us.anthropic.claude-…"], start "-PT1H"
 *   seeded 20 h of history for two models           → models [both], start "-P1D"
 *   no call at all yet                              → models [the lab's model], start "-PT6H" (CloudWatch's usual)
 */
import { GetMetricDataCommand, paginateListMetrics } from "@aws-sdk/client-cloudwatch";
import { defineFact, z, type FactValue, type Text } from "genai-lab/kit";
import { DASHBOARD_START, NAMESPACE } from "./dashboard-body.js";
import { windowLabel, windowMs } from "./dashboard-window.js";
import { effectiveModelId, type ActCtx, type ModelReader, type ReadCtx } from "./model.js";

/** How far back the lab looks for data: a day of seeded history, or today's lab session. */
const LOOK_BACK_MS = 24 * 3_600_000;
/** Windows a dashboard may take, smallest first: the smallest that holds the oldest datapoint is chosen. */
const WINDOWS: [start: string, ms: number][] = [
  ["-PT1H", 3_600_000],
  ["-PT3H", 3 * 3_600_000],
  ["-PT6H", 6 * 3_600_000],
  ["-PT12H", 12 * 3_600_000],
  ["-P1D", 24 * 3_600_000],
];

/**
 * What step 4's first action found, for the actions after it: ModelId values with Invocations, most called first
 * (the lab's own model leads when it has data); the dashboard's `start`; the one-minute buckets with calls (few means
 * thin history); whether any model has data at all.
 */
export const CHARTED = defineFact(
  "dashboardModels",
  z.object({ models: z.array(z.string()), start: z.string(), minutesWithCalls: z.number(), hasData: z.boolean() }),
);
export type ChartedModels = FactValue<typeof CHARTED>;

export async function findChartedModels(ctx: ReadCtx): Promise<ChartedModels> {
  const ids = new Set<string>();
  for await (const page of paginateListMetrics(
    { client: ctx.aws.cloudwatch },
    { Namespace: NAMESPACE, MetricName: "Invocations" },
  )) {
    for (const metric of page.Metrics ?? []) {
      const id = metric.Dimensions?.find((d) => d.Name === "ModelId")?.Value;
      if (id) ids.add(id);
    }
  }
  const own = effectiveModelId(ctx);
  const none: ChartedModels = { models: [own], start: DASHBOARD_START, minutesWithCalls: 0, hasData: false };
  if (ids.size === 0) return none;
  const now = ctx.clock.now();
  const list = [...ids];
  const out = await ctx.aws.cloudwatch.send(
    new GetMetricDataCommand({
      StartTime: new Date(Math.floor((now - LOOK_BACK_MS) / 60_000) * 60_000),
      EndTime: new Date(Math.ceil(now / 60_000) * 60_000 + 60_000),
      MetricDataQueries: list.map((id, i) => ({
        Id: `m${i}`,
        MetricStat: {
          Metric: { Namespace: NAMESPACE, MetricName: "Invocations", Dimensions: [{ Name: "ModelId", Value: id }] },
          Period: 60,
          Stat: "Sum",
        },
      })),
    }),
    { abortSignal: ctx.signal },
  );
  const totals = new Map<string, number>();
  let oldest = Infinity;
  let minutes = 0;
  list.forEach((id, i) => {
    const result = out.MetricDataResults?.find((r) => r.Id === `m${i}`);
    const values = result?.Values ?? [];
    const total = values.reduce((a, b) => a + b, 0);
    if (total <= 0) return;
    totals.set(id, total);
    minutes += values.filter((v) => v > 0).length;
    for (const t of result?.Timestamps ?? []) oldest = Math.min(oldest, t.getTime());
  });
  if (totals.size === 0) return none;
  const models = [...totals.keys()].sort((a, b) => (a === own ? -1 : b === own ? 1 : totals.get(b)! - totals.get(a)!));
  const age = now - oldest;
  const start = (WINDOWS.find(([, ms]) => age < ms * 0.9) ?? WINDOWS[WINDOWS.length - 1]!)[0];
  return { models, start, minutesWithCalls: minutes, hasData: true };
}

/** What the step's first action found, for the body the next ones build (else the lab's model, the usual window). */
export function chartedModels(ctx: ModelReader): Pick<ChartedModels, "models" | "start"> {
  return CHARTED.get(ctx) ?? { models: [effectiveModelId(ctx)], start: DASHBOARD_START };
}

export function rememberCharted(ctx: ActCtx, found: ChartedModels): void {
  CHARTED.set(ctx, found);
}

/**
 * The dashboard's window in words, for step 4's page: what the first action picked from the data, or (before it
 * ran) how it will pick — never a fixed "6 h" the data may contradict.
 */
export function windowText(ctx: ModelReader): Text {
  const found = CHARTED.get(ctx);
  const label = (lang: "vi" | "en") => windowLabel(windowMs(found?.start ?? DASHBOARD_START))[lang];
  if (!found) {
    const choices = (lang: "vi" | "en") => WINDOWS.map(([, ms]) => windowLabel(ms)[lang]).join(", ");
    return {
      vi: `chọn theo dữ liệu khi bước này chạy: khoảng nhỏ nhất trong ${choices("vi")} chứa được các lời gọi của bạn trong ngày qua`,
      en: `picked from your data when this step runs: the smallest of ${choices("en")} that holds your calls of the last day`,
    };
  }
  if (!found.hasData)
    return {
      vi: `${label("vi")} gần nhất, mức thường dùng của CloudWatch, vì chưa model nào có dữ liệu`,
      en: `the last ${label("en")}, CloudWatch's usual, as no model has data yet`,
    };
  return {
    vi: `${label("vi")} gần nhất, chọn theo dữ liệu: khoảng nhỏ nhất chứa được các lời gọi của bạn trong ngày qua`,
    en: `the last ${label("en")}, picked from your data: the smallest window that holds your calls of the last day`,
  };
}
