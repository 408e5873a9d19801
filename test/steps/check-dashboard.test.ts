/**
 * dashboard-shows-metrics as a grader: dashboards written the way the CloudWatch console writes them (`"."` and
 * `"..."` rows, options objects, metric math, SEARCH, log widgets with SOURCE, single-value / gauge / bar views, a
 * profile id or a bare model id — whichever has data) pass; near misses (no latency, latency from @duration, wrong
 * namespace, wrong Region, a model without data, top-level token fields, log widgets over another group, the
 * dashboard missing or under another name) fail with a hint naming the cause (issue 11 items 8 and 9).
 */
import { PutDashboardCommand } from "@aws-sdk/client-cloudwatch";
import { expect } from "vitest";
import type { LearnerAws } from "./check-kit.js";
import type { LabSession } from "../helpers/lab-session.js";
import {
  converse,
  GROUP,
  gradeTable,
  invokeModel,
  loggingByHand,
  NOVA,
  type NearMiss,
  type Setup,
} from "./check-kit.js";

const PROFILE = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
const R = "us-east-1";

type Row = (string | Record<string, unknown>)[];
const metric = (metrics: Row[], extra: Record<string, unknown> = {}, region = R) => ({
  type: "metric",
  x: 0,
  y: 0,
  width: 12,
  height: 6,
  properties: { metrics, region, view: "timeSeries", stat: "Sum", period: 300, ...extra },
});
const log = (query: string, group = GROUP) => ({
  type: "log",
  x: 0,
  y: 6,
  width: 12,
  height: 6,
  properties: { query: `SOURCE '${group}' | ${query}`, region: R, view: "table", title: "logs" },
});

async function put(aws: LearnerAws, widgets: object[], name = "GenAI-Monitoring"): Promise<void> {
  await aws.cloudwatch.send(
    new PutDashboardCommand({ DashboardName: name, DashboardBody: JSON.stringify({ start: "-PT3H", widgets }) }),
  );
}

/** Logging on and five calls through the Claude profile (metrics under the profile id, records in the group). */
async function calls(s: LabSession, aws: LearnerAws, via: "profile" | "nova" = "profile"): Promise<void> {
  await loggingByHand(s, aws);
  for (let i = 0; i < 5; i++) await (via === "profile" ? invokeModel(aws, PROFILE) : converse(aws, NOVA));
}

/** The console's own output for "all three in one graph", shorthand and all. */
const consoleRows = (id: string): Row[] => [
  ["AWS/Bedrock", "Invocations", "ModelId", id],
  [".", "InputTokenCount", ".", "."],
  [".", "OutputTokenCount", ".", "."],
  [".", "InvocationLatency", ".", ".", { stat: "Average", yAxis: "right" }],
  ["...", { stat: "p90", yAxis: "right", label: "p90" }],
];

const correct: [string, Setup][] = [
  [
    "the console's JSON: one graph, '.' and '...' shorthand rows",
    async (s, aws) => {
      await calls(s, aws);
      await put(aws, [metric(consoleRows(PROFILE))]);
    },
  ],
  [
    "three single-value, gauge and bar widgets on an on-demand model id",
    async (s, aws) => {
      await calls(s, aws, "nova");
      await put(aws, [
        metric([["AWS/Bedrock", "Invocations", "ModelId", NOVA, { id: "calls", label: "Calls" }]], {
          view: "singleValue",
        }),
        metric([["AWS/Bedrock", "OutputTokenCount", "ModelId", NOVA]], { view: "bar" }),
        metric([["AWS/Bedrock", "InvocationLatency", "ModelId", NOVA]], {
          view: "gauge",
          stat: "p90",
          yAxis: { left: { min: 0, max: 5000 } },
        }),
      ]);
    },
  ],
  [
    "metric math: hidden token rows summed by an expression",
    async (s, aws) => {
      await calls(s, aws);
      await put(aws, [
        metric([
          [{ expression: "m1 + m2", label: "Total tokens", id: "e1" }],
          ["AWS/Bedrock", "InputTokenCount", "ModelId", PROFILE, { id: "m1", visible: false }],
          ["...", "OutputTokenCount", "ModelId", PROFILE, { id: "m2", visible: false }],
        ]),
        metric([
          ["AWS/Bedrock", "Invocations", "ModelId", PROFILE],
          [".", "InvocationLatency", ".", ".", { stat: "Average" }],
        ]),
      ]);
    },
  ],
  [
    "log widgets for counts and tokens (the original lab's idea, fields fixed), a metric for latency",
    async (s, aws) => {
      await calls(s, aws);
      await put(aws, [
        log("stats count(*) as invocations by bin(1h)"),
        log("stats sum(input.inputTokenCount) as totalInput, sum(output.outputTokenCount) as totalOutput by bin(1h)"),
        metric([["AWS/Bedrock", "InvocationLatency", "ModelId", PROFILE, { stat: "Average" }]]),
      ]);
    },
  ],
  [
    "SEARCH expressions across every ModelId",
    async (s, aws) => {
      await calls(s, aws, "nova");
      const search = (name: string, stat: string) => [
        { expression: `SEARCH('{AWS/Bedrock,ModelId} MetricName="${name}"', '${stat}', 300)`, id: name.toLowerCase() },
      ];
      await put(aws, [
        metric([
          search("Invocations", "Sum"),
          search("InputTokenCount", "Sum"),
          search("InvocationLatency", "Average"),
        ]),
      ]);
    },
  ],
];

