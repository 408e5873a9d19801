/**
 * Reads one metric's data for a time range as periods ("buckets"): aggregates from SQL, raw samples on demand.
 *
 * Period alignment follows CloudWatch's documented rounding of the start time: sub-minute (high-resolution) periods
 * start on a multiple of the period; otherwise the start is rounded down to the minute when it is less than 15 days
 * ago, to 5 minutes between 15 and 63 days, and to the hour beyond. Buckets are [start + k·Period, start + (k+1)·Period),
 * the end time is exclusive, and a bucket's timestamp is its start.
 */
import type { MetricIdentity, MetricStore, SampleRow } from "./metric-store.js";
import { sortSamples } from "./statistics.js";
import type { Aggregate, Samples } from "./statistics.js";

const DAY_MS = 24 * 3600 * 1000;
export const HIGH_RESOLUTION_PERIODS: readonly number[] = [1, 5, 10, 20, 30];

export function isValidPeriod(period: number): boolean {
  return Number.isInteger(period) && (HIGH_RESOLUTION_PERIODS.includes(period) || (period >= 60 && period % 60 === 0));
}

export function alignStart(start: number, periodSec: number, now: number): number {
  if (periodSec < 60) return Math.floor(start / (periodSec * 1000)) * periodSec * 1000;
  const age = now - start;
  const unit = age > 63 * DAY_MS ? 3_600_000 : age > 15 * DAY_MS ? 300_000 : 60_000;
  return Math.floor(start / unit) * unit;
}

export interface Bucket {
  ts: number;
  aggregate: Aggregate;
  unit: string;
  /** Count-weighted samples sorted by value, or undefined when percentile statistics are unavailable. */
  samples: () => Samples | undefined;
}

function rowSamples(row: SampleRow): Samples | undefined {
  switch (row.kind) {
    case 0:
      return [[row.sum, row.sampleCount]];
    case 1:
      return row.raw === null ? undefined : (JSON.parse(row.raw) as Samples);
    case 2:
      return row.min === row.max ? [[row.min, row.sampleCount]] : undefined;
  }
}

export interface SeriesRequest {
  accountId: string;
  region: string;
  metric: MetricIdentity;
  /** Aligned start, epoch ms. */
  start: number;
  end: number;
  periodSec: number;
  unit?: string;
}

/** The buckets that hold data, oldest first. */
export function readBuckets(store: MetricStore, request: SeriesRequest): Bucket[] {
  const id = store.findMetricId(request.accountId, request.region, request.metric);
  if (id === undefined || request.end <= request.start) return [];
  const periodMs = request.periodSec * 1000;
  const aggregates = store.aggregate(id, request.start, request.end, periodMs, request.unit);
  let grouped: Map<number, Samples | undefined> | undefined;
  const samplesOf = (bucket: number): Samples | undefined => {
    if (grouped === undefined) {
      grouped = new Map();
      for (const row of store.samples(id, request.start, request.end, request.unit)) {
        const index = Math.floor((row.ts - request.start) / periodMs);
        const current = grouped.has(index) ? grouped.get(index) : [];
        const more = rowSamples(row);
        grouped.set(index, current === undefined || more === undefined ? undefined : current.concat(more));
      }
      for (const [index, samples] of grouped) {
        const usable = samples !== undefined && samples.every(([value]) => value >= 0);
        grouped.set(index, usable ? sortSamples(samples) : undefined);
      }
    }
    return grouped.get(bucket);
  };
  return aggregates.map((row) => ({
    ts: request.start + row.bucket * periodMs,
    aggregate: { sampleCount: row.sampleCount, sum: row.sum, min: row.min, max: row.max },
    unit: row.unit,
    samples: () => samplesOf(row.bucket),
  }));
}
