/**
 * GetMetricData against a straightforward reference: expand every datum into unit samples, bucket them by period from
 * the minute-rounded start, and compute each statistic on the sorted samples (nearest-rank percentiles; trimmed means
 * weighting each sample by how much of its rank interval (i-1, i] lies inside (lo%·N, hi%·N]).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MetricDatum } from "../../../src/sandbox/cloudwatch/index.js";
import { ACCOUNT, NOW, call, newService } from "./service.js";

const WINDOW_MS = 3 * 3600_000;
const BASE = NOW - WINDOW_MS;
const STATS = [
  "Sum",
  "Average",
  "Minimum",
  "Maximum",
  "SampleCount",
  "p0",
  "p10",
  "p50",
  "p90",
  "p99",
  "p100",
  "p33.3",
  "tm90",
  "IQM",
  "TM(10%:60%)",
];

interface Generated {
  offsetMs: number;
  values: [number, number][];
  asSet: boolean;
}

const datum = fc.record({
  offsetMs: fc.integer({ min: 0, max: WINDOW_MS - 1 }),
  values: fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 4 })), {
    minLength: 1,
    maxLength: 4,
  }),
  asSet: fc.boolean(),
});

/** Publishes one generated datum as a Value, Values/Counts, or a statistic set with Minimum = Maximum. */
function toDatum(item: Generated): MetricDatum {
  const Timestamp = new Date(BASE + item.offsetMs);
  const [first] = item.values;
  if (item.values.length === 1 && first !== undefined && first[1] === 1)
    return { MetricName: "m", Value: first[0], Timestamp };
  if (item.asSet && first !== undefined) {
    return {
      MetricName: "m",
      StatisticValues: { SampleCount: first[1], Sum: first[0] * first[1], Minimum: first[0], Maximum: first[0] },
      Timestamp,
    };
  }
  return { MetricName: "m", Values: item.values.map(([v]) => v), Counts: item.values.map(([, c]) => c), Timestamp };
}

function samplesOf(item: Generated): number[] {
  const d = toDatum(item);
  if (d.Value !== undefined) return [d.Value];
  if (d.StatisticValues !== undefined)
    return Array.from({ length: d.StatisticValues.SampleCount }, () => d.StatisticValues?.Minimum ?? 0);
  return item.values.flatMap(([v, c]) => Array.from({ length: c }, () => v));
}

function reference(stat: string, sorted: number[]): number {
  const n = sorted.length;
  const mean = (weights: number[]): number =>
    weights.reduce((sum, w, i) => sum + w * (sorted[i] ?? 0), 0) / weights.reduce((a, b) => a + b, 0);
  const trimmed = (lo: number, hi: number): number =>
    mean(sorted.map((_, i) => Math.max(0, Math.min(i + 1, (hi / 100) * n) - Math.max(i, (lo / 100) * n))));
  switch (stat) {
    case "Sum":
      return sorted.reduce((a, b) => a + b, 0);
    case "Average":
      return sorted.reduce((a, b) => a + b, 0) / n;
    case "Minimum":
      return sorted[0] ?? NaN;
    case "Maximum":
      return sorted[n - 1] ?? NaN;
    case "SampleCount":
      return n;
    case "tm90":
      return trimmed(0, 90);
    case "IQM":
      return trimmed(25, 75);
    case "TM(10%:60%)":
      return trimmed(10, 60);
    default: {
      const p = Number(stat.slice(1));
      return sorted[Math.max(1, Math.ceil((p / 100) * n)) - 1] ?? NaN;
    }
  }
}

describe("GetMetricData statistics match a reference computation", () => {
  it("for random data, periods, start times and statistics", () => {
    fc.assert(
      fc.property(
        fc.array(datum, { minLength: 1, maxLength: 40 }),
        fc.constantFrom(60, 120, 300, 600, 3600),
        fc.constantFrom(...STATS),
        fc.integer({ min: 0, max: 3599 }),
        (items, period, stat, startOffsetSec) => {
          const { service, db } = newService();
          service.putMetricData(ACCOUNT, "us-east-1", "Prop", items.map(toDatum), NOW);
          const start = BASE + startOffsetSec * 1000;
          const output = call(service, "GetMetricData", {
            MetricDataQueries: [
              { Id: "q", MetricStat: { Metric: { Namespace: "Prop", MetricName: "m" }, Period: period, Stat: stat } },
            ],
            StartTime: new Date(start),
            EndTime: new Date(NOW),
            ScanBy: "TimestampAscending",
          });
          db.close();
          const aligned = Math.floor(start / 60_000) * 60_000;
          const buckets = new Map<number, number[]>();
          for (const item of items) {
            const ts = BASE + item.offsetMs;
            if (ts < aligned || ts >= NOW) continue;
            const bucket = aligned + Math.floor((ts - aligned) / (period * 1000)) * period * 1000;
            buckets.set(bucket, [...(buckets.get(bucket) ?? []), ...samplesOf(item)]);
          }
          const expected = [...buckets.entries()]
            .sort(([a], [b]) => a - b)
            .map(
              ([ts, samples]) =>
                [
                  ts,
                  reference(
                    stat,
                    samples.sort((a, b) => a - b),
                  ),
                ] as const,
            );
          const [result] = output.MetricDataResults as { Timestamps: Date[]; Values: number[] }[];
          expect(result?.Timestamps.map((t) => t.getTime())).toEqual(expected.map(([ts]) => ts));
          result?.Values.forEach((value, i) => expect(value).toBeCloseTo(expected[i]?.[1] ?? NaN, 6));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("GetMetricStatistics agrees with GetMetricData", () => {
    fc.assert(
      fc.property(fc.array(datum, { minLength: 1, maxLength: 30 }), fc.constantFrom(60, 300, 900), (items, period) => {
        const { service, db } = newService();
        service.putMetricData(ACCOUNT, "us-east-1", "Prop", items.map(toDatum), NOW);
        const window = { StartTime: new Date(BASE), EndTime: new Date(NOW) };
        const stats = call(service, "GetMetricStatistics", {
          Namespace: "Prop",
          MetricName: "m",
          Period: period,
          Statistics: ["Average", "Maximum"],
          ExtendedStatistics: ["p90"],
          ...window,
        });
        const data = call(service, "GetMetricData", {
          MetricDataQueries: ["Average", "Maximum", "p90"].map((stat, i) => ({
            Id: `q${i}`,
            MetricStat: { Metric: { Namespace: "Prop", MetricName: "m" }, Period: period, Stat: stat },
          })),
          ScanBy: "TimestampAscending",
          ...window,
        });
        db.close();
        const points = stats.Datapoints as {
          Timestamp: Date;
          Average: number;
          Maximum: number;
          ExtendedStatistics: { p90: number };
        }[];
        const [average, maximum, p90] = data.MetricDataResults as { Timestamps: Date[]; Values: number[] }[];
        expect(points.map((p) => p.Timestamp)).toEqual(average?.Timestamps);
        expect(points.map((p) => p.Average)).toEqual(average?.Values);
        expect(points.map((p) => p.Maximum)).toEqual(maximum?.Values);
        expect(points.map((p) => p.ExtendedStatistics.p90)).toEqual(p90?.Values);
      }),
      { numRuns: 100 },
    );
  });
});
