/**
 * PutMetricData's per-datum validation, in CloudWatch's words, and the normalised form the store keeps.
 * Paths in messages follow the AWS Query member names (`MetricData.member.1.Value`), as CloudWatch prints them.
 */
import { invalidCombination, invalidValue, missingParameter } from "./errors.js";
import {
  badValue,
  isRecord,
  optList,
  optNumber,
  optRecord,
  optString,
  optTimestamp,
  reqString,
  toNumber,
} from "./input.js";
import type { Input } from "./input.js";

export const STANDARD_UNITS: readonly string[] = [
  "Seconds",
  "Microseconds",
  "Milliseconds",
  "Bytes",
  "Kilobytes",
  "Megabytes",
  "Gigabytes",
  "Terabytes",
  "Bits",
  "Kilobits",
  "Megabits",
  "Gigabits",
  "Terabits",
  "Percent",
  "Count",
  "Bytes/Second",
  "Kilobytes/Second",
  "Megabytes/Second",
  "Gigabytes/Second",
  "Terabytes/Second",
  "Bits/Second",
  "Kilobits/Second",
  "Megabits/Second",
  "Gigabits/Second",
  "Terabits/Second",
  "Count/Second",
  "None",
];

/** What the pipeline and seeder pass to `putMetricData` (AWS member names). */
export interface MetricDatum {
  MetricName: string;
  Dimensions?: { Name: string; Value: string }[];
  Value?: number;
  Values?: number[];
  Counts?: number[];
  StatisticValues?: { SampleCount: number; Sum: number; Minimum: number; Maximum: number };
  Unit?: string;
  /** Epoch seconds, ISO 8601 or Date; defaults to `now`. */
  Timestamp?: number | string | Date;
  StorageResolution?: number;
}

export type DatumKind = 0 | 1 | 2;

export interface NormalizedDatum {
  metricName: string;
  /** Sorted by name, then value: the canonical identity of the metric. */
  dimensions: [string, string][];
  ts: number;
  unit: string;
  kind: DatumKind;
  sampleCount: number;
  sum: number;
  min: number;
  max: number;
  /** Values with their counts (kind 1 only). */
  raw?: [number, number][];
}

const TWO_WEEKS_MS = 14 * 24 * 3600 * 1000;
const TWO_HOURS_MS = 2 * 3600 * 1000;

/** CloudWatch accepts values within ±2^360 and rejects non-zero magnitudes below 2^-260 (and NaN/Infinity). */
function checkValue(value: number, path: string): number {
  const magnitude = Math.abs(value);
  if (!Number.isFinite(value) || magnitude > 2 ** 360 || (magnitude > 0 && magnitude < 2 ** -260)) {
    throw invalidValue(`The value ${String(value)} for parameter ${path} is invalid.`);
  }
  return value;
}

export function checkNamespace(namespace: string | undefined, allowAwsPrefix: boolean): string {
  if (namespace === undefined || namespace === "") throw missingParameter("The parameter Namespace is required.");
  if (namespace.length > 255 || namespace.startsWith(":") || !/^[\x20-\x7e]+$/.test(namespace)) {
    throw badValue(namespace, "Namespace");
  }
  if (!allowAwsPrefix && namespace.startsWith("AWS/")) {
    throw invalidValue("The value AWS/ for parameter Namespace is invalid.");
  }
  return namespace;
}

/** Dimensions of a datum (or of a query's metric): validated and sorted canonically. */
export function readDimensions(input: Input, path: string, max = 30): [string, string][] {
  const base = path === "" ? "Dimensions" : `${path}.Dimensions`;
  const list = optList(input, "Dimensions", base) ?? [];
  if (list.length > max) {
    throw invalidValue(`The collection ${base} must not have a size greater than ${max}.`);
  }
  const pairs = list.map((item, k): [string, string] => {
    const member = `${base}.member.${k + 1}`;
    if (!isRecord(item)) throw badValue(item, member);
    const name = reqString(item, "Name", `${member}.Name`);
    const value = reqString(item, "Value", `${member}.Value`);
    if (name.length > 255) throw badValue(name, `${member}.Name`);
    if (value.length > 1024) throw badValue(value, `${member}.Value`);
    return [name, value];
  });
  if (new Set(pairs.map(([name]) => name)).size !== pairs.length) {
    throw invalidValue(`The collection ${base} must not contain duplicate dimension names.`);
  }
  return pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
}

function readStatisticSet(set: Input, path: string): Pick<NormalizedDatum, "sampleCount" | "sum" | "min" | "max"> {
  const fields = ["Maximum", "Minimum", "SampleCount", "Sum"] as const;
  const missing = fields.filter((field) => set[field] === undefined || set[field] === null);
  if (missing.length > 0) {
    throw missingParameter(missing.map((field) => `The parameter ${path}.${field} is required.`).join("\n"));
  }
  const [max, min, sampleCount, sum] = fields.map((field) =>
    checkValue(toNumber(set[field], `${path}.${field}`), `${path}.${field}`),
  ) as [number, number, number, number];
  if (sampleCount <= 0) throw invalidValue(`The parameter ${path}.SampleCount must be greater than 0.`);
  if (max < min) throw invalidValue(`The parameter ${path}.Maximum must be greater than ${path}.Minimum.`);
  return { sampleCount, sum, min, max };
}

