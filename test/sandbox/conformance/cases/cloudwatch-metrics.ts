/** CloudWatch metrics: PutMetricData, GetMetricData, GetMetricStatistics, ListMetrics (sources: see cloudwatch.ts). */
import { GetMetricStatisticsCommand } from "@aws-sdk/client-cloudwatch";
import type { GetMetricStatisticsCommandOutput } from "@aws-sdk/client-cloudwatch";
import { expect } from "vitest";
import type { Case } from "./cloudwatch-common.js";
import { cwError, minutesAgo, MODEL, put, RECORDED, REF } from "./cloudwatch-common.js";

export const METRIC_CASES: readonly Case[] = [
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
    expect: cwError(
      "InvalidParameterCombination",
      "InvalidParameterCombinationException",
      "The parameters MetricData.member.1.Value and MetricData.member.1.Values are mutually exclusive and you have specified both.",
    ),
  },
  {
    op: "PutMetricData",
    name: "Value with StatisticValues is InvalidParameterCombination",
    source: RECORDED("test_put_metric_data_validation"),
    input: (tag) => ({
      Namespace: `ns/${tag}`,
      MetricData: [{ MetricName: "m", Value: 1, StatisticValues: { SampleCount: 1, Sum: 1, Minimum: 1, Maximum: 1 } }],
    }),
    expect: cwError(
      "InvalidParameterCombination",
      "InvalidParameterCombinationException",
      "The parameters MetricData.member.1.Value and MetricData.member.1.StatisticValues are mutually exclusive and you have specified both.",
    ),
  },
  {
    op: "PutMetricData",
    name: "Values and Counts of different sizes are InvalidParameterValue",
    source: RECORDED("test_put_metric_data_validation"),
    input: (tag) => ({ Namespace: `ns/${tag}`, MetricData: [{ MetricName: "m", Values: [1, 2], Counts: [1] }] }),
    expect: cwError(
      "InvalidParameterValue",
      "InvalidParameterValueException",
      "The parameters MetricData.member.1.Values and MetricData.member.1.Counts must be of the same size.",
    ),
  },
  {
    op: "PutMetricData",
    name: "no Namespace is MissingParameter",
    source: `${MODEL} MissingRequiredParameterException (code MissingParameter)`,
    input: () => ({ MetricData: [{ MetricName: "m", Value: 1 }] }),
    expect: cwError("MissingParameter", "MissingRequiredParameterException"),
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
    expect: cwError(
      "InvalidParameterCombination",
      "InvalidParameterCombinationException",
      "You have requested up to 86400 datapoints, which exceeds the limit of 1440. You may reduce the datapoints requested by increasing Period, or decreasing the time range.",
    ),
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
    expect: cwError(
      "InvalidParameterValue",
      "InvalidParameterValueException",
      "The parameter StartTime must be less than the parameter EndTime.",
    ),
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
    expect: cwError("MissingParameter", "MissingRequiredParameterException"),
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
    expect: cwError("InvalidParameterValue", "InvalidParameterValueException"),
  },
];
