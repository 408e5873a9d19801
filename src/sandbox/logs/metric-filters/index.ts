/** Metric filters: their operations, and the publisher the logs store tells about appended events. */
import type { MetricSink } from "../../pipeline/metrics.js";
import type { OperationHandler } from "../../server/types.js";
import type { Db } from "../../storage/db.js";
import type { LogsStore } from "../../storage/logs-store.js";
import { metricFilterOperations } from "./operations.js";
import { MetricFilterPublisher } from "./publisher.js";
import { MetricFilterStore } from "./store.js";

export interface MetricFilters {
  operations: Record<string, OperationHandler>;
  /** How many metric filters a group has (DescribeLogGroups' metricFilterCount). */
  count(groupId: number): number;
}

/** Creates the metric filters of `logs`' database and subscribes their publisher to its appends. */
export function createMetricFilters(db: Db, logs: LogsStore, sink: MetricSink): MetricFilters {
  const store = new MetricFilterStore(db);
  const publisher = new MetricFilterPublisher(store, logs, sink);
  logs.onAppend((groupId, events) => publisher.onAppend(groupId, events));
  return { operations: metricFilterOperations(logs, store, publisher), count: (groupId) => store.count(groupId) };
}
