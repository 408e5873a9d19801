import { describe, expect, it } from "vitest";
import { ACCOUNT, NOW, call, ctx, failure, newService } from "./service.js";
import type { MetricDatum } from "../../../src/sandbox/cloudwatch/index.js";
import { encodeToken } from "../../../src/sandbox/cloudwatch/input.js";

const MODEL = "us.anthropic.claude-3-5-sonnet-20241022-v2:0";
const DIMS = [{ Name: "ModelId", Value: MODEL }];
const MINUTE = 60_000;

/** Latency samples: minute k (k = 0..9 before NOW) holds values 100·(k+1) and 100·(k+1)+50. */
function seeded(): ReturnType<typeof newService>["service"] {
  const { service } = newService();
  const data: MetricDatum[] = [];
  for (let k = 0; k < 10; k += 1) {
    const ts = new Date(NOW - (k + 1) * MINUTE + 5_000);
    data.push({
      MetricName: "InvocationLatency",
      Dimensions: DIMS,
      Value: 100 * (k + 1),
      Unit: "Milliseconds",
      Timestamp: ts,
    });
    data.push({
      MetricName: "InvocationLatency",
      Dimensions: DIMS,
      Value: 100 * (k + 1) + 50,
      Unit: "Milliseconds",
      Timestamp: ts,
    });
    data.push({ MetricName: "Invocations", Dimensions: DIMS, Value: 2, Unit: "Count", Timestamp: ts });
  }
  service.putMetricData(ACCOUNT, "us-east-1", "AWS/Bedrock", data, NOW);
  return service;
}

function query(
  id: string,
  metricName: string,
  stat: string,
  period = 60,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    Id: id,
    MetricStat: {
      Metric: { Namespace: "AWS/Bedrock", MetricName: metricName, Dimensions: DIMS },
      Period: period,
      Stat: stat,
    },
    ...extra,
  };
}

