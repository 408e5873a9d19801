import type { InsightsEventSource, LogGroupRef, StoredLogEvent } from "../insights/source.js";
import type { EventReads } from "./event-reads.js";
import type { GroupRow, LogsStore } from "./logs-store.js";
import { groupArn } from "./logs-store.js";

const CHUNK = 5000;

/** Parses a log group ARN (with or without the trailing ":*"). */
export function parseGroupArn(arn: string): { region: string; accountId: string; name: string } | undefined {
  const m = /^arn:aws[a-z-]*:logs:([^:]+):(\d{12}):log-group:(.+?)(?::\*)?$/.exec(arn);
  return m ? { region: m[1] ?? "", accountId: m[2] ?? "", name: m[3] ?? "" } : undefined;
}

/** Resolves a group by name or ARN within one account and Region (ARNs of other accounts/Regions do not resolve). */
export function resolveGroup(store: LogsStore, accountId: string, region: string, nameOrArn: string): GroupRow | undefined {
  if (nameOrArn.startsWith("arn:")) {
    const parsed = parseGroupArn(nameOrArn);
    if (parsed === undefined || parsed.accountId !== accountId || parsed.region !== region) return undefined;
    return store.findGroup(accountId, region, parsed.name);
  }
  return store.findGroup(accountId, region, nameOrArn);
}

/** The storage side of the Insights contract: groups by name/ARN, events in visibility (id) order, read lazily. */
export function createInsightsSource(store: LogsStore, reads: EventReads): InsightsEventSource {
  return {
    findLogGroup(accountId: string, region: string, nameOrArn: string): LogGroupRef | undefined {
      const g = resolveGroup(store, accountId, region, nameOrArn);
      if (g === undefined) return undefined;
      return { id: g.id, name: g.name, accountId: g.account_id, region: g.region, arn: groupArn(g), createdAt: g.created_at };
    },
    *eventsAfter(groupId: number, afterId: number): Iterable<StoredLogEvent> {
      const streamNames = new Map<number, string>();
      for (const s of store.streams(groupId)) streamNames.set(s.id, s.name);
      let cursor = afterId;
      for (;;) {
        // Chunked reads instead of a live cursor, so callers may use the connection between items.
        const rows = reads.afterId(groupId, cursor, CHUNK);
        for (const row of rows) {
          let logStream = streamNames.get(row.stream_id);
          if (logStream === undefined) {
            for (const s of store.streams(groupId)) streamNames.set(s.id, s.name);
            logStream = streamNames.get(row.stream_id) ?? "";
          }
          yield { id: row.id, logStream, timestamp: row.timestamp, ingestionTime: row.ingestion_time, message: row.message };
        }
        if (rows.length < CHUNK) return;
        cursor = rows[rows.length - 1]?.id ?? cursor;
      }
    },
  };
}
