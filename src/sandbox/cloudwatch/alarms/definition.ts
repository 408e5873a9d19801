/**
 * PutMetricAlarm's input, checked as CloudWatch checks it and kept as an AlarmDefinition. The rules come from the
 * API reference (PutMetricAlarm, MetricDataQuery) and botocore's model; where AWS's exact wording is recorded
 * (LocalStack's snapshot tests) the message is AWS's, otherwise it says plainly what is wrong.
 *   single metric   Namespace + MetricName (+ Dimensions), Period 10 | 20 | 30 | n×60, Statistic xor ExtendedStatistic
 *   metric math     Metrics: MetricStat and Expression queries, exactly one with ReturnData true (the watched one)
 *   both            EvaluationPeriods, DatapointsToAlarm ≤ EvaluationPeriods, Threshold, ComparisonOperator,
 *                   TreatMissingData (default missing), EvaluateLowSampleCountPercentile (percentiles only)
 */
import { invalidCombination, invalidValue, validationError } from "../errors.js";
import { optBoolean, optInteger, optList, optNumber, optString, isRecord } from "../input.js";
import type { Input } from "../input.js";
import { readDimensions, STANDARD_UNITS } from "../metric-datum.js";
import type { MetricIdentity } from "../metric-store.js";
import { isValidPeriod } from "../series.js";
import { parseStat } from "../statistics.js";
import type { Stat } from "../statistics.js";
import type { TreatMissingData } from "./evaluate.js";
import { readAlarmQueries } from "./queries.js";
import type { AlarmQuery } from "./queries.js";

export const COMPARISON_OPERATORS = [
  "GreaterThanOrEqualToThreshold",
  "GreaterThanThreshold",
  "LessThanThreshold",
  "LessThanOrEqualToThreshold",
  "LessThanLowerOrGreaterThanUpperThreshold",
  "LessThanLowerThreshold",
  "GreaterThanUpperThreshold",
] as const;
/** The ones a static threshold uses; the others need an anomaly detection band. */
const STATIC_OPERATORS: readonly string[] = COMPARISON_OPERATORS.slice(0, 4);
const STATISTICS = ["SampleCount", "Average", "Sum", "Minimum", "Maximum"];
const TREATMENTS = ["breaching", "notBreaching", "ignore", "missing"];

export interface SingleMetric {
  metric: MetricIdentity;
  periodSec: number;
  statistic?: string;
  extendedStatistic?: string;
  stat: Stat;
  unit?: string;
}

export interface AlarmDefinition {
  name: string;
  description?: string;
  actionsEnabled: boolean;
  okActions: string[];
  alarmActions: string[];
  insufficientDataActions: string[];
  single?: SingleMetric;
  queries?: AlarmQuery[];
  evaluationPeriods: number;
  datapointsToAlarm?: number;
  threshold: number;
  comparisonOperator: string;
  treatMissingData?: TreatMissingData;
  evaluateLowSampleCountPercentile?: string;
  tags: { Key: string; Value: string }[];
}

