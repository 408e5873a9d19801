/**
 * What "do it for me" does in the investigation: seed the incident (sandbox only, simulated), answer the two
 * questions with the runner's own Logs Insights queries (remembered, so their answers are credited to genai-lab),
 * and create an alarm on the throttled calls (in the ledger, so cleanup deletes it), waiting for its first
 * evaluation — then shows the alarm's state next to the metric it watches.
 */
import { DescribeAlarmsCommand, GetMetricDataCommand, PutMetricAlarmCommand } from "@aws-sdk/client-cloudwatch";
import { table, type ActionResult, type Text } from "genai-lab/kit";
import { runQuery } from "../insights.js";
import type { ActCtx } from "../model.js";
import { ALARM_LEDGER_TYPE } from "./checks.js";
import { readIncident, seedIncident, type Incident } from "./incident.js";

export const INCIDENT_HOURS = 6;
export const INCIDENT_RATE = 3;
export const ALARM_NAME = "GenAI-Sonnet-Throttles";
/**
 * More than 2 throttled calls in a 5-minute period: the hour before the incident never has more than 1 (at any hour
 * of the day), the incident has 3 or more in one of its last three periods at every hour of the day (measured).
 */
export const ALARM_THRESHOLD = 2;

/** The alarm the runner creates and the hint's exact command name: the same flags. */
export function alarmCli(region: string): string {
  return `aws cloudwatch put-metric-alarm --region ${region} --alarm-name ${ALARM_NAME} --namespace AWS/Bedrock --metric-name InvocationThrottles --dimensions Name=ModelId,Value=${throttledModel(region)} --statistic Sum --period 300 --evaluation-periods 3 --datapoints-to-alarm 1 --threshold ${ALARM_THRESHOLD} --comparison-operator GreaterThanThreshold --treat-missing-data notBreaching`;
}

/** The throttled model's metric id in the lab's Region: the us./eu./apac. Sonnet 4.6 profile. */
export function throttledModel(region: string): string {
  const geo = region.startsWith("us-") ? "us" : region.startsWith("eu-") ? "eu" : "apac";
  return `${geo}.anthropic.claude-sonnet-4-6`;
}

export const TENANT_QUERY =
  "stats sum(input.inputTokenCount + output.outputTokenCount) as tokens by requestMetadata.tenant_id | sort tokens desc | limit 5";
export const THROTTLE_QUERY =
  'filter errorCode = "ThrottlingException" | fields @timestamp, modelId | sort @timestamp asc | limit 1';

export async function seedAction(ctx: ActCtx): Promise<ActionResult> {
  if (ctx.target.kind === "aws") {
    return {
      status: "skipped",
      summary: {
        vi: "Chỉ có trên sandbox: AWS thật không có lịch sử mô phỏng",
        en: "Sandbox only: real AWS has no simulated history",
      },
    };
  }
  const incident = await seedIncident(ctx, INCIDENT_HOURS, INCIDENT_RATE);
  const hm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
  const until = incident.ongoingUntil;
  ctx.report.note("info", {
    vi: `Lịch sử ${INCIDENT_HOURS} giờ là mô phỏng (sandbox): năm ứng dụng, tám tenant, và một sự cố bắt đầu lúc ${hm(incident.incidentStart)} UTC, vẫn đang diễn ra${until === undefined ? "" : ` (sandbox cho nó tiếp diễn đến ${hm(until)} UTC)`}.`,
    en: `The ${INCIDENT_HOURS}-hour history is simulated (sandbox): five apps, eight tenants, and an incident that began at ${hm(incident.incidentStart)} UTC and is still going on${until === undefined ? "" : ` (the sandbox carries it on until ${hm(until)} UTC)`}.`,
  });
  return { summary: { vi: "Đã tạo lịch sử có sự cố", en: "Incident history seeded" } };
}

async function needIncident(ctx: ActCtx): Promise<Incident> {
  const incident = await readIncident(ctx);
  if (incident === undefined) throw new Error("No seeded incident: run the first action of this step.");
  return incident;
}

type Column = Parameters<typeof table>[1][number];

/** The runner's two answers, drawn as tables: title and columns. */
const ANSWER_TABLES: [Text, Column[]][] = [
  [
    { vi: "Token theo tenant kể từ khi sự cố bắt đầu", en: "Tokens by tenant since the incident began" },
    [
      ["requestMetadata.tenant_id", { vi: "Tenant", en: "Tenant" }, "left"],
      ["tokens", { vi: "Token", en: "Tokens" }, "right"],
    ],
  ],
  [
    { vi: "Lời gọi bị throttle đầu tiên", en: "The first throttled call" },
    [
      ["@timestamp", { vi: "Thời điểm", en: "When" }, "left"],
      ["modelId", { vi: "Model", en: "Model" }, "left"],
    ],
  ],
];

