/**
 * CloudWatch (dashboards and metrics): every operation the sandbox implements, its success shape and its documented
 * errors. Sources: MODEL = botocore data/cloudwatch/2010-08-01/service-2.json (also the SDK's bundled schema);
 * REF = the CloudWatch API Reference page of the operation; RECORDED = real AWS responses recorded by LocalStack in
 * tests/aws/services/cloudwatch/test_cloudwatch.snapshot.json (named test), or quoted in the public issue named.
 */
import { GetMetricStatisticsCommand, PutDashboardCommand, PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import type { GetMetricStatisticsCommandOutput, MetricDatum } from "@aws-sdk/client-cloudwatch";
import { expect } from "vitest";
import type { Clients } from "../../helpers.js";
import type { ConformanceCase, Protocolled } from "../runner.js";
import { exactly } from "../runner.js";

type Case = ConformanceCase<Clients>;
const MODEL = "botocore data/cloudwatch/2010-08-01/service-2.json";
const REF = (op: string): string => `https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_${op}.html`;
const RECORDED = (test: string): string =>
  `recorded AWS response, LocalStack tests/aws/services/cloudwatch/test_cloudwatch.snapshot.json ${test}`;

const BODY = JSON.stringify({
  widgets: [
    {
      type: "metric",
      x: 0,
      y: 0,
      width: 6,
      height: 6,
      properties: { metrics: [["AWS/EC2", "CPUUtilization", "InstanceId", "i-12345678"]], region: "us-east-1" },
    },
  ],
});

const minutesAgo = (n: number): Date => new Date(Date.now() - n * 60_000);

async function put(p: Protocolled<Clients>, namespace: string, data: MetricDatum[]): Promise<void> {
  await p.client.send(new PutMetricDataCommand({ Namespace: namespace, MetricData: data }));
}

async function dashboard(p: Protocolled<Clients>, tag: string): Promise<string> {
  await p.client.send(new PutDashboardCommand({ DashboardName: `d-${tag}`, DashboardBody: BODY }));
  return `d-${tag}`;
}

/** Four Seconds values in metric1, now (test_label_generation puts 0, 2, 7, 100). */
const labelData = (p: Protocolled<Clients>, tag: string): Promise<void> =>
  put(
    p,
    `lab/${tag}`,
    [0, 2, 7, 100].map((Value) => ({ MetricName: "metric1", Value, Unit: "Seconds", Timestamp: new Date() })),
  );

function labelCase(name: string, pairs: [string, number][], labels: string[]): Case {
  return {
    op: "GetMetricData",
    name: `default labels: ${name}`,
    source: RECORDED("test_label_generation") + "; test_get_metric_data_with_zero_and_labels",
    setup: labelData,
    input: (tag) => ({
      MetricDataQueries: pairs.map(([Stat, Period], i) => ({
        Id: `q${i}`,
        MetricStat: { Metric: { Namespace: `lab/${tag}`, MetricName: "metric1" }, Period, Stat },
      })),
      StartTime: minutesAgo(2),
      EndTime: minutesAgo(-2),
    }),
    expect: (out) => {
      const results = out.MetricDataResults as { Label: string }[];
      expect(results.map((r) => r.Label)).toEqual(labels);
    },
  };
}

export const CLOUDWATCH_CASES: readonly Case[] = [
  {
    op: "PutDashboard",
    name: "stores a dashboard and answers no validation messages",
    source: `${MODEL} PutDashboardOutput; ${REF("PutDashboard")}`,
    input: (tag) => ({ DashboardName: `d-${tag}`, DashboardBody: BODY }),
    expect: (out) => expect(out.DashboardValidationMessages).toEqual([]),
  },
  {
    op: "PutDashboard",
    name: "an invalid name is InvalidParameterValue",
    source: RECORDED("test_invalid_dashboard_name"),
    input: () => ({ DashboardName: "Test Dashboard!", DashboardBody: BODY }),
    expect: {
      error: {
        code: "InvalidParameterValue",
        type: "InvalidParameterValueException",
        status: 400,
        message: exactly(
          "The value for field DashboardName contains invalid characters. It can only contain alphanumerics, dash (-) and underscore (_).\n",
        ),
      },
    },
  },
  {
    op: "PutDashboard",
    name: "an invalid body is DashboardInvalidInputError (InvalidParameterInput)",
    source: `${MODEL} DashboardInvalidInputError (code InvalidParameterInput, 400); ${REF("PutDashboard")}`,
    input: (tag) => ({ DashboardName: `d-${tag}`, DashboardBody: '{"widgets":[{"type":"metric"}]}' }),
    expect: {
      error: {
        code: "InvalidParameterInput",
        type: "DashboardInvalidInputError",
        status: 400,
        message: /^The dashboard body is invalid, there are 1 validation errors:/,
      },
    },
  },
  {
    op: "PutDashboard",
    name: "a missing body is a ValidationError in the front end's words",
    source: "recorded in aws/aws-cdk#182 (Value null at 'dashboardName' … Error Code: ValidationError)",
    input: (tag) => ({ DashboardName: `d-${tag}` }),
    expect: {
      error: {
        code: "ValidationError",
        type: "ValidationException",
        status: 400,
        message: exactly(
          "1 validation error detected: Value null at 'dashboardBody' failed to satisfy constraint: Member must not be null",
        ),
      },
    },
  },
  {
    op: "GetDashboard",
    name: "answers the body, name and ARN",
    source: RECORDED("test_dashboard_lifecycle"),
    setup: dashboard,
    input: (tag) => ({ DashboardName: `d-${tag}` }),
    expect: (out, { tag }) => {
      expect(out.DashboardName).toBe(`d-${tag}`);
      expect(out.DashboardArn).toBe(`arn:aws:cloudwatch::123456789012:dashboard/d-${tag}`);
      expect(JSON.parse(out.DashboardBody as string)).toEqual(JSON.parse(BODY));
    },
  },
  {
    op: "GetDashboard",
    name: "a missing dashboard is ResourceNotFound (404)",
    source: `${MODEL} DashboardNotFoundError; message recorded in hashicorp/terraform-provider-aws#25548`,
    input: (tag) => ({ DashboardName: `none-${tag}` }),
    expect: {
      error: {
        code: "ResourceNotFound",
        type: "DashboardNotFoundError",
        sdkName: "ResourceNotFound",
        status: 404,
        message: /^Dashboard none-\S+ does not exist$/,
      },
    },
  },
  {
    op: "ListDashboards",
    name: "lists entries with ARN, last-modified time and size",
    source: RECORDED("test_dashboard_lifecycle"),
    setup: dashboard,
    input: (tag) => ({ DashboardNamePrefix: `d-${tag}` }),
    expect: (out, { tag }) => {
      expect(out.DashboardEntries).toEqual([
        {
          DashboardName: `d-${tag}`,
          DashboardArn: `arn:aws:cloudwatch::123456789012:dashboard/d-${tag}`,
          LastModified: expect.any(Date),
          Size: BODY.length,
        },
      ]);
    },
  },
  {
    op: "ListDashboards",
    name: "a foreign NextToken is InvalidParameterValue",
    source: `${MODEL} ListDashboards errors`,
    input: () => ({ NextToken: "not-a-token" }),
    expect: { error: { code: "InvalidParameterValue", type: "InvalidParameterValueException", status: 400 } },
  },
  {
    op: "DeleteDashboards",
    name: "deletes (the Query reply holds an empty <DeleteDashboardsResult/>)",
    source: `${MODEL} DeleteDashboardsOutput (resultWrapper DeleteDashboardsResult); ${RECORDED("test_dashboard_lifecycle")}`,
    setup: dashboard,
    input: (tag) => ({ DashboardNames: [`d-${tag}`] }),
    expect: async (out, p) => {
      expect(out.$metadata).toMatchObject({ httpStatusCode: 200 });
      const body = p.replies[p.replies.length - 1]?.body.toString("utf8") ?? "";
      if (p.protocol === "query") expect(body).toContain("<DeleteDashboardsResult/>");
    },
  },
  {
    op: "DeleteDashboards",
    name: "a missing dashboard is ResourceNotFound (404) and nothing is deleted",
    source: REF("DeleteDashboards"),
    setup: dashboard,
    input: (tag) => ({ DashboardNames: [`d-${tag}`, `none-${tag}`] }),
    expect: {
      error: { code: "ResourceNotFound", type: "DashboardNotFoundError", sdkName: "ResourceNotFound", status: 404 },
    },
  },
  {
    op: "PutMetricData",
    name: "stores values (no output)",
    source: `${MODEL} PutMetricData has no output`,
    input: (tag) => ({ Namespace: `ns/${tag}`, MetricData: [{ MetricName: "m", Value: 1, Unit: "Count" }] }),
    expect: async (_out, p) => {
      const stats = (await p.client.send(
        new GetMetricStatisticsCommand({
          Namespace: `ns/${p.tag}`,
          MetricName: "m",
          StartTime: minutesAgo(2),
          EndTime: minutesAgo(-2),
          Period: 60,
          Statistics: ["Sum"],
        }),
      )) as GetMetricStatisticsCommandOutput;
      expect(stats.Datapoints?.map((d) => d.Sum)).toEqual([1]);
    },
  },
  {
    op: "PutMetricData",
    name: "Value with Values is InvalidParameterCombination",
    source: RECORDED("test_put_metric_data_validation"),
    input: (tag) => ({ Namespace: `ns/${tag}`, MetricData: [{ MetricName: "m", Value: 1, Values: [1, 2] }] }),
    expect: {
      error: {
        code: "InvalidParameterCombination",
        type: "InvalidParameterCombinationException",
        status: 400,
        message: exactly(
          "The parameters MetricData.member.1.Value and MetricData.member.1.Values are mutually exclusive and you have specified both.",
        ),
      },
    },
  },
  {
    op: "PutMetricData",
    name: "Value with StatisticValues is InvalidParameterCombination",
    source: RECORDED("test_put_metric_data_validation"),
    input: (tag) => ({
      Namespace: `ns/${tag}`,
      MetricData: [{ MetricName: "m", Value: 1, StatisticValues: { SampleCount: 1, Sum: 1, Minimum: 1, Maximum: 1 } }],
    }),
    expect: {
      error: {
        code: "InvalidParameterCombination",
        type: "InvalidParameterCombinationException",
        status: 400,
        message: exactly(
          "The parameters MetricData.member.1.Value and MetricData.member.1.StatisticValues are mutually exclusive and you have specified both.",
        ),
      },
    },
  },
  {
    op: "PutMetricData",
    name: "Values and Counts of different sizes are InvalidParameterValue",
    source: RECORDED("test_put_metric_data_validation"),
    input: (tag) => ({ Namespace: `ns/${tag}`, MetricData: [{ MetricName: "m", Values: [1, 2], Counts: [1] }] }),
    expect: {
      error: {
        code: "InvalidParameterValue",
        type: "InvalidParameterValueException",
        status: 400,
        message: exactly(
          "The parameters MetricData.member.1.Values and MetricData.member.1.Counts must be of the same size.",
        ),
      },
    },
  },
  {
    op: "PutMetricData",
    name: "no Namespace is MissingParameter",
    source: `${MODEL} MissingRequiredParameterException (code MissingParameter)`,
    input: () => ({ MetricData: [{ MetricName: "m", Value: 1 }] }),
    expect: { error: { code: "MissingParameter", type: "MissingRequiredParameterException", status: 400 } },
  },
  labelCase(
    "two statistics at two periods",
    [
      ["Sum", 60],
      ["Minimum", 30],
    ],
    ["metric1 Sum 60", "metric1 Minimum 30"],
  ),
  labelCase(
    "two statistics at one period",
    [
      ["Sum", 60],
      ["Minimum", 60],
    ],
    ["metric1 Sum", "metric1 Minimum"],
  ),
  labelCase(
    "one statistic at two periods",
    [
      ["Sum", 60],
      ["Sum", 30],
    ],
    ["metric1 60", "metric1 30"],
  ),
  labelCase(
    "four statistics at one period",
    [
      ["Average", 60],
      ["Sum", 60],
      ["Minimum", 60],
      ["Maximum", 60],
    ],
    ["metric1 Average", "metric1 Sum", "metric1 Minimum", "metric1 Maximum"],
  ),
  {
    op: "GetMetricData",
    name: "values are doubles, and a query with no unit over mixed units says MultipleUnits",
    source: RECORDED("test_get_metric_data_different_units_no_unit_in_query[*-metric_data2]"),
    setup: (p, tag) =>
      put(
        p,
        `u/${tag}`,
        [
          [60000, "Milliseconds"],
          [60, "Seconds"],
          [60000, "Milliseconds"],
          [60, "Seconds"],
          [5, "Count"],
        ].map(([Value, Unit]) => ({ MetricName: "m-test", Value: Value as number, Unit: Unit as "Count" })),
      ),
    input: (tag) => ({
      MetricDataQueries: [
        { Id: "m1", MetricStat: { Metric: { Namespace: `u/${tag}`, MetricName: "m-test" }, Period: 60, Stat: "Sum" } },
      ],
      StartTime: minutesAgo(2),
      EndTime: minutesAgo(-2),
    }),
    expect: (out) => {
      expect(out.Messages).toEqual([]);
      expect(out.MetricDataResults).toEqual([
        {
          Id: "m1",
          Label: "m-test",
          StatusCode: "Complete",
          Timestamps: [expect.any(Date)],
          Values: [5],
          Messages: [{ Code: "MultipleUnits", Value: "Multiple units returned: '[Count, Milliseconds, Seconds]'" }],
        },
      ]);
    },
  },
  {
    op: "GetMetricData",
    name: "a query with a unit reads only that unit, with no message",
    source: RECORDED("test_get_metric_data_with_different_units"),
    setup: (p, tag) =>
      put(p, `u/${tag}`, [
        { MetricName: "m-test", Value: 1, Unit: "Seconds" },
        { MetricName: "m-test", Value: 1, Unit: "Count" },
      ]),
    input: (tag) => ({
      MetricDataQueries: [
        {
          Id: "m1",
          MetricStat: {
            Metric: { Namespace: `u/${tag}`, MetricName: "m-test" },
            Period: 60,
            Stat: "Sum",
            Unit: "Seconds",
          },
        },
      ],
      StartTime: minutesAgo(2),
      EndTime: minutesAgo(-2),
      MaxDatapoints: 10,
    }),
    expect: (out) => {
      expect(out.MetricDataResults).toEqual([
        { Id: "m1", Label: "m-test", StatusCode: "Complete", Timestamps: [expect.any(Date)], Values: [1] },
      ]);
    },
  },
  {
    op: "GetMetricData",
    name: "an empty Dimensions list reads the metric without dimensions",
    source: `${REF("GetMetricData")} (Dimensions 0–30 items); issue 13`,
    setup: (p, tag) => put(p, `d/${tag}`, [{ MetricName: "m", Value: 3 }]),
    input: (tag) => ({
      MetricDataQueries: [
        {
          Id: "a",
          MetricStat: { Metric: { Namespace: `d/${tag}`, MetricName: "m", Dimensions: [] }, Period: 60, Stat: "Sum" },
        },
      ],
      StartTime: minutesAgo(2),
      EndTime: minutesAgo(-2),
    }),
    expect: (out) => expect((out.MetricDataResults as { Values: number[] }[])[0]?.Values).toEqual([3]),
  },
  {
    op: "GetMetricData",
    name: "a foreign NextToken is InvalidNextToken",
    source: `${MODEL} GetMetricData errors: InvalidNextToken`,
    input: () => ({
      MetricDataQueries: [
        { Id: "a", MetricStat: { Metric: { Namespace: "n", MetricName: "m" }, Period: 60, Stat: "Sum" } },
      ],
      StartTime: minutesAgo(2),
      EndTime: minutesAgo(-2),
      NextToken: "not-a-token",
    }),
    expect: { error: { code: "InvalidNextToken", status: 400 } },
  },
  {
    op: "GetMetricData",
    name: "id and statistic problems are one ValidationError, one line each",
    source: "recorded in influxdata/telegraf#5420 and prometheus-community/yet-another-cloudwatch-exporter#385",
    input: () => ({
      MetricDataQueries: [
        { Id: "5xx", MetricStat: { Metric: { Namespace: "n", MetricName: "m" }, Period: 60, Stat: "Sum" } },
        { Id: "b", MetricStat: { Metric: { Namespace: "n", MetricName: "m" }, Period: 60, Stat: "Min" } },
      ],
      StartTime: minutesAgo(2),
      EndTime: minutesAgo(-2),
    }),
    expect: {
      error: {
        code: "ValidationError",
        type: "ValidationException",
        status: 400,
        message: exactly(
          "The value 5xx for parameter MetricDataQueries.member.1.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.\n" +
            "The value Min for parameter MetricDataQueries.member.2.MetricStat.Stat is not a valid statistic.",
        ),
      },
    },
  },
  {
    op: "GetMetricStatistics",
    name: "one datapoint per unit, doubles throughout",
    source: RECORDED("test_handle_different_units"),
    setup: (p, tag) =>
      put(p, `s/${tag}`, [
        { MetricName: "m-test", Value: 1, Unit: "Seconds" },
        { MetricName: "m-test", Value: 5, Unit: "Count" },
        { MetricName: "m-test", Value: 10 },
      ]),
    input: (tag) => ({
      Namespace: `s/${tag}`,
      MetricName: "m-test",
      StartTime: minutesAgo(2),
      EndTime: minutesAgo(-2),
      Period: 60,
      Statistics: ["Average"],
    }),
    expect: (out) => {
      expect(out.Label).toBe("m-test");
      const points = (out.Datapoints as { Average: number; Unit: string }[]).map(({ Average, Unit }) => ({
        Average,
        Unit,
      }));
      expect(points.sort((a, b) => b.Average - a.Average)).toEqual([
        { Average: 10, Unit: "None" },
        { Average: 5, Unit: "Count" },
        { Average: 1, Unit: "Seconds" },
      ]);
    },
  },
  {
    op: "GetMetricStatistics",
    name: "extended statistics come back as a map",
    source: `${MODEL} Datapoint.ExtendedStatistics (map of double)`,
    setup: (p, tag) => put(p, `s/${tag}`, [{ MetricName: "m", Values: [1, 2, 3, 4], Unit: "Count" }]),
    input: (tag) => ({
      Namespace: `s/${tag}`,
      MetricName: "m",
      StartTime: minutesAgo(2),
      EndTime: minutesAgo(-2),
      Period: 60,
      ExtendedStatistics: ["p50", "p100"],
    }),
    expect: (out) => {
      const [point] = out.Datapoints as { ExtendedStatistics: Record<string, number> }[];
      expect(point?.ExtendedStatistics).toEqual({ p50: 2, p100: 4 });
    },
  },
  {
    op: "GetMetricStatistics",
    name: "too many datapoints is InvalidParameterCombination, numbers written plainly",
    source: RECORDED("test_invalid_amount_of_datapoints"),
    input: () => ({
      Namespace: "n",
      MetricName: "m",
      StartTime: new Date(Date.now() - 86_400_000),
      EndTime: new Date(),
      Period: 1,
      Statistics: ["Sum"],
    }),
    expect: {
      error: {
        code: "InvalidParameterCombination",
        type: "InvalidParameterCombinationException",
        status: 400,
        message: exactly(
          "You have requested up to 86400 datapoints, which exceeds the limit of 1440. You may reduce the datapoints requested by increasing Period, or decreasing the time range.",
        ),
      },
    },
  },
  {
    op: "GetMetricStatistics",
    name: "an inverted time range is InvalidParameterValue",
    source: RECORDED("test_invalid_amount_of_datapoints"),
    input: () => ({
      Namespace: "n",
      MetricName: "m",
      StartTime: new Date(),
      EndTime: minutesAgo(10),
      Period: 60,
      Statistics: ["Sum"],
    }),
    expect: {
      error: {
        code: "InvalidParameterValue",
        type: "InvalidParameterValueException",
        status: 400,
        message: exactly("The parameter StartTime must be less than the parameter EndTime."),
      },
    },
  },
  {
    op: "GetMetricStatistics",
    name: "no Period is MissingParameter",
    source: `${MODEL} MissingRequiredParameterException (code MissingParameter)`,
    input: () => ({
      Namespace: "n",
      MetricName: "m",
      StartTime: minutesAgo(10),
      EndTime: new Date(),
      Statistics: ["Sum"],
    }),
    expect: { error: { code: "MissingParameter", type: "MissingRequiredParameterException", status: 400 } },
  },
  {
    op: "ListMetrics",
    name: "lists the metric with its dimensions",
    source: RECORDED("test_multiple_dimensions_statistics"),
    setup: (p, tag) => put(p, `l/${tag}`, [{ MetricName: "m", Value: 1, Dimensions: [{ Name: "k", Value: "v" }] }]),
    input: (tag) => ({ Namespace: `l/${tag}` }),
    expect: (out, { tag }) =>
      expect(out.Metrics).toEqual([
        { Namespace: `l/${tag}`, MetricName: "m", Dimensions: [{ Name: "k", Value: "v" }] },
      ]),
  },
  {
    op: "ListMetrics",
    name: "with IncludeLinkedAccounts, names each metric's owning account",
    source: `${REF("ListMetrics")} (OwningAccounts)`,
    setup: (p, tag) => put(p, `l/${tag}`, [{ MetricName: "m", Value: 1 }]),
    input: (tag) => ({ Namespace: `l/${tag}`, IncludeLinkedAccounts: true }),
    expect: (out) => expect(out.OwningAccounts).toEqual(["123456789012"]),
  },
  {
    op: "ListMetrics",
    name: "a foreign NextToken is InvalidParameterValue",
    source: `${MODEL} ListMetrics errors`,
    input: () => ({ NextToken: "not-a-token" }),
    expect: { error: { code: "InvalidParameterValue", type: "InvalidParameterValueException", status: 400 } },
  },
];

/** Documented errors the sandbox never answers, and why. */
export const CLOUDWATCH_UNREACHABLE: Readonly<Record<string, string>> = {
  InternalServiceFault: "a server fault: the sandbox answers its own bugs with InternalFailure (500)",
  ConflictException: "concurrent modification: the sandbox applies writes one at a time",
  "GetDashboard:InvalidParameterValueException": "no input of GetDashboard is refused as a bad value by the sandbox",
  "DeleteDashboards:InvalidParameterValueException":
    "unknown names are ResourceNotFound (API reference); no other value is refused by the sandbox",
};