const notNull = (member: string): Error =>
  validationError(
    `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
  );

function constraint(value: unknown, member: string, rule: string): Error {
  return validationError(
    `1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: ${rule}`,
  );
}

function text(input: Input, key: string, member: string, max: number, min = 1): string | undefined {
  const value = optString(input, key);
  if (value === undefined) return undefined;
  if (value.length < min) throw constraint(value, member, `Member must have length greater than or equal to ${min}`);
  if (value.length > max) throw constraint(value, member, `Member must have length less than or equal to ${max}`);
  return value;
}

function actions(input: Input, key: string, member: string): string[] {
  const list = (optList(input, key) ?? []).map((item) => String(item));
  if (list.length > 5)
    throw constraint(`[${list.join(", ")}]`, member, "Member must have length less than or equal to 5");
  return list;
}

function readSingle(input: Input): SingleMetric {
  const namespace = text(input, "Namespace", "namespace", 255);
  const metricName = text(input, "MetricName", "metricName", 255) ?? "";
  if (namespace === undefined) throw notNull("namespace");
  const period = optInteger(input, "Period");
  if (period === undefined) throw validationError("Period must be specified for an alarm on a single metric.");
  if (!isValidPeriod(period) || period === 1 || period === 5)
    throw validationError("Period must be 10, 20, 30 or a multiple of 60");
  const statistic = optString(input, "Statistic");
  const extendedStatistic = optString(input, "ExtendedStatistic");
  if ((statistic === undefined) === (extendedStatistic === undefined)) {
    throw invalidCombination("Exactly one of Statistic and ExtendedStatistic must be specified.");
  }
  if (statistic !== undefined && !STATISTICS.includes(statistic)) {
    throw constraint(
      statistic,
      "statistic",
      "Member must satisfy enum value set: [Maximum, SampleCount, Sum, Minimum, Average]",
    );
  }
  const stat = parseStat(statistic ?? extendedStatistic ?? "");
  if (stat === undefined || (extendedStatistic !== undefined && stat.type === "basic")) {
    throw invalidValue(`The value ${extendedStatistic ?? ""} for parameter ExtendedStatistic is not supported.`);
  }
  const unit = optString(input, "Unit");
  if (unit !== undefined && !STANDARD_UNITS.includes(unit)) {
    throw constraint(unit, "unit", `Member must satisfy enum value set: [${STANDARD_UNITS.join(", ")}]`);
  }
  return {
    metric: { namespace, metricName, dimensions: readDimensions(input, "") },
    periodSec: period,
    stat,
    ...(statistic === undefined ? {} : { statistic }),
    ...(extendedStatistic === undefined ? {} : { extendedStatistic }),
    ...(unit === undefined ? {} : { unit }),
  };
}

const SINGLE_ONLY = ["Namespace", "Dimensions", "Period", "Unit", "Statistic", "ExtendedStatistic"];

export function readAlarmDefinition(input: Input): AlarmDefinition {
  const name = text(input, "AlarmName", "alarmName", 255);
  if (name === undefined) throw notNull("alarmName");
  const description = text(input, "AlarmDescription", "alarmDescription", 1024, 0);
  const evaluationPeriods = optInteger(input, "EvaluationPeriods");
  if (evaluationPeriods === undefined) throw notNull("evaluationPeriods");
  if (evaluationPeriods < 1)
    throw constraint(evaluationPeriods, "evaluationPeriods", "Member must have value greater than or equal to 1");
  const datapointsToAlarm = optInteger(input, "DatapointsToAlarm");
  if (datapointsToAlarm !== undefined && (datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods)) {
    throw validationError("DatapointsToAlarm must be between 1 and EvaluationPeriods.");
  }
  const comparisonOperator = optString(input, "ComparisonOperator");
  if (comparisonOperator === undefined) throw notNull("comparisonOperator");
  if (!(COMPARISON_OPERATORS as readonly string[]).includes(comparisonOperator)) {
    throw constraint(
      comparisonOperator,
      "comparisonOperator",
      `Member must satisfy enum value set: [${COMPARISON_OPERATORS.join(", ")}]`,
    );
  }
  if (!STATIC_OPERATORS.includes(comparisonOperator) || optString(input, "ThresholdMetricId") !== undefined) {
    throw validationError(
      "Anomaly detection alarms (ThresholdMetricId, band comparison operators) are not supported by the genai-lab sandbox.",
    );
  }
  const threshold = optNumber(input, "Threshold");
  if (threshold === undefined)
    throw validationError("Threshold must be specified for an alarm with a static threshold.");
  const treat = optString(input, "TreatMissingData");
  if (treat !== undefined && !TREATMENTS.includes(treat)) {
    throw validationError(
      `The value ${treat} is not supported for TreatMissingData parameter. Supported values are [breaching, notBreaching, ignore, missing].`,
    );
  }
  const lowSamples = optString(input, "EvaluateLowSampleCountPercentile");
  if (lowSamples !== undefined && lowSamples !== "evaluate" && lowSamples !== "ignore") {
    throw validationError(
      `Option ${lowSamples} is not supported. Supported options for parameter EvaluateLowSampleCountPercentile are evaluate and ignore.`,
    );
  }
  const metrics = optList(input, "Metrics");
  const hasMetricName = optString(input, "MetricName") !== undefined;
  if (metrics !== undefined && (hasMetricName || SINGLE_ONLY.some((key) => input[key] !== undefined))) {
    throw invalidCombination(
      "If you use the Metrics parameter, you cannot include the Namespace, MetricName, Dimensions, Period, Unit, Statistic, or ExtendedStatistic parameters in the same operation.",
    );
  }
  if (metrics === undefined && !hasMetricName) throw validationError("You must specify either MetricName or Metrics.");
  const tags = (optList(input, "Tags") ?? [])
    .filter(isRecord)
    .map((tag) => ({ Key: String(tag.Key), Value: String(tag.Value) }));
  return {
    name,
    ...(description === undefined ? {} : { description }),
    actionsEnabled: optBoolean(input, "ActionsEnabled") ?? true,
    okActions: actions(input, "OKActions", "oKActions"),
    alarmActions: actions(input, "AlarmActions", "alarmActions"),
    insufficientDataActions: actions(input, "InsufficientDataActions", "insufficientDataActions"),
    ...(metrics === undefined ? { single: readSingle(input) } : { queries: readAlarmQueries(metrics) }),
    evaluationPeriods,
    ...(datapointsToAlarm === undefined ? {} : { datapointsToAlarm }),
    threshold,
    comparisonOperator,
    ...(treat === undefined ? {} : { treatMissingData: treat as TreatMissingData }),
    ...(lowSamples === undefined ? {} : { evaluateLowSampleCountPercentile: lowSamples }),
    tags,
  };
}