export async function answerAction(ctx: ActCtx): Promise<ActionResult> {
  const incident = await needIncident(ctx);
  const range = { startMs: incident.incidentStart, endMs: ctx.clock.now() };
  const tenants = await runQuery(ctx, incident.logGroupName, TENANT_QUERY, range);
  const first = await runQuery(ctx, incident.logGroupName, THROTTLE_QUERY, range);
  const answers = [tenants, first];
  ANSWER_TABLES.forEach(([title, columns], i) => ctx.report.output(table(title, columns, answers[i]?.rows ?? [])));
  const top = tenants.rows[0]?.["requestMetadata.tenant_id"] ?? "—";
  return { summary: { vi: `Tenant lớn nhất: ${top}`, en: `Top tenant: ${top}` } };
}

/**
 * A Sum series with its empty periods drawn as 0 (no throttled call in them), so the chart shows when the throttles
 * began rather than starting at the first of them.
 */
export function withZeros(points: readonly [number, number][], from: number, period: number): [number, number][] {
  const first = points[0]?.[0];
  if (first === undefined) return [];
  const values = new Map(points);
  const start = first - Math.floor((first - from) / period) * period;
  const last = points[points.length - 1]?.[0] ?? first;
  const out: [number, number][] = [];
  for (let t = start; t <= last; t += period) out.push([t, values.get(t) ?? 0]);
  return out;
}

/** Sums of throttled calls per 5 minutes, [timestamp, value], from `from` to now. */
async function throttles(ctx: ActCtx, model: string, from: number): Promise<[number, number][]> {
  const r = await ctx.aws.cloudwatch.send(
    new GetMetricDataCommand({
      StartTime: new Date(from),
      EndTime: new Date(ctx.clock.now() + 60_000),
      ScanBy: "TimestampAscending",
      MetricDataQueries: [
        {
          Id: "t",
          MetricStat: {
            Metric: {
              Namespace: "AWS/Bedrock",
              MetricName: "InvocationThrottles",
              Dimensions: [{ Name: "ModelId", Value: model }],
            },
            Period: 300,
            Stat: "Sum",
          },
        },
      ],
    }),
    { abortSignal: ctx.signal },
  );
  const result = r.MetricDataResults?.[0];
  return (result?.Timestamps ?? []).map((t, i) => [t.getTime(), result?.Values?.[i] ?? 0]);
}

export async function alarmAction(ctx: ActCtx): Promise<ActionResult> {
  await needIncident(ctx); // an alarm on the incident needs one
  const model = throttledModel(ctx.target.region);
  await ctx.ledger.track({ type: ALARM_LEDGER_TYPE, name: ALARM_NAME }, () =>
    ctx.aws.cloudwatch.send(
      new PutMetricAlarmCommand({
        AlarmName: ALARM_NAME,
        AlarmDescription: "genai-lab: throttled calls of the Sonnet profile (the investigation's incident)",
        Namespace: "AWS/Bedrock",
        MetricName: "InvocationThrottles",
        Dimensions: [{ Name: "ModelId", Value: model }],
        Statistic: "Sum",
        Period: 300,
        EvaluationPeriods: 3,
        DatapointsToAlarm: 1,
        Threshold: ALARM_THRESHOLD,
        ComparisonOperator: "GreaterThanThreshold",
        TreatMissingData: "notBreaching",
      }),
      { abortSignal: ctx.signal },
    ),
  );
  const evaluated = await ctx.poll<string>({
    label: {
      vi: "Chờ CloudWatch đánh giá alarm lần đầu (mỗi phút một lần)",
      en: "Waiting for CloudWatch to evaluate the alarm (once a minute)",
    },
    timeoutMs: 150_000,
    intervalMs: 5000,
    async probe() {
      const r = await ctx.aws.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [ALARM_NAME] }), {
        abortSignal: ctx.signal,
      });
      const state = r.MetricAlarms?.[0]?.StateValue;
      return state === undefined || state === "INSUFFICIENT_DATA"
        ? { state: "not-yet" }
        : { state: "ready", value: state };
    },
  });
  const state = evaluated.state === "ready" ? evaluated.value : "INSUFFICIENT_DATA";
  const from = ctx.clock.now() - 3600_000;
  const points = withZeros(await throttles(ctx, model, from), from, 300_000);
  ctx.report.output({
    kind: "chart",
    chart: "line",
    title: { vi: `InvocationThrottles (${model}, chu kỳ 5 phút)`, en: `InvocationThrottles (${model}, 5-min periods)` },
    unit: "count",
    series: [{ label: "InvocationThrottles (Sum)", stat: "Sum", points: points.map(([x, y]) => ({ x, y })) }],
    alarms: [{ name: ALARM_NAME, threshold: ALARM_THRESHOLD, state }],
  });
  return { summary: { vi: `Alarm ${ALARM_NAME}: ${state}`, en: `Alarm ${ALARM_NAME}: ${state}` } };
}
