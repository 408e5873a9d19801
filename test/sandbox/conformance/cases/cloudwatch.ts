/**
 * CloudWatch (dashboards and metrics): every operation the sandbox implements, its success shape and its documented
 * errors. Sources: MODEL = botocore data/cloudwatch/2010-08-01/service-2.json (also the SDK's bundled schema);
 * REF = the CloudWatch API Reference page of the operation; RECORDED = real AWS responses recorded by LocalStack in
 * tests/aws/services/cloudwatch/test_cloudwatch.snapshot.json (named test), or quoted in the public issue named.
 */
import { ALARM_CASES } from "./cloudwatch-alarms.js";
import { DASHBOARD_CASES } from "./cloudwatch-dashboards.js";
import { GET_METRIC_DATA_CASES } from "./cloudwatch-get-metric-data.js";
import { METRIC_CASES } from "./cloudwatch-metrics.js";
import type { Case } from "./cloudwatch-common.js";

export const CLOUDWATCH_CASES: readonly Case[] = [
  ...DASHBOARD_CASES,
  ...METRIC_CASES,
  ...GET_METRIC_DATA_CASES,
  ...ALARM_CASES,
];

/** Documented errors the sandbox never answers, and why. */
export const CLOUDWATCH_UNREACHABLE: Readonly<Record<string, string>> = {
  InternalServiceFault: "a server fault: the sandbox answers its own bugs with InternalFailure (500)",
  ConflictException: "concurrent modification: the sandbox applies writes one at a time",
  "GetDashboard:InvalidParameterValueException": "no input of GetDashboard is refused as a bad value by the sandbox",
  "DeleteDashboards:InvalidParameterValueException":
    "unknown names are ResourceNotFound (API reference); no other value is refused by the sandbox",
  "PutMetricAlarm:LimitExceededFault": "the sandbox sets no quota on the number of alarms",
  "DeleteAlarms:ResourceNotFound":
    "the API reference says incorrect names are skipped while the others are deleted: the sandbox answers success",
};
