import type {
  CommittedEvents,
  FieldsCache,
  InsightsEventSource,
  LogGroupRef,
  StoredLogEvent,
} from "../insights/source.js";
import type { EventReads } from "./event-reads.js";
import type { EventRow, GroupRow, LogsStore } from "./logs-store.js";
import { groupArn } from "./logs-store.js";

// Small reads: each chunk of messages dies young (a 5,000-row chunk of 1.4 KB messages outlived scavenges and grew
// the old generation, and with it peak RSS, during long scans).
const CHUNK = 1000;

function groupRef(g: GroupRow): LogGroupRef {
  return {
    id: g.id,
    name: g.name,
    accountId: g.account_id,
    region: g.region,
    arn: groupArn(g),
    createdAt: g.created_at,
  };
}

/** The storage side of the Insights contract: groups by name/ARN, events in visibility (id) order, read lazily. */
export function createInsightsSource(store: LogsStore, reads: EventReads, fields?: FieldsCache): InsightsEventSource {
  const streamNamer = (groupId: number) => {
    const names = new Map<number, string>();
    const load = () => {
      for (const s of store.streams(groupId)) names.set(s.id, s.name);
    };
    load();
    return (streamId: number): string => {
      if (!names.has(streamId)) load();
      return names.get(streamId) ?? "";
    };
  };
  const toEvent = (row: EventRow, streamName: (id: number) => string): StoredLogEvent => ({
    id: row.id,
    logStream: streamName(row.stream_id),
    timestamp: row.timestamp,
    ingestionTime: row.ingestion_time,
    message: row.message,
  });
  return {
    fields,
    onAppend(listener: (groupId: number, ref: () => LogGroupRef | undefined) => void): void {
      store.onAppend((groupId) =>
        listener(groupId, () => {
          const row = store.groupById(groupId);
          return row === undefined ? undefined : groupRef(row);
        }),
      );
    },
    onCommitted(listener: (groupId: number, batch: CommittedEvents) => void): void {
      const names = new Map<number, string>();
      store.onCommit(({ groupId, streamId, firstId, ingestionTime, events, bytes }) => {
        let logStream = names.get(streamId);
        if (logStream === undefined) {
          logStream = store.streams(groupId).find((s) => s.id === streamId)?.name ?? "";
          names.set(streamId, logStream);
        }
        const name = logStream;
        listener(groupId, {
          size: bytes + events.length * 16,
          events: () =>
            events.map((e, i): StoredLogEvent => ({
              id: firstId + i,
              logStream: name,
              timestamp: e.timestamp,
              ingestionTime,
              message: e.message,
            })),
        });
      });
    },
    findLogGroup(accountId: string, region: string, nameOrArn: string): LogGroupRef | undefined {
      const g = store.resolveGroup(accountId, region, nameOrArn);
      return g === undefined ? undefined : groupRef(g);
    },
    listLogGroups(accountId: string, region: string): LogGroupRef[] {
      return store.listGroups(accountId, region, "", Number.MAX_SAFE_INTEGER, () => true).map(groupRef);
    },
    *eventsByIds(groupId: number, ids: readonly number[]): Iterable<StoredLogEvent> {
      const streamName = streamNamer(groupId);
      for (let i = 0; i < ids.length; i += CHUNK) {
        for (const row of reads.byIds(groupId, ids.slice(i, i + CHUNK))) yield toEvent(row, streamName);
      }
    },
    lastEventId: () => reads.lastEventId(),
    *eventsAfter(groupId: number, afterId: number, upTo = Number.MAX_SAFE_INTEGER): Iterable<StoredLogEvent> {
      const streamName = streamNamer(groupId);
      let cursor = afterId;
      for (;;) {
        // Chunked reads instead of a live cursor, so callers may use the connection between items.
        const rows = reads.afterId(groupId, cursor, CHUNK, upTo);
        for (const row of rows) yield toEvent(row, streamName);
        if (rows.length < CHUNK) return;
        cursor = rows[rows.length - 1]?.id ?? cursor;
      }
    },
  };
}
