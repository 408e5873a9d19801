import type { OperationHandler } from "../server/types.js";
import type { EventKey, EventReads, TimeRange } from "../storage/event-reads.js";
import { AFTER_ALL, BEFORE_ALL } from "../storage/event-reads.js";
import type { LogsStore } from "../storage/logs-store.js";
import { streamNotFound } from "../storage/logs-store.js";
import { invalidParameter, reader, readGroup, retainedSince, STREAM_NAME } from "./common.js";

/** Tokens look like AWS's (f/…/s, b/…/s); the digits encode the (timestamp, id) position they point at. */
function encodePosition(direction: "f" | "b", key: EventKey): string {
  const ts = key.timestamp < 0 ? 0 : Math.min(key.timestamp, 99_999_999_999_999);
  return `${direction}/${String(ts).padStart(20, "0")}${String(Math.min(key.id, 9_999_999_999_999)).padStart(36, "0")}/s`;
}

function decodePosition(token: string): { direction: "forward" | "backward"; key: EventKey } {
  const m = /^([fb])\/(\d{20})(\d{36})\/s$/.exec(token);
  if (m === null) throw invalidParameter("The specified nextToken is invalid.");
  return { direction: m[1] === "f" ? "forward" : "backward", key: { timestamp: Number(m[2]), id: Number(m[3]) } };
}

export function getEventsOperations(store: LogsStore, reads: EventReads): Record<string, OperationHandler> {
  return {
    GetLogEvents(input, ctx) {
      const r = reader(input);
      const group = readGroup(r, store, ctx);
      const streamName = r.string("logStreamName", { ...STREAM_NAME, required: true }) ?? "";
      const startTime = r.integer("startTime", { min: 0 });
      const endTime = r.integer("endTime", { min: 0 });
      const nextToken = r.string("nextToken", { min: 1 });
      const limit = r.integer("limit", { min: 1, max: 10_000 }) ?? 10_000;
      const startFromHead = r.boolean("startFromHead") ?? false;
      r.boolean("unmask");
      r.done();
      const g = group.read();
      const stream = store.findStream(g.id, streamName);
      if (stream === undefined) throw streamNotFound();

      const range: TimeRange = {
        from: Math.max(startTime ?? 0, retainedSince(g, ctx.now)),
        to: endTime ?? Number.MAX_SAFE_INTEGER,
      };
      let direction: "forward" | "backward" = startFromHead ? "forward" : "backward";
      let key = startFromHead ? BEFORE_ALL : AFTER_ALL;
      if (nextToken !== undefined) ({ direction, key } = decodePosition(nextToken));

      const rows = reads.stream(stream.id, range, key, direction, limit);
      if (direction === "backward") rows.reverse();
      const firstRow = rows[0];
      const lastRow = rows[rows.length - 1];
      // At either end of the stream the same token comes back, which is how clients know to stop. An empty first
      // read from the tail points forward at the beginning, so tailing later still sees new events.
      const emptyForward = nextToken === undefined && direction === "backward" ? BEFORE_ALL : key;
      const forwardKey = lastRow ? { timestamp: lastRow.timestamp, id: lastRow.id } : emptyForward;
      const backwardKey = firstRow ? { timestamp: firstRow.timestamp, id: firstRow.id } : key;
      return {
        events: rows.map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestion_time })),
        nextForwardToken: encodePosition("f", forwardKey),
        nextBackwardToken: encodePosition("b", backwardKey),
      };
    },
  };
}
