/**
 * A metric-math alarm's `Metrics`: MetricDataQuery items (API reference, MetricDataQuery). Each either reads a metric
 * (MetricStat) or computes an Expression over the others; exactly one — the one the alarm watches — has ReturnData
 * true, and every other must say false. Up to 10 metrics, all with the alarm's one period.
 *   [{Id: "errors", MetricStat: {…InvocationThrottles…, Period: 300, Stat: "Sum"}, ReturnData: false},
 *    {Id: "calls",  MetricStat: {…Invocations…,        Period: 300, Stat: "Sum"}, ReturnData: false},
 *    {Id: "rate",   Expression: "100 * errors / (errors + calls)", Label: "Throttle %", ReturnData: true}]
 */
import { invalidValue, validationError } from "../errors.js";
import { isRecord, optBoolean, optInteger, optRecord, optString } from "../input.js";
import type { Input } from "../input.js";
import type { MathNode } from "../math/parse.js";
import { MathSyntaxError, parseExpression, referencedIds } from "../math/parse.js";
import { readDimensions, STANDARD_UNITS } from "../metric-datum.js";
import type { MetricIdentity } from "../metric-store.js";
import { isValidPeriod } from "../series.js";
import { parseStat } from "../statistics.js";
import type { Stat } from "../statistics.js";

export interface AlarmQuery {
  id: string;
  label?: string;
  returnData: boolean;
  metricStat?: { metric: MetricIdentity; periodSec: number; statText: string; stat: Stat; unit?: string };
  expression?: { text: string; tree: MathNode };
  /** MetricDataQuery.Period, for expressions. */
  period?: number;
}

const ID_PATTERN = /^[a-z][a-zA-Z0-9_]*$/;
const MAX_METRICS = 10;

function readQuery(raw: unknown, index: number): AlarmQuery {
  const path = `Metrics.member.${index + 1}`;
  if (!isRecord(raw)) throw validationError(`The parameter ${path} must be a structure.`);
  const id = optString(raw, "Id", `${path}.Id`);
  if (id === undefined || id === "") throw validationError(`The parameter ${path}.Id is required.`);
  if (id.length > 255 || !ID_PATTERN.test(id)) {
    throw validationError(
      `The value ${id} for parameter ${path}.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.`,
    );
  }
  const metricStat = optRecord(raw, "MetricStat", `${path}.MetricStat`);
  const expression = optString(raw, "Expression", `${path}.Expression`);
  if ((metricStat === undefined) === (expression === undefined)) {
    throw validationError(`Exactly one of ${path}.MetricStat and ${path}.Expression must be specified.`);
  }
  const label = optString(raw, "Label", `${path}.Label`);
  const period = optInteger(raw, "Period", `${path}.Period`);
  const query: AlarmQuery = {
    id,
    returnData: optBoolean(raw, "ReturnData", `${path}.ReturnData`) ?? true,
    ...(label === undefined ? {} : { label }),
    ...(period === undefined ? {} : { period }),
  };
  if (expression !== undefined) {
    try {
      return { ...query, expression: { text: expression, tree: parseExpression(expression) } };
    } catch (error) {
      if (error instanceof MathSyntaxError)
        throw validationError(`Invalid metrics list: ${path}.Expression: ${error.message}`);
      throw error;
    }
  }
  return { ...query, metricStat: readMetricStat(metricStat as Input, `${path}.MetricStat`) };
}

function readMetricStat(metricStat: Input, path: string): NonNullable<AlarmQuery["metricStat"]> {
  const metric = optRecord(metricStat, "Metric", `${path}.Metric`);
  if (metric === undefined) throw validationError(`The parameter ${path}.Metric is required.`);
  const namespace = optString(metric, "Namespace", `${path}.Metric.Namespace`);
  const metricName = optString(metric, "MetricName", `${path}.Metric.MetricName`);
  if (namespace === undefined || namespace === "")
    throw validationError(`The parameter ${path}.Metric.Namespace is required.`);
  if (metricName === undefined || metricName === "")
    throw validationError(`The parameter ${path}.Metric.MetricName is required.`);
  const periodSec = optInteger(metricStat, "Period", `${path}.Period`);
  if (periodSec === undefined) throw validationError(`The parameter ${path}.Period is required.`);
  if (!isValidPeriod(periodSec))
    throw validationError(`The parameter ${path}.Period must be 10, 20, 30 or a multiple of 60.`);
  const statText = optString(metricStat, "Stat", `${path}.Stat`);
  const stat = statText === undefined ? undefined : parseStat(statText);
  if (statText === undefined || stat === undefined)
    throw invalidValue(`The value ${statText ?? "null"} for parameter ${path}.Stat is invalid.`);
  const unit = optString(metricStat, "Unit", `${path}.Unit`);
  if (unit !== undefined && !STANDARD_UNITS.includes(unit))
    throw invalidValue(`The value ${unit} for parameter ${path}.Unit is invalid.`);
  return {
    metric: { namespace, metricName, dimensions: readDimensions(metric, `${path}.Metric`) },
    periodSec,
    statText,
    stat,
    ...(unit === undefined ? {} : { unit }),
  };
}

export function readAlarmQueries(list: readonly unknown[]): AlarmQuery[] {
  if (list.length === 0) throw validationError("The Metrics list must not be empty.");
  const queries = list.map(readQuery);
  const ids = new Set<string>();
  for (const query of queries) {
    if (ids.has(query.id)) throw validationError(`The value ${query.id} for parameter Metrics Id is not unique.`);
    ids.add(query.id);
  }
  const watched = queries.filter((query) => query.returnData);
  if (watched.length !== 1) {
    throw validationError(
      "Exactly one element of the Metrics list must have ReturnData set to true; set the others to false.",
    );
  }
  const metrics = queries.filter((query) => query.metricStat !== undefined);
  if (metrics.length > MAX_METRICS)
    throw validationError(`An alarm's metric math expression can use at most ${MAX_METRICS} metrics.`);
  if (new Set(metrics.map((query) => query.metricStat?.periodSec)).size > 1) {
    throw validationError("Every metric of a metric math alarm must use the same period.");
  }
  for (const query of queries) {
    if (query.expression === undefined) continue;
    for (const ref of referencedIds(query.expression.tree)) {
      if (!ids.has(ref) && !["REPEAT", "LINEAR"].includes(ref.toUpperCase())) {
        throw validationError(`Invalid metrics list: ${query.id} refers to ${ref}, which is not in the list.`);
      }
    }
  }
  return queries;
}

/** The period of a metric-math alarm: its metrics' one period, else the expressions' own Period. */
export function queriesPeriod(queries: readonly AlarmQuery[]): number {
  return (
    queries.find((query) => query.metricStat !== undefined)?.metricStat?.periodSec ??
    queries.find((query) => query.period !== undefined)?.period ??
    60
  );
}
