/**
 * The sandbox's CloudWatch (dashboards and metrics) over SQLite.
 *
 * `operations[Op](input, ctx)` takes and returns AWS JSON 1.0 member names (PascalCase). Input timestamps may be
 * epoch seconds, ISO 8601 strings or Dates; output timestamps are Dates (the protocol layer renders them). Errors are
 * AwsError with CloudWatch's JSON code and, where it differs, its AWS Query code (`queryCode`).
 *
 * Metric alarms (alarms/) are evaluated by `evaluateAlarms(now)`, which the server calls before each request.
 *
 * `putMetricData` is for the sandbox's own producers (the Bedrock pipeline and the history seeder): same validation,
 * but `AWS/` namespaces and backfilled timestamps are allowed.
 */
import type { OperationHandler } from "../server/types.js";
import type { Db } from "../storage/db.js";
import { ALARM_OPERATIONS, createAlarms } from "./alarms/index.js";
import { Dashboards } from "./dashboards.js";
import { getMetricData } from "./get-metric-data.js";
import { getMetricStatistics } from "./get-metric-statistics.js";
import { listMetrics } from "./list-metrics.js";
import type { MetricDatum } from "./metric-datum.js";
import { MetricStore } from "./metric-store.js";
import { putMetricDataInternal, putMetricDataOperation } from "./put-metric-data.js";
import { createCloudWatchSchema } from "./schema.js";

export type { MetricDatum } from "./metric-datum.js";
export { dashboardArn } from "./dashboards.js";

export const CLOUDWATCH_OPERATIONS = [
  "PutDashboard",
  "GetDashboard",
  "ListDashboards",
  "DeleteDashboards",
  "PutMetricData",
  "GetMetricData",
  "GetMetricStatistics",
  "ListMetrics",
  ...ALARM_OPERATIONS,
] as const;
export type CloudWatchOperationName = (typeof CLOUDWATCH_OPERATIONS)[number];

export interface CloudWatchService {
  operations: Record<CloudWatchOperationName, OperationHandler> & Record<string, OperationHandler | undefined>;
  putMetricData(accountId: string, region: string, namespace: string, data: MetricDatum[], now: number): void;
  /** Evaluates the alarms due at or before `now` (alarms/evaluator.ts). */
  evaluateAlarms(now: number): void;
}

export function createCloudWatchService(db: Db): CloudWatchService {
  createCloudWatchSchema(db);
  const dashboards = new Dashboards(db);
  const metrics = new MetricStore(db);
  const alarms = createAlarms(db, metrics);
  const operations: Record<CloudWatchOperationName, OperationHandler> = {
    PutDashboard: (input, ctx) => dashboards.put(input, ctx),
    GetDashboard: (input, ctx) => dashboards.get(input, ctx),
    ListDashboards: (input, ctx) => dashboards.list(input, ctx),
    DeleteDashboards: (input, ctx) => dashboards.delete(input, ctx),
    PutMetricData: (input, ctx) => putMetricDataOperation(metrics, input, ctx),
    GetMetricData: (input, ctx) => getMetricData(metrics, input, ctx),
    GetMetricStatistics: (input, ctx) => getMetricStatistics(metrics, input, ctx),
    ListMetrics: (input, ctx) => listMetrics(metrics, input, ctx),
    ...(alarms.operations as Record<(typeof ALARM_OPERATIONS)[number], OperationHandler>),
  };
  return {
    operations,
    putMetricData: (accountId, region, namespace, data, now) =>
      putMetricDataInternal(metrics, accountId, region, namespace, data, now),
    evaluateAlarms: (now) => alarms.evaluateDue(now),
  };
}
