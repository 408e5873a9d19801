import { describe, expect, it } from "vitest";
import { NOW, call, ctx, failure, newService } from "./service.js";

const M1 = "MetricData.member.1";

describe("PutMetricData", () => {
  it("stores a datum and lists its metric", () => {
    const { service } = newService();
    expect(
      call(service, "PutMetricData", {
        Namespace: "GenAI/Lab",
        MetricData: [
          { MetricName: "Latency", Dimensions: [{ Name: "Model", Value: "nova" }], Value: 12, Unit: "Milliseconds" },
        ],
      }),
    ).toEqual({});
    expect(call(service, "ListMetrics", {})).toEqual({
      Metrics: [{ Namespace: "GenAI/Lab", MetricName: "Latency", Dimensions: [{ Name: "Model", Value: "nova" }] }],
    });
  });

  it.each([
    [
      "an AWS/ namespace",
      { Namespace: "AWS/Bedrock", MetricData: [{ MetricName: "m", Value: 1 }] },
      "InvalidParameterValue",
      "The value AWS/ for parameter Namespace is invalid.",
    ],
    [
      "no namespace",
      { MetricData: [{ MetricName: "m", Value: 1 }] },
      "MissingParameter",
      "The parameter Namespace is required.",
    ],
    [
      "a namespace starting with a colon",
      { Namespace: ":x", MetricData: [{ MetricName: "m", Value: 1 }] },
      "InvalidParameterValue",
      "The value :x for parameter Namespace is invalid.",
    ],
    ["no data", { Namespace: "n" }, "MissingParameter", "The parameter MetricData is required."],
    [
      "1,001 items",
      { Namespace: "n", MetricData: Array.from({ length: 1001 }, () => ({ MetricName: "m", Value: 1 })) },
      "InvalidParameterValue",
      "The collection MetricData must not have a size greater than 1000.",
    ],
    [
      "no metric name",
      { Namespace: "n", MetricData: [{ Value: 1 }] },
      "MissingParameter",
      `The parameter ${M1}.MetricName is required.`,
    ],
    [
      // Recorded by LocalStack (test_cloudwatch.snapshot.json, test_put_metric_data_validation, all three protocols).
      "Value and Values",
      { Namespace: "n", MetricData: [{ MetricName: "m", Value: 1, Values: [1] }] },
      "InvalidParameterCombination",
      `The parameters ${M1}.Value and ${M1}.Values are mutually exclusive and you have specified both.`,
    ],
    [
      "Value and StatisticValues",
      {
        Namespace: "n",
        MetricData: [
          { MetricName: "m", Value: 1, StatisticValues: { SampleCount: 1, Sum: 1, Minimum: 1, Maximum: 1 } },
        ],
      },
      "InvalidParameterCombination",
      `The parameters ${M1}.Value and ${M1}.StatisticValues are mutually exclusive and you have specified both.`,
    ],
    [
      "Values and Counts of different sizes",
      { Namespace: "n", MetricData: [{ MetricName: "m", Values: [1, 10], Counts: [2, 4, 1] }] },
      "InvalidParameterValue",
      `The parameters ${M1}.Values and ${M1}.Counts must be of the same size.`,
    ],
    [
      "NaN",
      { Namespace: "n", MetricData: [{ MetricName: "m", Value: "NaN" }] },
      "InvalidParameterValue",
      `The value NaN for parameter ${M1}.Value is invalid.`,
    ],
    [
      "an incomplete statistic set",
      { Namespace: "n", MetricData: [{ MetricName: "m", StatisticValues: { Sum: 1, Minimum: 1 } }] },
      "MissingParameter",
      `The parameter ${M1}.StatisticValues.Maximum is required.\nThe parameter ${M1}.StatisticValues.SampleCount is required.`,
    ],
    [
      // Recorded in AdRoll/goamz#301.
      "no value at all",
      { Namespace: "n", MetricData: [{ MetricName: "m" }] },
      "InvalidParameterCombination",
      `At least one of the parameters ${M1}.Value and ${M1}.StatisticValues must be specified.`,
    ],
    [
      "an unknown unit",
      { Namespace: "n", MetricData: [{ MetricName: "m", Value: 1, Unit: "Tokens" }] },
      "InvalidParameterValue",
      `The value Tokens for parameter ${M1}.Unit is invalid.`,
    ],
    [
      "a timestamp three hours ahead",
      { Namespace: "n", MetricData: [{ MetricName: "m", Value: 1, Timestamp: NOW / 1000 + 3 * 3600 }] },
      "InvalidParameterValue",
      `The parameter ${M1}.Timestamp must specify a time within the past two weeks.`,
    ],
    [
      "a timestamp three weeks old",
      { Namespace: "n", MetricData: [{ MetricName: "m", Value: 1, Timestamp: new Date(NOW - 21 * 86_400_000) }] },
      "InvalidParameterValue",
      `The parameter ${M1}.Timestamp must specify a time within the past two weeks.`,
    ],
    [
      "31 dimensions",
      {
        Namespace: "n",
        MetricData: [
          {
            MetricName: "m",
            Value: 1,
            Dimensions: Array.from({ length: 31 }, (_, i) => ({ Name: `d${i}`, Value: "v" })),
          },
        ],
      },
      "InvalidParameterValue",
      `The collection ${M1}.Dimensions must not have a size greater than 30.`,
    ],
    [
      "a dimension without value",
      { Namespace: "n", MetricData: [{ MetricName: "m", Value: 1, Dimensions: [{ Name: "d" }] }] },
      "MissingParameter",
      `The parameter ${M1}.Dimensions.member.1.Value is required.`,
    ],
  ])("refuses %s", (_name, input, queryCode, message) => {
    const { service } = newService();
    const error = failure(service, "PutMetricData", input);
    expect([error.queryCode, error.status, error.message]).toEqual([queryCode, 400, message]);
    expect(call(service, "ListMetrics", {})).toEqual({ Metrics: [] });
  });

  it("stores nothing when any datum of a batch is invalid", () => {
    const { service } = newService();
    failure(service, "PutMetricData", {
      Namespace: "n",
      MetricData: [{ MetricName: "ok", Value: 1 }, { MetricName: "bad" }],
    });
    expect(call(service, "ListMetrics", {})).toEqual({ Metrics: [] });
  });

  it("accepts timestamps as epoch seconds, ISO strings and Dates, and numbers as strings (AWS Query)", () => {
    const { service } = newService();
    call(service, "PutMetricData", {
      Namespace: "n",
      MetricData: [
        { MetricName: "m", Value: 1, Timestamp: NOW / 1000 - 60 },
        { MetricName: "m", Value: "2", Timestamp: new Date(NOW - 60_000).toISOString() },
        { MetricName: "m", Value: 3, Timestamp: new Date(NOW - 60_000) },
      ],
    });
    const stats = call(service, "GetMetricStatistics", {
      Namespace: "n",
      MetricName: "m",
      StartTime: NOW / 1000 - 600,
      EndTime: NOW / 1000,
      Period: "60",
      Statistics: { member: ["Sum", "SampleCount"] },
    });
    expect(stats.Datapoints).toEqual([{ Timestamp: new Date(NOW - 60_000), SampleCount: 3, Sum: 6, Unit: "None" }]);
  });

  it("lets the sandbox's own producers write AWS/ namespaces and backfill", () => {
    const { service } = newService();
    const old = new Date(NOW - 30 * 86_400_000);
    service.putMetricData(
      "123456789012",
      "us-east-1",
      "AWS/Bedrock",
      [
        {
          MetricName: "Invocations",
          Dimensions: [{ Name: "ModelId", Value: "m" }],
          Value: 1,
          Unit: "Count",
          Timestamp: old,
        },
      ],
      NOW,
    );
    expect(call(service, "ListMetrics", { Namespace: "AWS/Bedrock" }).Metrics).toEqual([
      { Namespace: "AWS/Bedrock", MetricName: "Invocations", Dimensions: [{ Name: "ModelId", Value: "m" }] },
    ]);
    expect(() => service.putMetricData("123456789012", "us-east-1", "AWS/Bedrock", [{ MetricName: "x" }], NOW)).toThrow(
      "At least one of the parameters MetricData.member.1.Value and MetricData.member.1.StatisticValues must be specified.",
    );
  });
});

