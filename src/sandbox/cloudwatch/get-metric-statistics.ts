/**
 * GetMetricStatistics: Statistics (Sum, Average, Minimum, Maximum, SampleCount) and ExtendedStatistics (pNN, tmNN,
 * TM(a%:b%), IQM) per period for one metric with exactly the given dimensions, at most 1440 datapoints per call.
 * Without a Unit, data published in several units comes back as one datapoint per unit and period (CloudWatch never
 * mixes units). Datapoints come back oldest first (AWS leaves the order unspecified).
 */
import type { CallContext } from "../context.js";
import { invalidCombination, invalidValue, missingParameter } from "./errors.js";
import { optInteger, optList, optString, reqString, reqTimestamp } from "./input.js";
import type { Input } from "./input.js";
import { readDimensions, STANDARD_UNITS } from "./metric-datum.js";
import type { MetricStore } from "./metric-store.js";
import { alignStart, isValidPeriod, readBuckets } from "./series.js";
import { basicValue, parseStat, statValue } from "./statistics.js";
import type { BasicStat, Stat } from "./statistics.js";

const BASIC: readonly BasicStat[] = ["SampleCount", "Average", "Sum", "Minimum", "Maximum"];
const MAX_DATAPOINTS = 1440;

function readStatistics(input: Input): { basic: BasicStat[]; extended: [string, Stat][] } {
  const statistics = optList(input, "Statistics") ?? [];
  const extended = optList(input, "ExtendedStatistics") ?? [];
  if (statistics.length === 0 && extended.length === 0) {
    throw invalidCombination("Must specify either Statistics or ExtendedStatistics");
  }
  if (statistics.length > 5) throw invalidValue("The collection Statistics must not have a size greater than 5.");
  if (extended.length > 10)
    throw invalidValue("The collection ExtendedStatistics must not have a size greater than 10.");
  const basic = statistics.map((name, i): BasicStat => {
    if (typeof name !== "string" || !(BASIC as readonly string[]).includes(name)) {
      throw invalidValue(`The value ${String(name)} for parameter Statistics.member.${i + 1} is invalid.`);
    }
    return name as BasicStat;
  });
  const parsed = extended.map((name, i): [string, Stat] => {
    const stat = typeof name === "string" ? parseStat(name) : undefined;
    if (stat === undefined || stat.type === "basic") {
      throw invalidValue(`The value ${String(name)} for parameter ExtendedStatistics.member.${i + 1} is invalid.`);
    }
    return [name as string, stat];
  });
  return { basic, extended: parsed };
}

export function getMetricStatistics(store: MetricStore, input: Input, ctx: CallContext): Record<string, unknown> {
  const namespace = reqString(input, "Namespace");
  const metricName = reqString(input, "MetricName");
  const start = reqTimestamp(input, "StartTime");
  const end = reqTimestamp(input, "EndTime");
  const period = optInteger(input, "Period");
  if (period === undefined) throw missingParameter("The parameter Period is required.");
  const { basic, extended } = readStatistics(input);
  if (!isValidPeriod(period)) throw invalidValue("The parameter Period must be a multiple of 60.");
  if (Math.floor(start / 1000) >= Math.floor(end / 1000)) {
    throw invalidValue("The parameter StartTime must be less than the parameter EndTime.");
  }
  const requested = Math.floor((end - start) / (period * 1000));
  if (requested > MAX_DATAPOINTS) {
    throw invalidCombination(
      // AWS writes the numbers without grouping (recorded: "up to 86400 datapoints, which exceeds the limit of 1440").
      `You have requested up to ${requested} datapoints, which exceeds the limit of ${MAX_DATAPOINTS}. ` +
        "You may reduce the datapoints requested by increasing Period, or decreasing the time range.",
    );
  }
  const unit = optString(input, "Unit");
  if (unit !== undefined && !STANDARD_UNITS.includes(unit))
    throw invalidValue(`The value ${unit} for parameter Unit is invalid.`);
  const buckets = readBuckets(store, {
    accountId: ctx.accountId,
    region: ctx.region,
    metric: { namespace, metricName, dimensions: readDimensions(input, "") },
    start: alignStart(start, period, ctx.now),
    end,
    periodSec: period,
    unit,
  });
  const datapoints = buckets.map((bucket) => {
    const point: Record<string, unknown> = { Timestamp: new Date(bucket.ts) };
    for (const name of BASIC) if (basic.includes(name)) point[name] = basicValue(name, bucket.aggregate);
    point.Unit = bucket.unit;
    if (extended.length > 0) {
      const values: Record<string, number> = {};
      for (const [name, stat] of extended) {
        const value = statValue(stat, bucket.aggregate, bucket.samples);
        if (value !== undefined) values[name] = value;
      }
      point.ExtendedStatistics = values;
    }
    return point;
  });
  return { Label: metricName, Datapoints: datapoints };
}
