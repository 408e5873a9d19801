import type { OperationHandler } from "../server/types.js";
import type { GroupRow, LogsStore, StreamRow } from "../storage/logs-store.js";
import { groupArn } from "../storage/logs-store.js";
import {
  checkCreateLength,
  decodeToken,
  encodeToken,
  GROUP_NAME,
  invalidParameter,
  reader,
  readGroup,
  STREAM_NAME,
} from "./common.js";

/** AWS still returns sequence tokens (and ignores them on input); ours are derived from the upload count. */
export const sequenceToken = (uploads: number): string => `49${String(uploads).padStart(54, "0")}`;

/**
 * A stream as DescribeLogStreams lists it: a stream nothing was written to has no event times and no
 * uploadSequenceToken (recorded by LocalStack: tests/aws/services/logs/test_logs_streams.snapshot.json).
 */
function describe(g: GroupRow, s: StreamRow): Record<string, unknown> {
  return {
    logStreamName: s.name,
    creationTime: s.created_at,
    firstEventTimestamp: s.first_event_at ?? undefined,
    lastEventTimestamp: s.last_event_at ?? undefined,
    lastIngestionTime: s.last_ingestion_at ?? undefined,
    uploadSequenceToken: s.upload_seq > 0 ? sequenceToken(s.upload_seq + 1) : undefined,
    arn: `${groupArn(g)}:log-stream:${s.name}`,
    storedBytes: 0,
  };
}

export function streamOperations(store: LogsStore): Record<string, OperationHandler> {
  return {
    CreateLogStream(input, ctx) {
      const r = reader(input);
      const groupName = r.string("logGroupName", { ...GROUP_NAME, max: undefined, required: true }) ?? "";
      const name = r.string("logStreamName", { ...STREAM_NAME, max: undefined, required: true }) ?? "";
      r.done();
      checkCreateLength(groupName);
      checkCreateLength(name);
      store.createStream(store.requireGroup(ctx.accountId, ctx.region, groupName).id, name, ctx.now);
      return {};
    },

    DeleteLogStream(input, ctx) {
      const r = reader(input);
      const groupName = r.string("logGroupName", { ...GROUP_NAME, required: true }) ?? "";
      const name = r.string("logStreamName", { ...STREAM_NAME, required: true }) ?? "";
      r.done();
      store.deleteStream(store.requireGroup(ctx.accountId, ctx.region, groupName).id, name);
      return {};
    },

    DescribeLogStreams(input, ctx) {
      const r = reader(input);
      const group = readGroup(r, store, ctx);
      const prefix = r.string("logStreamNamePrefix", STREAM_NAME);
      const orderBy = r.string("orderBy", { enum: ["LogStreamName", "LastEventTime"] }) ?? "LogStreamName";
      const descending = r.boolean("descending") ?? false;
      const limit = r.integer("limit", { min: 1, max: 50 }) ?? 50;
      const nextToken = r.string("nextToken", { min: 1 });
      r.done();
      if (orderBy === "LastEventTime" && prefix !== undefined) {
        throw invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
      }
      const g = group.read();
      const offset =
        nextToken === undefined
          ? 0
          : decodeToken("streams", nextToken, (d): d is number => Number.isInteger(d) && (d as number) >= 0);
      const all = store
        .streams(g.id)
        .filter((s) => prefix === undefined || s.name.startsWith(prefix))
        .sort((a, b) =>
          orderBy === "LogStreamName"
            ? a.name < b.name
              ? -1
              : a.name > b.name
                ? 1
                : 0
            : (a.last_event_at ?? 0) - (b.last_event_at ?? 0) || a.id - b.id,
        );
      if (descending) all.reverse();
      const page = all.slice(offset, offset + limit);
      return {
        logStreams: page.map((s) => describe(g, s)),
        nextToken: offset + limit < all.length ? encodeToken("streams", offset + limit) : undefined,
      };
    },
  };
}