const nearMisses: NearMiss[] = [
  {
    name: "no latency",
    setup: async (s, aws) => {
      await calls(s, aws);
      await put(aws, [metric(consoleRows(PROFILE).slice(0, 3))]);
    },
    actual: /1 widget; not shown: latency$/,
    hint: /The dashboard has no latency: add the AWS\/Bedrock InvocationLatency metric/,
    hintVi: /chưa có độ trễ/,
  },
  {
    name: "latency from @duration (the original lab's widget 3)",
    setup: async (s, aws) => {
      await calls(s, aws);
      await put(aws, [
        metric(consoleRows(PROFILE).slice(0, 3)),
        log(
          "fields @timestamp, @duration | stats avg(@duration) as avgLatency, max(@duration) as maxLatency by bin(1h)",
        ),
      ]);
    },
    actual: /not shown: latency/,
    hint: /@duration exists only in Lambda logs, and Bedrock's records have no latency field/,
    hintVi: /@duration chỉ có trong log của Lambda/,
  },
  {
    name: "the wrong namespace",
    setup: async (s, aws) => {
      await calls(s, aws);
      await put(aws, [
        metric(consoleRows(PROFILE).map((r, i) => (i === 0 ? ["AWS/BedrockRuntime", ...r.slice(1)] : r))),
      ]);
    },
    actual: /not shown: invocation count, token usage, latency/,
    hint: /is in the namespace "AWS\/BedrockRuntime": Bedrock publishes its metrics under "AWS\/Bedrock"/,
    hintVi: /namespace "AWS\/BedrockRuntime"/,
  },
  {
    name: "the wrong Region in the widget's properties",
    setup: async (s, aws) => {
      await calls(s, aws);
      await put(aws, [metric(consoleRows(PROFILE), {}, "us-west-2")]);
    },
    actual: /widgets read us-west-2, not us-east-1/,
    hint: /set "region": "us-east-1"/,
    hintVi: /đặt "region": "us-east-1"/,
  },
  {
    name: "the bare model id while the calls went through the profile (issue 11 item 8)",
    setup: async (s, aws) => {
      await calls(s, aws); // five calls through the profile…
      for (let i = 0; i < 6; i++) await converse(aws, NOVA); // …and more on another model
      await put(aws, [metric(consoleRows("anthropic.claude-haiku-4-5-20251001-v1:0"))]);
    },
    actual: /have no data in us-east-1/,
    hint: /charts anthropic\.claude-haiku-4-5-20251001-v1:0 but your calls went through us\.anthropic\.claude-haiku-4-5-20251001-v1:0, amazon\.nova-lite-v1:0: chart the id that has data \(ModelId = us\.anthropic\.claude-haiku-4-5-20251001-v1:0\)/,
    hintVi: /hãy vẽ ID có dữ liệu \(ModelId = us\.anthropic/,
  },
  {
    name: "the original lab's token widget (top-level fields)",
    setup: async (s, aws) => {
      await calls(s, aws);
      await put(aws, [
        log("stats count(*) as invocations by bin(1h)"),
        log(
          "fields @timestamp, inputTokenCount, outputTokenCount | stats sum(inputTokenCount) as totalInput, sum(outputTokenCount) as totalOutput by bin(1h)",
        ),
        metric([["AWS/Bedrock", "InvocationLatency", "ModelId", PROFILE]]),
      ]);
    },
    actual: /not shown: token usage/,
    hint: /sums top-level inputTokenCount\/outputTokenCount, which do not exist: the counts are nested/,
    hintVi: /số token nằm lồng/,
  },
  {
    name: "log widgets over another group",
    setup: async (s, aws) => {
      await calls(s, aws);
      await put(aws, [
        log("stats count(*) by bin(1h)", "/my/app"),
        log("stats sum(input.inputTokenCount) by bin(1h)", "/my/app"),
        metric([["AWS/Bedrock", "InvocationLatency", "ModelId", PROFILE]]),
      ]);
    },
    actual: /not shown: invocation count, token usage/,
    hint: /The log widget reads \/my\/app, not \/aws\/bedrock\/model-invocations: its query must start with SOURCE/,
    hintVi: /Widget log đọc \/my\/app/,
  },
  {
    name: "the right dashboard under another name",
    setup: async (s, aws) => {
      await calls(s, aws);
      await put(aws, [metric(consoleRows(PROFILE))], "MyGenAI");
    },
    actual: /^no dashboard named GenAI-Monitoring$/,
    hint: /Your dashboard MyGenAI shows what it takes: save it as GenAI-Monitoring/,
    hintVi: /lưu nó dưới tên GenAI-Monitoring/,
  },
  {
    name: "no dashboard at all",
    setup: calls,
    actual: /^no dashboard named GenAI-Monitoring$/,
    hint: /Create a dashboard named GenAI-Monitoring/,
    hintVi: /Tạo dashboard tên GenAI-Monitoring/,
  },
  {
    name: "a dashboard before any call",
    setup: async (s, aws) => {
      await loggingByHand(s, aws);
      await put(aws, [metric(consoleRows(PROFILE))]);
    },
    actual: /have no data in us-east-1/,
    hint: /There is no AWS\/Bedrock data in us-east-1 over the last 24 hours: call the model first/,
    hintVi: /gọi model trước/,
  },
];

gradeTable("dashboard-shows-metrics", {
  correct,
  nearMisses,
  onPass: (result) => expect(result.status === "pass" && result.evidence?.actual).toBeTruthy(),
});
