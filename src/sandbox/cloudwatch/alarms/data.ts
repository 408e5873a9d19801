/**
 * The datapoints an alarm evaluates at time `at`: its evaluation range — R periods ending at `at`, oldest first —
 * with each period's statistic, or nothing when the period has no data. A metric-math alarm reads each of its
 * metrics over the same periods and computes its watched expression period by period.
 *   period 300, N = 1 (R = 3), at 12:01:00  →  [11:46, 11:51), [11:51, 11:56), [11:56, 12:01)
 * A percentile with EvaluateLowSampleCountPercentile "ignore" counts as missing while the period holds fewer than
 * 10 / (1 − p) samples (10 / p below p50), as the User Guide says.
 */
import type { MathContext, MathValue, Series } from "../math/evaluate.js";
import { evaluateMath, MathEvaluationError } from "../math/evaluate.js";
import type { MetricIdentity, MetricStore } from "../metric-store.js";
import { readBuckets } from "../series.js";
import { statValue } from "../statistics.js";
import type { Stat } from "../statistics.js";
import type { AlarmDefinition } from "./definition.js";
import type { RangePoint } from "./evaluate.js";
import { evaluationRange } from "./evaluate.js";
import type { AlarmQuery } from "./queries.js";
import { queriesPeriod } from "./queries.js";

export interface Scope {
  accountId: string;
  region: string;
}

export function alarmPeriod(definition: AlarmDefinition): number {
  return definition.single?.periodSec ?? queriesPeriod(definition.queries ?? []);
}

function lowSampleLimit(stat: Stat): number {
  if (stat.type !== "percentile") return 0;
  const p = stat.p / 100;
  return p >= 0.5 ? 10 / (1 - p) : 10 / Math.max(p, 0.001);
}

function metricPoints(
  store: MetricStore,
  scope: Scope,
  read: { metric: MetricIdentity; stat: Stat; unit?: string; periodSec: number; ignoreLowSamples: boolean },
  start: number,
  count: number,
): RangePoint[] {
  const periodMs = read.periodSec * 1000;
  const buckets = readBuckets(store, {
    accountId: scope.accountId,
    region: scope.region,
    metric: read.metric,
    start,
    end: start + count * periodMs,
    periodSec: read.periodSec,
    ...(read.unit === undefined ? {} : { unit: read.unit }),
  });
  const byTs = new Map(buckets.map((bucket) => [bucket.ts, bucket]));
  const limit = read.ignoreLowSamples ? lowSampleLimit(read.stat) : 0;
  return Array.from({ length: count }, (_, k) => {
    const timestamp = start + k * periodMs;
    const bucket = byTs.get(timestamp);
    if (bucket === undefined || bucket.aggregate.sampleCount < limit) return { timestamp, value: undefined };
    return {
      timestamp,
      value: statValue(read.stat, bucket.aggregate, bucket.samples),
      sampleCount: bucket.aggregate.sampleCount,
    };
  });
}

/** The evaluation range of `definition` at `at` (epoch ms), oldest first. */
export function evaluationPoints(
  store: MetricStore,
  scope: Scope,
  definition: AlarmDefinition,
  at: number,
): RangePoint[] {
  const periodSec = alarmPeriod(definition);
  const count = evaluationRange(definition.evaluationPeriods);
  const start = at - count * periodSec * 1000;
  const ignoreLowSamples = definition.evaluateLowSampleCountPercentile === "ignore";
  if (definition.single !== undefined) {
    const { metric, stat, unit } = definition.single;
    return metricPoints(
      store,
      scope,
      { metric, stat, periodSec, ignoreLowSamples, ...(unit === undefined ? {} : { unit }) },
      start,
      count,
    );
  }
  const queries = definition.queries ?? [];
  const watched = queries.find((query) => query.returnData);
  const grid = Array.from({ length: count }, (_, k) => start + k * periodSec * 1000);
  const missing = grid.map((timestamp) => ({ timestamp, value: undefined }));
  if (watched === undefined) return missing;
  try {
    const values = mathSeries(store, scope, queries, watched, start, count, periodSec);
    return grid.map((timestamp, k) => ({ timestamp, value: values[k] }));
  } catch (error) {
    if (error instanceof MathEvaluationError) return missing; // AWS marks the alarm's evaluation as failed
    throw error;
  }
}

function mathSeries(
  store: MetricStore,
  scope: Scope,
  queries: readonly AlarmQuery[],
  watched: AlarmQuery,
  start: number,
  count: number,
  periodSec: number,
): Series {
  const cache = new Map<string, MathValue>();
  const visiting = new Set<string>();
  const resolve = (id: string): MathValue | undefined => {
    const cached = cache.get(id);
    if (cached !== undefined) return cached;
    const query = queries.find((candidate) => candidate.id === id);
    if (query === undefined) return undefined;
    if (visiting.has(id)) throw new MathEvaluationError(`The expression ${id} refers to itself.`);
    visiting.add(id);
    let value: MathValue;
    if (query.metricStat !== undefined) {
      const { metric, stat, unit } = query.metricStat;
      const points = metricPoints(
        store,
        scope,
        { metric, stat, periodSec, ignoreLowSamples: false, ...(unit === undefined ? {} : { unit }) },
        start,
        count,
      );
      value = { kind: "series", values: points.map((p) => p.value) };
    } else {
      value = evaluateMath(query.expression?.tree ?? { kind: "number", value: Number.NaN }, ctx);
    }
    visiting.delete(id);
    cache.set(id, value);
    return value;
  };
  const ctx: MathContext = {
    length: count,
    periodSec,
    resolve,
    metricIds: () => queries.filter((query) => query.metricStat !== undefined).map((query) => query.id),
  };
  const value = resolve(watched.id);
  if (value?.kind === "series") return value.values;
  if (value?.kind === "scalar")
    return Array<number | undefined>(count).fill(Number.isFinite(value.value) ? value.value : undefined);
  throw new MathEvaluationError("The expression for an alarm must create exactly one time series.");
}