function readValues(datum: Input, path: string): [number, number][] {
  const values = optList(datum, "Values", `${path}.Values`) ?? [];
  const counts = optList(datum, "Counts", `${path}.Counts`);
  if (values.length > 150) throw invalidValue(`The collection ${path}.Values must not have a size greater than 150.`);
  if (counts !== undefined && counts.length !== values.length) {
    throw invalidValue(`The parameters ${path}.Values and ${path}.Counts must be of the same size.`);
  }
  return values.map((raw, j): [number, number] => {
    const valuePath = `${path}.Values.member.${j + 1}`;
    const value = checkValue(toNumber(raw, valuePath), valuePath);
    const countPath = `${path}.Counts.member.${j + 1}`;
    const count = counts === undefined ? 1 : toNumber(counts[j], countPath);
    if (!Number.isFinite(count) || count < 0) throw badValue(counts?.[j], countPath);
    return [value, count];
  });
}

function readMeasurement(
  datum: Input,
  path: string,
): Omit<NormalizedDatum, "metricName" | "dimensions" | "ts" | "unit"> {
  const hasValue = datum.Value !== undefined && datum.Value !== null;
  const hasValues = optList(datum, "Values", `${path}.Values`) !== undefined;
  const set = optRecord(datum, "StatisticValues", `${path}.StatisticValues`);
  // InvalidParameterCombination, recorded by LocalStack (test_cloudwatch.snapshot.json, test_put_metric_data_validation).
  if (hasValue && hasValues) {
    throw invalidCombination(
      `The parameters ${path}.Value and ${path}.Values are mutually exclusive and you have specified both.`,
    );
  }
  if (hasValue && set !== undefined) {
    throw invalidCombination(
      `The parameters ${path}.Value and ${path}.StatisticValues are mutually exclusive and you have specified both.`,
    );
  }
  if (hasValues && set !== undefined) {
    throw invalidCombination(
      `The parameters ${path}.Values and ${path}.StatisticValues are mutually exclusive and you have specified both.`,
    );
  }
  if (hasValue) {
    const value = checkValue(optNumber(datum, "Value", `${path}.Value`) ?? 0, `${path}.Value`);
    return { kind: 0, sampleCount: 1, sum: value, min: value, max: value };
  }
  if (set !== undefined) return { kind: 2, ...readStatisticSet(set, `${path}.StatisticValues`) };
  if (hasValues) {
    const raw = readValues(datum, path).filter(([, count]) => count > 0);
    if (raw.length === 0) throw missingParameter(`The parameter ${path}.Values is required.`);
    let sampleCount = 0;
    let sum = 0;
    for (const [value, count] of raw) {
      sampleCount += count;
      sum += value * count;
    }
    const values = raw.map(([value]) => value);
    return { kind: 1, sampleCount, sum, min: Math.min(...values), max: Math.max(...values), raw };
  }
  // Recorded in AdRoll/goamz#301: "Code: InvalidParameterCombination, Message: At least one of the parameters …".
  throw invalidCombination(
    `At least one of the parameters ${path}.Value and ${path}.StatisticValues must be specified.`,
  );
}

/**
 * Validates one datum. `checkPast` applies CloudWatch's two-week limit on old timestamps (the operation does; the
 * sandbox's own pipeline and history seeder, which backfill on purpose, do not). Timestamps more than two hours in
 * the future are always refused.
 */
export function normalizeDatum(datum: unknown, path: string, now: number, checkPast: boolean): NormalizedDatum {
  if (!isRecord(datum)) throw badValue(datum, path);
  const metricName = reqString(datum, "MetricName", `${path}.MetricName`);
  if (metricName.length > 255) throw badValue(metricName, `${path}.MetricName`);
  const dimensions = readDimensions(datum, path);
  const unit = optString(datum, "Unit", `${path}.Unit`) ?? "None";
  if (!STANDARD_UNITS.includes(unit)) throw badValue(unit, `${path}.Unit`);
  const resolution = optNumber(datum, "StorageResolution", `${path}.StorageResolution`);
  if (resolution !== undefined && resolution !== 1 && resolution !== 60)
    throw badValue(resolution, `${path}.StorageResolution`);
  const ts = optTimestamp(datum, "Timestamp", `${path}.Timestamp`) ?? now;
  if (ts > now + TWO_HOURS_MS || (checkPast && ts < now - TWO_WEEKS_MS)) {
    throw invalidValue(`The parameter ${path}.Timestamp must specify a time within the past two weeks.`);
  }
  return { metricName, dimensions, ts, unit, ...readMeasurement(datum, path) };
}