describe("ListMetrics", () => {
  function seeded(): ReturnType<typeof newService>["service"] {
    const { service } = newService();
    service.putMetricData(
      "123456789012",
      "us-east-1",
      "AWS/Bedrock",
      [
        { MetricName: "Invocations", Dimensions: [{ Name: "ModelId", Value: "a" }], Value: 1 },
        { MetricName: "Invocations", Dimensions: [{ Name: "ModelId", Value: "b" }], Value: 1 },
        { MetricName: "InputTokenCount", Dimensions: [{ Name: "ModelId", Value: "a" }], Value: 1 },
        { MetricName: "ModelInvocationLogsCloudWatchDeliverySuccess", Value: 1 },
        { MetricName: "Invocations", Dimensions: [{ Name: "ModelId", Value: "a" }], Value: 5 },
      ],
      NOW,
    );
    service.putMetricData("123456789012", "us-west-2", "AWS/Bedrock", [{ MetricName: "Invocations", Value: 1 }], NOW);
    return service;
  }

  it("lists each metric once, per Region, filtered by name and dimensions", () => {
    const service = seeded();
    const names = (input: Record<string, unknown>, context = ctx()): string[] =>
      (
        call(service, "ListMetrics", input, context).Metrics as {
          MetricName: string;
          Dimensions: { Value: string }[];
        }[]
      ).map((m) => `${m.MetricName}${m.Dimensions.map((d) => `/${d.Value}`).join("")}`);
    expect(names({})).toEqual([
      "InputTokenCount/a",
      "Invocations/a",
      "Invocations/b",
      "ModelInvocationLogsCloudWatchDeliverySuccess",
    ]);
    expect(names({ MetricName: "Invocations" })).toEqual(["Invocations/a", "Invocations/b"]);
    expect(names({ Dimensions: [{ Name: "ModelId" }] })).toEqual([
      "InputTokenCount/a",
      "Invocations/a",
      "Invocations/b",
    ]);
    expect(names({ Dimensions: [{ Name: "ModelId", Value: "b" }] })).toEqual(["Invocations/b"]);
    expect(names({ Namespace: "Other" })).toEqual([]);
    expect(names({}, ctx({ region: "us-west-2" }))).toEqual(["Invocations"]);
    expect(names({}, ctx({ accountId: "210987654321" }))).toEqual([]);
  });

  it("hides metrics without data for two weeks, and honours RecentlyActive=PT3H", () => {
    const service = seeded();
    expect(
      (call(service, "ListMetrics", { RecentlyActive: "PT3H" }, ctx({ now: NOW + 2 * 3600_000 })).Metrics as unknown[])
        .length,
    ).toBe(4);
    expect(call(service, "ListMetrics", { RecentlyActive: "PT3H" }, ctx({ now: NOW + 4 * 3600_000 })).Metrics).toEqual(
      [],
    );
    expect(call(service, "ListMetrics", {}, ctx({ now: NOW + 15 * 86_400_000 })).Metrics).toEqual([]);
  });

  it("pages 500 metrics at a time", () => {
    const { service } = newService();
    for (let batch = 0; batch < 2; batch += 1) {
      service.putMetricData(
        "123456789012",
        "us-east-1",
        "n",
        Array.from({ length: 600 }, (_, i) => ({
          MetricName: "m",
          Dimensions: [{ Name: "i", Value: String(batch * 600 + i).padStart(4, "0") }],
          Value: 1,
        })),
        NOW,
      );
    }
    const pages: number[] = [];
    let token: unknown;
    do {
      const page = call(service, "ListMetrics", token === undefined ? {} : { NextToken: token });
      pages.push((page.Metrics as unknown[]).length);
      token = page.NextToken;
    } while (token !== undefined);
    expect(pages).toEqual([500, 500, 200]);
    expect(failure(service, "ListMetrics", { NextToken: "nope" }).queryCode).toBe("InvalidParameterValue");
  });
});
