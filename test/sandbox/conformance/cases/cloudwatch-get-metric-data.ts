/** CloudWatch GetMetricData: default labels, units, doubles, validation (sources: see cloudwatch.ts). */
import { expect } from "vitest";
import type { Clients } from "../../helpers.js";
import type { Protocolled } from "../runner.js";
import type { Case } from "./cloudwatch-common.js";
import { cwError, minutesAgo, MODEL, put, RECORDED, REF } from "./cloudwatch-common.js";

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

export const GET_METRIC_DATA_CASES: readonly Case[] = [
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
    expect: cwError(
      "ValidationError",
      "ValidationException",
      "The value 5xx for parameter MetricDataQueries.member.1.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.\n" +
        "The value Min for parameter MetricDataQueries.member.2.MetricStat.Stat is not a valid statistic.",
    ),
  },
];
