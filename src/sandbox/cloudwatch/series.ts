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

/** One period's data in one unit (a period with data in several units yields one bucket per unit). */
export interface Bucket {
  ts: number;
  aggregate: Aggregate;
  unit: string;
  /** Count-weighted samples sorted by value, or undefined when percentile statistics are unavailable. */
  samples: () => Samples | undefined;
}

/** Appends a row's samples to `into`; false when the row makes percentiles unavailable. */
function addSamples(row: SampleRow, into: Samples): boolean {
  const [, kind, sampleCount, sum, min, max, raw] = row;
  switch (kind) {
    case 0:
      into.push([sum, sampleCount]);
      return sum >= 0;
    case 1: {
      if (raw === null) return false;
      const pairs = JSON.parse(raw) as Samples;
      for (const pair of pairs) into.push(pair);
      return pairs.every(([value]) => value >= 0);
    }
    case 2:
      into.push([min, sampleCount]);
      return min === max && min >= 0;
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

/** The buckets that hold data, oldest first (within a period, by unit). */
export function readBuckets(store: MetricStore, request: SeriesRequest): Bucket[] {
  const id = store.findMetricId(request.accountId, request.region, request.metric);
  if (id === undefined || request.end <= request.start) return [];
  const periodMs = request.periodSec * 1000;
  const aggregates = store.aggregate(id, request.start, request.end, periodMs, request.unit);
  // Raw samples are read once, on the first percentile-type request, for the whole range.
  let grouped: Map<string, { samples: Samples; usable: boolean }> | undefined;
  const samplesOf = (bucket: number, unit: string): Samples | undefined => {
    if (grouped === undefined) {
      grouped = new Map();
      for (const row of store.samples(id, request.start, request.end, request.unit)) {
        const index = `${Math.floor((row[0] - request.start) / periodMs)}\u0000${row[7]}`;
        let entry = grouped.get(index);
        if (entry === undefined) {
          entry = { samples: [], usable: true };
          grouped.set(index, entry);
        }
        if (!addSamples(row, entry.samples)) entry.usable = false;
      }
    }
    const entry = grouped.get(`${bucket}\u0000${unit}`);
    return entry?.usable === true ? sortSamples(entry.samples) : undefined;
  };
  return aggregates.map((row) => ({
    ts: request.start + row.bucket * periodMs,
    aggregate: { sampleCount: row.sampleCount, sum: row.sum, min: row.min, max: row.max },
    unit: row.unit,
    samples: () => samplesOf(row.bucket, row.unit),
  }));
}
