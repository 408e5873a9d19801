import type { OperationHandler } from "../server/types.js";
import type { EventKey, EventReads } from "../storage/event-reads.js";
import { BEFORE_ALL } from "../storage/event-reads.js";
import type { LogsStore } from "../storage/logs-store.js";
import { decodeToken, encodeToken, invalidParameter, reader, readGroup, retainedSince, STREAM_NAME } from "./common.js";
import { compileFilterPattern } from "./filter-pattern.js";

const CHUNK = 1000;
/** Like AWS, a page stops after scanning this much and may come back short (even empty) with a nextToken. */
const SCAN_BUDGET = 100_000;
const MAX_PAGE_BYTES = 1_048_576;

const isKey = (d: unknown): d is EventKey =>
  d !== null &&
  typeof d === "object" &&
  Number.isInteger((d as EventKey).timestamp) &&
  Number.isInteger((d as EventKey).id);

export const eventId = (id: number): string => String(id).padStart(56, "0");

export function filterEventsOperations(store: LogsStore, reads: EventReads): Record<string, OperationHandler> {
  return {
    FilterLogEvents(input, ctx) {
      const r = reader(input);
      const group = readGroup(r, store, ctx);
      const streamNames = r.stringList("logStreamNames", { min: 1, max: 100, item: STREAM_NAME });
      const streamPrefix = r.string("logStreamNamePrefix", STREAM_NAME);
      const startTime = r.integer("startTime", { min: 0 });
      const endTime = r.integer("endTime", { min: 0 });
      const filterPattern = r.string("filterPattern", { min: 0, max: 1024 });
      const nextToken = r.string("nextToken", { min: 1 });
      const limit = r.integer("limit", { min: 1, max: 10_000 }) ?? 10_000;
      r.boolean("interleaved");
      r.boolean("unmask");
      r.done();
      if (streamNames !== undefined && streamPrefix !== undefined) {
        throw invalidParameter("logStreamNames and logStreamNamePrefix are mutually exclusive parameters.");
      }
      const matches = compileFilterPattern(filterPattern);
      const g = group.read();

      const names = new Map<number, string>();
      for (const s of store.streams(g.id)) {
        const wanted =
          (streamNames === undefined || streamNames.includes(s.name)) &&
          (streamPrefix === undefined || s.name.startsWith(streamPrefix));
        if (wanted) names.set(s.id, s.name);
      }
      const range = {
        from: Math.max(startTime ?? 0, retainedSince(g, ctx.now)),
        to: endTime === undefined ? Number.MAX_SAFE_INTEGER : endTime + 1,
      };
      let key = nextToken === undefined ? BEFORE_ALL : decodeToken("filter", nextToken, isKey);

      const events: Record<string, unknown>[] = [];
      let bytes = 0;
      let scanned = 0;
      let exhausted = names.size === 0;
      scan: while (!exhausted && scanned < SCAN_BUDGET) {
        const rows = reads.group(g.id, range, key, CHUNK);
        if (rows.length < CHUNK) exhausted = true;
        for (let i = 0; i < rows.length; i += 1) {
          const row = rows[i];
          if (row === undefined) continue;
          key = { timestamp: row.timestamp, id: row.id };
          scanned += 1;
          const streamName = names.get(row.stream_id);
          if (streamName === undefined || !matches(row.message)) continue;
          events.push({
            logStreamName: streamName,
            timestamp: row.timestamp,
            message: row.message,
            ingestionTime: row.ingestion_time,
            eventId: eventId(row.id),
          });
          bytes += Buffer.byteLength(row.message, "utf8");
          if (events.length >= limit || bytes >= MAX_PAGE_BYTES) {
            if (i < rows.length - 1) exhausted = false;
            break scan;
          }
        }
      }
      return {
        events,
        searchedLogStreams: [],
        nextToken: exhausted ? undefined : encodeToken("filter", key),
      };
    },
  };
}
