/**
 * Alarms on a dashboard: an `alarm` widget's `alarms` (alarm ARNs, up to 100, with optional `sortBy` and `states`)
 * and a metric widget's `annotations.alarms` (CloudWatch dashboard body structure: "Alarm widget object
 * properties"). Worded like the rest of the body's checks (ajv's messages). The alarms need not exist: CloudWatch
 * draws a missing alarm as one it cannot find, and so does the preview.
 */
import type { Reporter } from "./dashboard-widgets.js";

export const ALARM_ARN = /^arn:aws[a-z-]*:cloudwatch:[a-z0-9-]+:\d{12}:alarm:.+$/;
const SORT_BY = ["default", "stateUpdatedTimestamp", "timestamp"];
const STATES = ["ALARM", "INSUFFICIENT_DATA", "OK"];
const MAX_ALARMS = 100;

export function checkAlarmArns(alarms: unknown, path: string, report: Reporter): void {
  if (alarms === undefined) return;
  if (!Array.isArray(alarms)) return report(path, "Should be array");
  if (alarms.length > MAX_ALARMS) report(path, `Should NOT have more than ${MAX_ALARMS} items`);
  alarms.forEach((arn: unknown, i) => {
    if (typeof arn !== "string") report(`${path}/${i}`, "Should be string");
    else if (!ALARM_ARN.test(arn)) report(`${path}/${i}`, `Should match pattern "${ALARM_ARN.source}"`);
  });
}

export function checkAlarmWidget(properties: Record<string, unknown>, path: string, report: Reporter): void {
  if (!("alarms" in properties)) report(path, "Should have required property 'alarms'");
  checkAlarmArns(properties.alarms, `${path}/alarms`, report);
  const sortBy = properties.sortBy;
  if (sortBy !== undefined && (typeof sortBy !== "string" || !SORT_BY.includes(sortBy))) {
    report(`${path}/sortBy`, "Should be equal to one of the allowed values");
  }
  const states = properties.states;
  if (states === undefined) return;
  if (!Array.isArray(states)) return report(`${path}/states`, "Should be array");
  states.forEach((state: unknown, i) => {
    if (typeof state !== "string" || !STATES.includes(state)) {
      report(`${path}/states/${i}`, "Should be equal to one of the allowed values");
    }
  });
}
