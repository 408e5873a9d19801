/**
 * GetLogRecord: the record behind an `@ptr`, with its system fields (timestamps in epoch milliseconds, as
 * GetLogRecord returns them) and every discovered field.
 */
import { AwsError } from "../errors.js";
import { discoverFields } from "./data/discover.js";
import type { LogStore } from "./data/store.js";
import { decodePointer } from "./exec/pointer.js";
import { formatPlainNumber } from "./exec/values.js";
import type { InsightsEventSource } from "./source.js";

function rowOf(store: LogStore, eventId: number): number {
  let lo = 0;
  let hi = store.n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const id = store.ids[mid] as number;
    if (id === eventId) return mid;
    if (id < eventId) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export function logRecord(
  stores: ReadonlyMap<number, LogStore>,
  source: InsightsEventSource,
  accountId: string,
  region: string,
  pointer: string,
): Record<string, string> {
  const decoded = decodePointer(pointer);
  if (decoded === undefined) throw new AwsError("InvalidParameterException", "The logRecordPointer is not valid.");
  const store = stores.get(decoded.groupId);
  const row = store === undefined ? -1 : rowOf(store, decoded.eventId);
  const message = store !== undefined && row >= 0 ? store.message(source, row) : undefined;
  if (
    store === undefined ||
    store.ref.accountId !== accountId ||
    store.ref.region !== region ||
    message === undefined
  ) {
    throw new AwsError("ResourceNotFoundException", "The log record the pointer refers to does not exist.");
  }
  const record: Record<string, string> = {};
  discoverFields(message, store.lambda, (name, value) => {
    record[name] = typeof value === "number" ? formatPlainNumber(value) : value;
  });
  record["@ingestionTime"] = formatPlainNumber(store.ingest[row] as number);
  record["@log"] = store.label;
  record["@logStream"] = store.streamNames[store.streams[row] as number] ?? "";
  record["@message"] = message;
  record["@timestamp"] = formatPlainNumber(store.ts[row] as number);
  return record;
}
