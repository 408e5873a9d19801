import type { InsightsEngine } from "../insights/index.js";
import type { OperationHandler } from "../server/types.js";
import type { EventReads } from "../storage/event-reads.js";
import type { LogsStore } from "../storage/logs-store.js";
import { filterEventsOperations } from "./filter-events.js";
import { getEventsOperations } from "./get-events.js";
import { groupOperations } from "./groups.js";
import type { MetricFilters } from "./metric-filters/index.js";
import { putEventsOperations } from "./put-events.js";
import { queryOperations } from "./queries.js";
import { streamOperations } from "./streams.js";

/** CloudWatch Logs (AWS JSON 1.1, X-Amz-Target Logs_20140328.<Operation>). */
export function createLogsOperations(
  store: LogsStore,
  reads: EventReads,
  engine: () => InsightsEngine,
  metricFilters?: MetricFilters,
): Record<string, OperationHandler> {
  return {
    ...groupOperations(store, (groupId) => metricFilters?.count(groupId) ?? 0),
    ...streamOperations(store),
    ...putEventsOperations(store),
    ...getEventsOperations(store, reads),
    ...filterEventsOperations(store, reads),
    ...queryOperations(engine),
    ...metricFilters?.operations,
  };
}
