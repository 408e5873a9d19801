/**
 * A week of per-minute AWS/Bedrock metrics (what `sandbox seed --hours 168 --rate 1` produces) must answer a
 * dashboard's GetMetricData in milliseconds. The bound is generous (CI machines vary); the measured median is
 * printed for the record.
 */
import { describe, expect, it } from "vitest";
import type { MetricDatum } from "../../../src/sandbox/cloudwatch/index.js";
import { ACCOUNT, NOW, call, newService } from "./service.js";

const MODEL = "us.anthropic.claude-3-5-sonnet-20241022-v2:0";
const MINUTES = 7 * 24 * 60;

describe("GetMetricData speed", () => {
  it("answers a week of per-minute data for four metrics in milliseconds", () => {
    const { service } = newService();
    const dims = [{ Name: "ModelId", Value: MODEL }];
    const data: MetricDatum[] = [];
    for (let i = 0; i < MINUTES; i += 1) {
      const Timestamp = new Date(NOW - (MINUTES - i) * 60_000);
      data.push(
        { MetricName: "Invocations", Dimensions: dims, Value: 1, Unit: "Count", Timestamp },
        { MetricName: "InvocationLatency", Dimensions: dims, Value: 800 + (i % 400), Unit: "Milliseconds", Timestamp },
        { MetricName: "InputTokenCount", Dimensions: dims, Value: 13 + (i % 7), Unit: "Count", Timestamp },
        { MetricName: "OutputTokenCount", Dimensions: dims, Value: 128, Unit: "Count", Timestamp },
      );
    }
    service.putMetricData(ACCOUNT, "us-east-1", "AWS/Bedrock", data, NOW);
    const queries = [
      ["calls", "Invocations", "Sum"],
      ["latency", "InvocationLatency", "p90"],
      ["input", "InputTokenCount", "Sum"],
      ["output", "OutputTokenCount", "Sum"],
    ].map(([Id, MetricName, Stat]) => ({
      Id,
      MetricStat: { Metric: { Namespace: "AWS/Bedrock", MetricName, Dimensions: dims }, Period: 300, Stat },
    }));
    const timings: number[] = [];
    let output: Record<string, unknown> = {};
    for (let run = 0; run < 7; run += 1) {
      const started = performance.now();
      output = call(service, "GetMetricData", {
        MetricDataQueries: queries,
        StartTime: new Date(NOW - MINUTES * 60_000),
        EndTime: new Date(NOW),
      });
      timings.push(performance.now() - started);
    }
    const results = output.MetricDataResults as { Values: number[] }[];
    expect(results.map((r) => r.Values.length)).toEqual([2016, 2016, 2016, 2016]);
    expect(results[0]?.Values.every((v) => v === 5)).toBe(true);
    const median = timings.sort((a, b) => a - b)[3] ?? Infinity;
    console.log(`GetMetricData, 4 metrics × 10,080 minutes, Period 300 (one with p90): median ${median.toFixed(1)} ms`);
    expect(median).toBeLessThan(250);
  });
});
