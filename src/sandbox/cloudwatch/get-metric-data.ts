/**
 * GetMetricData for MetricStat queries: every statistic CloudWatch offers for single metrics (see statistics.ts),
 * ReturnData, ScanBy (newest first by default), default and dynamic labels, StatusCode, and pagination by
 * MaxDatapoints (default 100,800) across all queries. Metric math (Expression) is refused with a clear
 * ValidationError. A query naming another account (AccountId) gets StatusCode "Forbidden" and no data, as when
 * cross-account observability is not set up.
 */
import { createHash } from "node:crypto";
import type { CallContext } from "../context.js";
import { invalidNextToken, validationError } from "./errors.js";
import { decodeToken, encodeToken, optInteger, optRecord, optString, reqTimestamp } from "./input.js";
import type { Input } from "./input.js";
import { labelParts, resolveLabel } from "./labels.js";
import type { LabelParts } from "./labels.js";
import { readQueries } from "./metric-query-input.js";
import type { MetricStatQuery } from "./metric-query-input.js";
import type { MetricStore } from "./metric-store.js";
import { alignStart, readBuckets } from "./series.js";
import { statValue } from "./statistics.js";
import { multipleUnitsMessage, precedentUnit } from "./units.js";

const DEFAULT_MAX_DATAPOINTS = 100_800;

interface Series {
  query: MetricStatQuery;
  label: string;
  forbidden: boolean;
  /** In scan order. */
  points: [number, number][];
  /** Per-result messages (MultipleUnits). */
  messages: { Code: string; Value: string }[];
}

function computeSeries(
  store: MetricStore,
  ctx: CallContext,
  query: MetricStatQuery,
  range: { start: number; end: number; descending: boolean; parts: LabelParts },
): Series {
  const { start, end, descending } = range;
  const forbidden = query.accountId !== undefined && query.accountId !== ctx.accountId;
  const aligned = alignStart(start, query.periodSec, ctx.now);
  const buckets = forbidden
    ? []
    : readBuckets(store, {
        accountId: ctx.accountId,
        region: ctx.region,
        metric: query.metric,
        start: aligned,
        end,
        periodSec: query.periodSec,
        unit: query.unit,
      });
  // Without a Unit, data in several units is read in one of them (see units.ts), with a MultipleUnits message.
  const units = new Set(buckets.map((bucket) => bucket.unit));
  const unit = units.size > 1 ? precedentUnit(units) : undefined;
  const messages = units.size > 1 ? [multipleUnitsMessage(units)] : [];
  const points: [number, number][] = [];
  for (const bucket of buckets) {
    if (unit !== undefined && bucket.unit !== unit) continue;
    const value = statValue(query.stat, bucket.aggregate, bucket.samples);
    if (value !== undefined) points.push([bucket.ts, value]);
  }
  const label = resolveLabel(
    query.label,
    {
      namespace: query.metric.namespace,
      metricName: query.metric.metricName,
      dimensions: query.metric.dimensions,
      periodSec: query.periodSec,
      stat: query.statText,
      region: ctx.region,
      accountId: query.accountId ?? ctx.accountId,
      values: points.map(([, value]) => value),
    },
    range.parts,
  );
  if (descending) points.reverse();
  return { query, label, forbidden, points, messages };
}

function requestDigest(input: Input): string {
  const { NextToken: _token, MaxDatapoints: _max, ...rest } = input;
  return createHash("sha256").update(JSON.stringify(rest)).digest("hex").slice(0, 16);
}

export function getMetricData(store: MetricStore, input: Input, ctx: CallContext): Record<string, unknown> {
  const queries = readQueries(input);
  const start = reqTimestamp(input, "StartTime");
  const end = reqTimestamp(input, "EndTime");
  if (Math.floor(start / 1000) >= Math.floor(end / 1000)) {
    throw validationError("The parameter StartTime must be less than the parameter EndTime.");
  }
  const scanBy = optString(input, "ScanBy") ?? "TimestampDescending";
  if (scanBy !== "TimestampDescending" && scanBy !== "TimestampAscending") {
    throw validationError(`The value ${scanBy} for parameter ScanBy is invalid.`);
  }
  const maxDatapoints = optInteger(input, "MaxDatapoints") ?? DEFAULT_MAX_DATAPOINTS;
  if (maxDatapoints < 1) throw validationError(`The value ${maxDatapoints} for parameter MaxDatapoints is invalid.`);
  const timezone = optString(optRecord(input, "LabelOptions") ?? {}, "Timezone", "LabelOptions.Timezone");
  if (timezone !== undefined && !/^[+-](0\d|1[0-4])[0-5]\d$/.test(timezone)) {
    throw validationError(`The value ${timezone} for parameter LabelOptions.Timezone is invalid.`);
  }

  const digest = requestDigest(input);
  let offsets = queries.map(() => 0);
  const token = optString(input, "NextToken");
  if (token !== undefined) {
    const payload = decodeToken("gmd", token);
    const parsed = payload === undefined ? undefined : parseTokenPayload(payload);
    if (parsed?.h !== digest || !Array.isArray(parsed.o) || parsed.o.length !== queries.length)
      throw invalidNextToken();
    offsets = parsed.o;
  }

  const returned = queries.filter((query) => query.returnData);
  const parts = labelParts(queries);
  let budget = maxDatapoints;
  let more = false;
  const results = returned.map((query) => {
    const series = computeSeries(store, ctx, query, {
      start,
      end,
      descending: scanBy === "TimestampDescending",
      parts,
    });
    const index = queries.indexOf(query);
    const from = Math.min(offsets[index] ?? 0, series.points.length);
    const take = Math.min(budget, series.points.length - from);
    const page = series.points.slice(from, from + take);
    budget -= take;
    offsets[index] = from + take;
    const complete = from + take >= series.points.length;
    if (!complete) more = true;
    return {
      Id: query.id,
      Label: series.label,
      Timestamps: page.map(([ts]) => new Date(ts)),
      Values: page.map(([, value]) => value),
      StatusCode: series.forbidden ? "Forbidden" : complete ? "Complete" : "PartialData",
      Messages: series.messages.length > 0 ? series.messages : undefined,
    };
  });
  const output: Record<string, unknown> = { MetricDataResults: results, Messages: [] };
  if (more) output.NextToken = encodeToken("gmd", JSON.stringify({ h: digest, o: offsets }));
  return output;
}

/** A token's payload, or undefined when it is not the JSON this operation wrote (a forged or damaged token). */
function parseTokenPayload(payload: string): { h?: string; o?: number[] } | undefined {
  try {
    return JSON.parse(payload) as { h?: string; o?: number[] };
  } catch {
    return undefined;
  }
}
