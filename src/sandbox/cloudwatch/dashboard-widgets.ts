/**
 * Per-widget checks of a dashboard body, worded like CloudWatch's schema validator (ajv: "Should have required
 * property 'region'", "Should be <= 24", …) plus CloudWatch's own metric-row messages ("Invalid metric field type,
 * only "String" type is allowed", and "Should NOT have more than N items" for a rendering-options object that is not
 * last or holds keys CloudWatch does not know, e.g. `dimensions`).
 */

export interface Problem {
  dataPath: string;
  message: string;
}

export type Reporter = (dataPath: string, message: string) => void;

import { checkAlarmArns, checkAlarmWidget } from "./alarm-widgets.js";

type Json = unknown;

export function isPlainObject(value: Json): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const RENDER_KEYS = ["accountId", "color", "expression", "id", "label", "period", "region", "stat", "visible", "yAxis"];
const METRIC_VIEWS = ["timeSeries", "singleValue", "bar", "pie", "gauge", "table"];
const LOG_VIEWS = ["table", "timeSeries", "bar", "pie"];
/** `SOURCE 'group' | [SOURCE 'other' | …] query` — what dashboard log widgets carry. */
const SOURCE_PREFIX = /^\s*SOURCE\s+(['"])[^'"]+\1\s*(\|\s*SOURCE\s+(['"])[^'"]+\3\s*)*\|/i;

export function checkInteger(value: Json, path: string, min: number, max: number | undefined, report: Reporter): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isInteger(value)) return report(path, "Should be integer");
  if (value < min) report(path, `Should be >= ${min}`);
  else if (max !== undefined && value > max) report(path, `Should be <= ${max}`);
}

function requireKeys(properties: Record<string, Json>, path: string, keys: readonly string[], report: Reporter): void {
  for (const key of keys) if (!(key in properties)) report(path, `Should have required property '${key}'`);
}

function checkString(value: Json, path: string, report: Reporter): void {
  if (value !== undefined && typeof value !== "string") report(path, "Should be string");
}

function checkEnum(value: Json, path: string, allowed: readonly string[], report: Reporter): void {
  if (value !== undefined && (typeof value !== "string" || !allowed.includes(value))) {
    report(path, "Should be equal to one of the allowed values");
  }
}

function checkMetricRow(row: Json, path: string, report: Reporter): void {
  if (!Array.isArray(row)) return report(path, "Should be array");
  let strings = 0;
  let expression = false;
  row.forEach((item: Json, k) => {
    if (typeof item === "string") {
      strings += 1;
      return;
    }
    if (isPlainObject(item)) {
      const unknownKey = Object.keys(item).some((key) => !RENDER_KEYS.includes(key));
      if (k !== row.length - 1 || unknownKey) report(path, `Should NOT have more than ${k} items`);
      expression = typeof item.expression === "string";
      return;
    }
    report(`${path}/${k}`, 'Invalid metric field type, only "String" type is allowed');
  });
  // "..." repeats the previous row, so a row made of it alone is complete.
  if (!expression && strings < 2 && !(row[0] === "...")) report(path, "Should NOT have fewer than 2 items");
}

function checkMetricWidget(properties: Record<string, Json>, path: string, report: Reporter): void {
  const annotations = properties.annotations;
  const alarmsOnly = isPlainObject(annotations) && Array.isArray(annotations.alarms) && annotations.alarms.length > 0;
  requireKeys(properties, path, alarmsOnly ? ["region"] : ["region", "metrics"], report);
  checkString(properties.region, `${path}/region`, report);
  checkEnum(properties.view, `${path}/view`, METRIC_VIEWS, report);
  checkInteger(properties.period, `${path}/period`, 1, undefined, report);
  checkString(properties.stat, `${path}/stat`, report);
  if (isPlainObject(annotations)) checkAlarmArns(annotations.alarms, `${path}/annotations/alarms`, report);
  const metrics = properties.metrics;
  if (metrics === undefined) return;
  if (!Array.isArray(metrics)) return report(`${path}/metrics`, "Should be array");
  metrics.forEach((row: Json, j) => checkMetricRow(row, `${path}/metrics/${j}`, report));
}

function checkLogWidget(properties: Record<string, Json>, path: string, report: Reporter): void {
  requireKeys(properties, path, ["query", "region"], report);
  checkString(properties.region, `${path}/region`, report);
  checkEnum(properties.view, `${path}/view`, LOG_VIEWS, report);
  const query = properties.query;
  if (query === undefined) return;
  if (typeof query !== "string") return report(`${path}/query`, "Should be string");
  if (!SOURCE_PREFIX.test(query)) {
    report(
      `${path}/query`,
      "The query must start with SOURCE '<log group name>' | followed by the Logs Insights query",
    );
  }
}

/** Checks a widget's `properties` for its type. */
export function checkWidgetProperties(
  type: string,
  properties: Record<string, Json>,
  path: string,
  report: Reporter,
): void {
  switch (type) {
    case "metric":
      return checkMetricWidget(properties, path, report);
    case "log":
      return checkLogWidget(properties, path, report);
    case "text":
      requireKeys(properties, path, ["markdown"], report);
      return checkString(properties.markdown, `${path}/markdown`, report);
    case "alarm":
      return checkAlarmWidget(properties, path, report);
    default:
      return;
  }
}
