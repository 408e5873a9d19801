/** CloudWatch metric alarms on the sandbox: the operations, and the evaluator the server runs before each request. */
import type { OperationHandler } from "../../server/types.js";
import type { Db } from "../../storage/db.js";
import type { MetricStore } from "../metric-store.js";
import { AlarmEvaluator } from "./evaluator.js";
import { alarmOperations } from "./operations.js";
import { AlarmStore } from "./store.js";

export const ALARM_OPERATIONS = [
  "PutMetricAlarm",
  "DescribeAlarms",
  "DescribeAlarmsForMetric",
  "DescribeAlarmHistory",
  "SetAlarmState",
  "DeleteAlarms",
  "EnableAlarmActions",
  "DisableAlarmActions",
] as const;

export interface Alarms {
  operations: Record<string, OperationHandler>;
  /** Runs every evaluation due at or before `now`. */
  evaluateDue(now: number): void;
}

export function createAlarms(db: Db, metrics: MetricStore): Alarms {
  const store = new AlarmStore(db);
  const evaluator = new AlarmEvaluator(store, metrics);
  return { operations: alarmOperations(store, evaluator), evaluateDue: (now) => evaluator.evaluateDue(now) };
}
