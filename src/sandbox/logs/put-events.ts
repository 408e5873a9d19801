import type { OperationHandler } from "../server/types.js";
import type { LogsStore, NewEvent } from "../storage/logs-store.js";
import { streamNotFound } from "../storage/logs-store.js";
import { GROUP_NAME, invalidParameter, reader, retainedSince, STREAM_NAME } from "./common.js";
import { sequenceToken } from "./streams.js";

/** AWS's PutLogEvents limits (CloudWatch Logs API reference). */
export const PUT_LIMITS = {
  maxEvents: 10_000,
  maxBatchBytes: 1_048_576,
  perEventOverhead: 26,
  maxSpanMs: 24 * 3600 * 1000,
  maxAgeMs: 14 * 24 * 3600 * 1000,
  maxFutureMs: 2 * 3600 * 1000,
} as const;

/** An event that passes every member rule as it stands (the common case), without a reader of its own. */
function wellFormed(item: unknown): NewEvent | undefined {
  if (item === null || typeof item !== "object" || Array.isArray(item)) return undefined;
  const { timestamp, message } = item as Record<string, unknown>;
  if (typeof timestamp !== "number" || !Number.isInteger(timestamp) || timestamp < 0) return undefined;
  if (typeof message !== "string" || message.length === 0) return undefined;
  return { timestamp, message };
}

/** An event read member by member, so that what is wrong with it is reported in AWS's words. */
function readEvent(item: unknown, i: number): NewEvent {
  const er = reader(
    item !== null && typeof item === "object" && !Array.isArray(item) ? (item as Record<string, unknown>) : {},
  );
  if (item === null || typeof item !== "object" || Array.isArray(item))
    er.fail(`Value at 'logEvents.${i + 1}.member' failed to satisfy constraint: Member must be a structure`);
  const timestamp = er.integer("timestamp", { required: true, min: 0 });
  const message = er.string("message", { required: true, min: 1 });
  er.done();
  return { timestamp: timestamp ?? 0, message: message ?? "" };
}

export function putEventsOperations(store: LogsStore): Record<string, OperationHandler> {
  return {
    PutLogEvents(input, ctx) {
      const r = reader(input);
      const groupName = r.string("logGroupName", { ...GROUP_NAME, required: true }) ?? "";
      const streamName = r.string("logStreamName", { ...STREAM_NAME, required: true }) ?? "";
      r.string("sequenceToken", { min: 1 });
      const raw = r.list("logEvents", { required: true, min: 1, max: PUT_LIMITS.maxEvents }) ?? [];
      r.done();

      const events: NewEvent[] = raw.map((item, i) => wellFormed(item) ?? readEvent(item, i));

      let bytes = 0;
      for (const e of events) bytes += Buffer.byteLength(e.message, "utf8") + PUT_LIMITS.perEventOverhead;
      if (bytes > PUT_LIMITS.maxBatchBytes) {
        throw invalidParameter(`Upload too large: ${bytes} bytes exceeds limit of ${PUT_LIMITS.maxBatchBytes}`);
      }
      for (let i = 1; i < events.length; i += 1) {
        if ((events[i]?.timestamp ?? 0) < (events[i - 1]?.timestamp ?? 0)) {
          throw invalidParameter("Log events in a single PutLogEvents request must be in chronological order.");
        }
      }
      const first = events[0]?.timestamp ?? 0;
      const last = events[events.length - 1]?.timestamp ?? 0;
      if (last - first > PUT_LIMITS.maxSpanMs) {
        throw invalidParameter(
          "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.",
        );
      }

      const group = store.requireGroup(ctx.accountId, ctx.region, groupName);
      const stream = store.findStream(group.id, streamName);
      if (stream === undefined) throw streamNotFound();

      // Events are sorted, so each rejection is a prefix (too old / expired) or a suffix (too new) of the batch.
      const tooOldBefore = ctx.now - PUT_LIMITS.maxAgeMs;
      const expiredBefore = retainedSince(group, ctx.now);
      const tooNewAfter = ctx.now + PUT_LIMITS.maxFutureMs;
      let start = 0;
      let tooOldEnd = -1;
      let expiredEnd = -1;
      while (start < events.length && (events[start]?.timestamp ?? 0) < Math.max(tooOldBefore, expiredBefore)) {
        if ((events[start]?.timestamp ?? 0) < expiredBefore) expiredEnd = start;
        if ((events[start]?.timestamp ?? 0) < tooOldBefore) tooOldEnd = start;
        start += 1;
      }
      let end = events.length;
      while (end > start && (events[end - 1]?.timestamp ?? 0) > tooNewAfter) end -= 1;

      const accepted = events.slice(start, end);
      const uploads = accepted.length > 0 ? store.putEvents(group.id, stream.id, accepted, ctx.now) : stream.upload_seq;
      const rejected: Record<string, number> = {};
      if (end < events.length) rejected.tooNewLogEventStartIndex = end;
      if (tooOldEnd >= 0) rejected.tooOldLogEventEndIndex = tooOldEnd + 1;
      if (expiredEnd >= 0) rejected.expiredLogEventEndIndex = expiredEnd + 1;
      return {
        nextSequenceToken: sequenceToken(uploads + 1),
        rejectedLogEventsInfo: Object.keys(rejected).length > 0 ? rejected : undefined,
      };
    },
  };
}