function getData(
  service: ReturnType<typeof newService>["service"],
  queries: unknown[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return call(service, "GetMetricData", {
    MetricDataQueries: queries,
    StartTime: new Date(NOW - 10 * MINUTE),
    EndTime: new Date(NOW),
    ...extra,
  });
}

type Result = { Id: string; Label: string; Timestamps: Date[]; Values: number[]; StatusCode: string };
const results = (output: Record<string, unknown>): Result[] => output.MetricDataResults as Result[];

describe("GetMetricData", () => {
  it("answers newest first by default, labelled with the metric name", () => {
    const output = getData(seeded(), [query("calls", "Invocations", "Sum", 300)]);
    expect(output).toEqual({
      MetricDataResults: [
        {
          Id: "calls",
          Label: "Invocations",
          Timestamps: [new Date(NOW - 5 * MINUTE), new Date(NOW - 10 * MINUTE)],
          Values: [10, 10],
          StatusCode: "Complete",
        },
      ],
      Messages: [],
    });
  });

  it("computes every statistic per period", () => {
    const output = getData(
      seeded(),
      ["Sum", "Average", "Minimum", "Maximum", "SampleCount", "p50", "p90", "p99.9", "tm90", "IQM", "TM(10%:90%)"].map(
        (stat, i) => query(`q${i}`, "InvocationLatency", stat, 600, { Label: stat }),
      ),
    );
    // One 10-minute period holding 100, 150, 200, 250, …, 1000, 1050 (20 samples).
    const samples = Array.from({ length: 10 }, (_, k) => [100 * (k + 1), 100 * (k + 1) + 50]).flat();
    const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
    const expected: Record<string, number> = {
      Sum: samples.reduce((a, b) => a + b, 0),
      Average: mean(samples),
      Minimum: 100,
      Maximum: 1050,
      SampleCount: 20,
      p50: 550, // rank 10 of 20
      p90: 950, // rank 18
      "p99.9": 1050, // rank 20
      tm90: mean(samples.slice(0, 18)),
      IQM: mean(samples.slice(5, 15)),
      "TM(10%:90%)": mean(samples.slice(2, 18)),
    };
    for (const result of results(output)) {
      expect([result.Label, result.Values]).toEqual([result.Label, [expected[result.Label]]]);
      expect(result.Timestamps).toEqual([new Date(NOW - 10 * MINUTE)]);
    }
  });

  it("scans ascending on request and leaves out ReturnData=false queries", () => {
    const output = getData(
      seeded(),
      [query("a", "Invocations", "Sum", 300), query("hidden", "Invocations", "Sum", 300, { ReturnData: false })],
      { ScanBy: "TimestampAscending" },
    );
    expect(results(output).map((r) => [r.Id, r.Timestamps])).toEqual([
      ["a", [new Date(NOW - 10 * MINUTE), new Date(NOW - 5 * MINUTE)]],
    ]);
  });

  it("aligns periods to the minute-rounded start time", () => {
    const output = call(seeded(), "GetMetricData", {
      MetricDataQueries: [query("a", "Invocations", "Sum", 180)],
      StartTime: new Date(NOW - 9 * MINUTE - 27_000),
      EndTime: new Date(NOW),
      ScanBy: "TimestampAscending",
    });
    const [result] = results(output);
    expect(result?.Timestamps).toEqual(
      [NOW - 10 * MINUTE, NOW - 7 * MINUTE, NOW - 4 * MINUTE, NOW - MINUTE].map((t) => new Date(t)),
    );
    expect(result?.Values).toEqual([6, 6, 6, 2]);
  });

  it("fills dynamic labels", () => {
    const output = getData(seeded(), [
      query("a", "Invocations", "Sum", 300, {
        Label:
          "${PROP('Dim.ModelId')} ${PROP('Stat')}/${PROP('Period')}s: total ${SUM}, max ${MAX}, ${DATAPOINT_COUNT} points ${UNKNOWN}",
      }),
    ]);
    expect(results(output)[0]?.Label).toBe(`${MODEL} Sum/300s: total 20, max 10, 2 points \${UNKNOWN}`);
  });

  it("matches dimensions exactly and filters by unit", () => {
    const service = seeded();
    const noDims = {
      Id: "a",
      MetricStat: { Metric: { Namespace: "AWS/Bedrock", MetricName: "Invocations" }, Period: 300, Stat: "Sum" },
    };
    expect(results(getData(service, [noDims]))[0]?.Values).toEqual([]);
    const wrongUnit = query("a", "Invocations", "Sum", 300);
    (wrongUnit.MetricStat as Record<string, unknown>).Unit = "Seconds";
    expect(results(getData(service, [wrongUnit]))[0]?.Values).toEqual([]);
    (wrongUnit.MetricStat as Record<string, unknown>).Unit = "Count";
    expect(results(getData(service, [wrongUnit]))[0]?.Values).toEqual([10, 10]);
  });

  it("keeps Regions and accounts apart; another account's query is Forbidden", () => {
    const service = seeded();
    expect(results(getData(service, [query("a", "Invocations", "Sum", 300)]))[0]?.Values).toHaveLength(2);
    const other = call(
      service,
      "GetMetricData",
      { MetricDataQueries: [query("a", "Invocations", "Sum", 300)], StartTime: NOW / 1000 - 600, EndTime: NOW / 1000 },
      ctx({ region: "us-west-2" }),
    );
    expect(results(other)[0]?.Values).toEqual([]);
    const forbidden = getData(service, [query("a", "Invocations", "Sum", 300, { AccountId: "210987654321" })]);
    expect(results(forbidden)[0]).toMatchObject({ StatusCode: "Forbidden", Values: [] });
  });

  it("paginates by MaxDatapoints across queries with PartialData, then completes", () => {
    const service = seeded();
    const queries = [query("a", "InvocationLatency", "Maximum"), query("b", "Invocations", "Sum")];
    const full = results(getData(service, queries));
    expect(full.map((r) => r.Values.length)).toEqual([10, 10]);
    const collected: Record<string, number[]> = { a: [], b: [] };
    const statuses: string[][] = [];
    let token: unknown;
    do {
      const page = getData(service, queries, {
        MaxDatapoints: 7,
        ...(token === undefined ? {} : { NextToken: token }),
      });
      for (const result of results(page)) collected[result.Id]?.push(...result.Values);
      statuses.push(results(page).map((r) => r.StatusCode));
      token = page.NextToken;
    } while (token !== undefined);
    expect(collected).toEqual({ a: full[0]?.Values, b: full[1]?.Values });
    expect(statuses).toEqual([
      ["PartialData", "PartialData"],
      ["Complete", "PartialData"],
      ["Complete", "Complete"],
    ]);
    const error = failure(service, "GetMetricData", {
      MetricDataQueries: [query("z", "Invocations", "Sum")],
      StartTime: NOW / 1000 - 600,
      EndTime: NOW / 1000,
      NextToken: token ?? "x",
    });
    expect(error.code).toBe("InvalidNextToken");
    // A token of the right kind whose payload is not what GetMetricData wrote is invalid too, never an internal error.
    const forged = encodeToken("gmd", "not json");
    expect(
      failure(service, "GetMetricData", {
        MetricDataQueries: [query("z", "Invocations", "Sum")],
        StartTime: NOW / 1000 - 600,
        EndTime: NOW / 1000,
        NextToken: forged,
      }).code,
    ).toBe("InvalidNextToken");
  });

  it("leaves out periods whose percentiles AWS cannot compute", () => {
    const { service } = newService();
    service.putMetricData(
      ACCOUNT,
      "us-east-1",
      "n",
      [
        {
          MetricName: "m",
          StatisticValues: { SampleCount: 2, Sum: 30, Minimum: 10, Maximum: 20 },
          Timestamp: new Date(NOW - 9 * MINUTE),
        },
        {
          MetricName: "m",
          StatisticValues: { SampleCount: 3, Sum: 15, Minimum: 5, Maximum: 5 },
          Timestamp: new Date(NOW - 4 * MINUTE),
        },
        { MetricName: "m", Values: [-1, 4], Timestamp: new Date(NOW - 2 * MINUTE) },
      ],
      NOW,
    );
    const ask = (stat: string): Result | undefined =>
      results(
        call(service, "GetMetricData", {
          MetricDataQueries: [
            { Id: "q", MetricStat: { Metric: { Namespace: "n", MetricName: "m" }, Period: 60, Stat: stat } },
          ],
          StartTime: NOW / 1000 - 600,
          EndTime: NOW / 1000,
          ScanBy: "TimestampAscending",
        }),
      )[0];
    expect(ask("Sum")?.Values).toEqual([30, 15, 3]);
    expect(ask("p50")).toMatchObject({ Timestamps: [new Date(NOW - 4 * MINUTE)], Values: [5] });
  });

  const member = "MetricDataQueries.member.1";
  it.each([
    [
      "an uppercase Id",
      [{ ...query("a", "Invocations", "Sum"), Id: "Calls" }],
      `The value Calls for parameter ${member}.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.`,
    ],
    ["no MetricStat", [{ Id: "a" }], `The parameter ${member}.MetricStat is required.\n`],
    [
      "a metric math expression",
      [{ Id: "e", Expression: "SUM(METRICS())" }],
      `Metric math is not supported by the genai-lab sandbox: ${member}.Expression. Query each metric with MetricStat instead.`,
    ],
    [
      "no namespace",
      [{ Id: "a", MetricStat: { Metric: { MetricName: "m" }, Period: 60, Stat: "Sum" } }],
      `The parameter ${member}.MetricStat.Metric.Namespace is required.\n`,
    ],
    [
      "a 90-second period",
      [query("a", "Invocations", "Sum", 90)],
      `The parameter ${member}.MetricStat.Period must be 1, 5, 10, 20, 30, or a multiple of 60.`,
    ],
    [
      "an unknown statistic",
      [query("a", "Invocations", "Total")],
      `The value Total for parameter ${member}.MetricStat.Stat is not a valid statistic.`,
    ],
    [
      "p101",
      [query("a", "Invocations", "p101")],
      `The value p101 for parameter ${member}.MetricStat.Stat is not a valid statistic.`,
    ],
    [
      "duplicate ids",
      [query("a", "Invocations", "Sum"), query("a", "Invocations", "Sum")],
      "The values for parameter id in MetricDataQueries are not unique.",
    ],
    // Every id and statistic problem at once, one per line (recorded in influxdata/telegraf#5420).
    [
      "bad ids and a bad statistic in several queries",
      [
        { ...query("a", "Invocations", "Sum"), Id: "5xx_sum" },
        { ...query("b", "Invocations", "Min") },
        { ...query("c", "Invocations", "Sum"), Id: "Upper" },
      ],
      [
        "The value 5xx_sum for parameter MetricDataQueries.member.1.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.",
        "The value Min for parameter MetricDataQueries.member.2.MetricStat.Stat is not a valid statistic.",
        "The value Upper for parameter MetricDataQueries.member.3.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.",
      ].join("\n"),
    ],
  ])("refuses %s with a ValidationError", (_name, queries, message) => {
    const error = failure(seeded(), "GetMetricData", {
      MetricDataQueries: queries,
      StartTime: NOW / 1000 - 600,
      EndTime: NOW / 1000,
    });
    expect([error.queryCode, error.status, error.message]).toEqual(["ValidationError", 400, message]);
  });

  it("refuses an empty or inverted time range", () => {
    const error = failure(seeded(), "GetMetricData", {
      MetricDataQueries: [query("a", "Invocations", "Sum")],
      StartTime: NOW / 1000,
      EndTime: NOW / 1000,
    });
    expect([error.queryCode, error.message]).toEqual([
      "ValidationError",
      "The parameter StartTime must be less than the parameter EndTime.",
    ]);
  });
});

describe("GetMetricStatistics", () => {
  const base = {
    Namespace: "AWS/Bedrock",
    MetricName: "InvocationLatency",
    Dimensions: DIMS,
    StartTime: NOW / 1000 - 600,
    EndTime: NOW / 1000,
    Period: 300,
  };

  it("answers Statistics and ExtendedStatistics per period, oldest first", () => {
    const output = call(seeded(), "GetMetricStatistics", {
      ...base,
      Statistics: ["Average", "Maximum", "SampleCount"],
      ExtendedStatistics: ["p90", "IQM"],
    });
    expect(output).toEqual({
      Label: "InvocationLatency",
      Datapoints: [
        {
          Timestamp: new Date(NOW - 10 * MINUTE),
          SampleCount: 10,
          Average: 825,
          Maximum: 1050,
          Unit: "Milliseconds",
          ExtendedStatistics: { p90: 1000, IQM: 825 },
        },
        {
          Timestamp: new Date(NOW - 5 * MINUTE),
          SampleCount: 10,
          Average: 325,
          Maximum: 550,
          Unit: "Milliseconds",
          ExtendedStatistics: { p90: 500, IQM: 325 },
        },
      ],
    });
  });

  it("does not add up other dimension combinations", () => {
    expect(call(seeded(), "GetMetricStatistics", { ...base, Dimensions: [], Statistics: ["Sum"] }).Datapoints).toEqual(
      [],
    );
  });

  it.each([
    ["no statistics", {}, "InvalidParameterCombination", "Must specify either Statistics or ExtendedStatistics"],
    [
      "an unknown statistic",
      { Statistics: ["Total"] },
      "InvalidParameterValue",
      "The value Total for parameter Statistics.member.1 is invalid.",
    ],
    [
      "a bad percentile",
      { ExtendedStatistics: ["p"] },
      "InvalidParameterValue",
      "The value p for parameter ExtendedStatistics.member.1 is invalid.",
    ],
    [
      "a 90-second period",
      { Statistics: ["Sum"], Period: 90 },
      "InvalidParameterValue",
      "The parameter Period must be a multiple of 60.",
    ],
    [
      "an inverted range",
      { Statistics: ["Sum"], EndTime: NOW / 1000 - 900 },
      "InvalidParameterValue",
      "The parameter StartTime must be less than the parameter EndTime.",
    ],
    [
      // Numbers without grouping, as recorded by LocalStack (test_invalid_amount_of_datapoints: "up to 86400 datapoints").
      "1441 datapoints",
      { Statistics: ["Sum"], Period: 60, StartTime: NOW / 1000 - 1441 * 60 },
      "InvalidParameterCombination",
      "You have requested up to 1441 datapoints, which exceeds the limit of 1440. You may reduce the datapoints requested by increasing Period, or decreasing the time range.",
    ],
    ["no period", { Statistics: ["Sum"], Period: undefined }, "MissingParameter", "The parameter Period is required."],
    [
      "no metric name",
      { Statistics: ["Sum"], MetricName: undefined },
      "MissingParameter",
      "The parameter MetricName is required.",
    ],
  ])("refuses %s", (_name, extra, queryCode, message) => {
    const error = failure(seeded(), "GetMetricStatistics", { ...base, ...extra });
    expect([error.queryCode, error.status, error.message]).toEqual([queryCode, 400, message]);
  });
});
