/**
 * GetMetricData's MetricDataQueries, validated in CloudWatch's words (HTTP 400 `ValidationError`). Problems with ids
 * and statistics are collected over all queries and answered together, one per line, as CloudWatch does:
 *   The value 5xx_sum for parameter MetricDataQueries.member.1.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.
 *   The value Min for parameter MetricDataQueries.member.2.MetricStat.Stat is not a valid statistic.
 * (recorded in influxdata/telegraf#5420, prometheus-community/yet-another-cloudwatch-exporter#385).
 */
import { validationError } from "./errors.js";
import { isRecord, optBoolean, optInteger, optList, optRecord, optString } from "./input.js";
import type { Input } from "./input.js";
import { readDimensions, STANDARD_UNITS } from "./metric-datum.js";
import type { MetricIdentity } from "./metric-store.js";
import { isValidPeriod } from "./series.js";
import { parseStat } from "./statistics.js";
import type { Stat } from "./statistics.js";

export interface MetricStatQuery {
  id: string;
  label: string | undefined;
  returnData: boolean;
  accountId: string | undefined;
  metric: MetricIdentity;
  periodSec: number;
  statText: string;
  stat: Stat;
  unit: string | undefined;
}

const ID_PATTERN = /^[a-z][a-zA-Z0-9_]*$/;

function required(path: string): Error {
  return validationError(`The parameter ${path} is required.\n`);
}

function text(input: Input, key: string, path: string): string | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string")
    throw validationError(`The value ${JSON.stringify(value)} for parameter ${path} is invalid.`);
  return value;
}

function readQuery(raw: unknown, index: number, problems: string[]): MetricStatQuery {
  const path = `MetricDataQueries.member.${index + 1}`;
  if (!isRecord(raw)) throw required(path);
  const id = text(raw, "Id", `${path}.Id`);
  if (id === undefined || id === "") throw required(`${path}.Id`);
  if (id.length > 255 || !ID_PATTERN.test(id)) {
    problems.push(
      `The value ${id} for parameter ${path}.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.`,
    );
  }
  const metricStat = optRecord(raw, "MetricStat", `${path}.MetricStat`);
  const expression = text(raw, "Expression", `${path}.Expression`);
  if (metricStat !== undefined && expression !== undefined) {
    throw validationError(
      `The parameters ${path}.MetricStat and ${path}.Expression are mutually exclusive and you have specified both.`,
    );
  }
  if (expression !== undefined) {
    throw validationError(
      `Metric math is not supported by the genai-lab sandbox: ${path}.Expression. Query each metric with MetricStat instead.`,
    );
  }
  if (metricStat === undefined) throw required(`${path}.MetricStat`);
  const metric = optRecord(metricStat, "Metric", `${path}.MetricStat.Metric`);
  if (metric === undefined) throw required(`${path}.MetricStat.Metric`);
  const namespace = text(metric, "Namespace", `${path}.MetricStat.Metric.Namespace`);
  if (namespace === undefined || namespace === "") throw required(`${path}.MetricStat.Metric.Namespace`);
  const metricName = text(metric, "MetricName", `${path}.MetricStat.Metric.MetricName`);
  if (metricName === undefined || metricName === "") throw required(`${path}.MetricStat.Metric.MetricName`);
  const period = optInteger(metricStat, "Period", `${path}.MetricStat.Period`);
  if (period === undefined) throw required(`${path}.MetricStat.Period`);
  if (!isValidPeriod(period)) {
    throw validationError(`The parameter ${path}.MetricStat.Period must be 1, 5, 10, 20, 30, or a multiple of 60.`);
  }
  const statText = text(metricStat, "Stat", `${path}.MetricStat.Stat`);
  if (statText === undefined || statText === "") throw required(`${path}.MetricStat.Stat`);
  const stat = parseStat(statText) ?? { type: "basic", name: "Sum" };
  if (parseStat(statText) === undefined) {
    problems.push(`The value ${statText} for parameter ${path}.MetricStat.Stat is not a valid statistic.`);
  }
  const unit = optString(metricStat, "Unit", `${path}.MetricStat.Unit`);
  if (unit !== undefined && !STANDARD_UNITS.includes(unit)) {
    throw validationError(`The value ${unit} for parameter ${path}.MetricStat.Unit is invalid.`);
  }
  return {
    id,
    label: text(raw, "Label", `${path}.Label`),
    returnData: optBoolean(raw, "ReturnData", `${path}.ReturnData`) ?? true,
    accountId: text(raw, "AccountId", `${path}.AccountId`),
    metric: { namespace, metricName, dimensions: readDimensions(metric, `${path}.MetricStat.Metric`) },
    periodSec: period,
    statText,
    stat,
    unit,
  };
}

export function readQueries(input: Input): MetricStatQuery[] {
  const list = optList(input, "MetricDataQueries");
  if (list === undefined || list.length === 0) throw validationError("The parameter MetricDataQueries is required.\n");
  if (list.length > 500)
    throw validationError("The collection MetricDataQueries must not have a size greater than 500.");
  const problems: string[] = [];
  const queries = list.map((raw, i) => readQuery(raw, i, problems));
  if (problems.length > 0) throw validationError(problems.join("\n"));
  // Recorded in aws-solutions/quota-monitor-for-aws#171.
  if (new Set(queries.map((query) => query.id)).size !== queries.length) {
    throw validationError("The values for parameter id in MetricDataQueries are not unique.");
  }
  return queries;
}
