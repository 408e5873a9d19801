/**
 * The contract between the sandbox's storage (which owns log groups and events in SQLite) and the
 * Logs Insights engine (which owns parsing, field discovery and evaluation). Neither side reaches past it.
 */

/** One log group as the store knows it. `id` changes when a group is deleted and created again. */
export interface LogGroupRef {
  id: number;
  name: string;
  accountId: string;
  region: string;
  /** arn:aws:logs:<region>:<account>:log-group:<name> (without the trailing ":*"). */
  arn: string;
  createdAt: number;
}

/** One event that is visible to readers (delivered, not pending). */
export interface StoredLogEvent {
  /** Unique across the store and increasing in the order events became visible. */
  id: number;
  logStream: string;
  /** Event time, epoch milliseconds. */
  timestamp: number;
  /** When the service accepted the event, epoch milliseconds. */
  ingestionTime: number;
  message: string;
}

export interface InsightsEventSource {
  /** A group by name or ARN (with or without ":*") in one account and Region; undefined if it does not exist. */
  findLogGroup(accountId: string, region: string, nameOrArn: string): LogGroupRef | undefined;
  /**
   * The group's visible events with id > afterId, ascending by id. Lazily iterated; may be large. With `upTo`, the
   * source may stop after id `upTo` (events that became visible since are not needed; it may still yield them).
   */
  eventsAfter(groupId: number, afterId: number, upTo?: number): Iterable<StoredLogEvent>;
  /** Optional: the highest event id handed out so far (background discovery reads up to it, not past it). */
  lastEventId?(): number;
  /**
   * Optional: every group of one account and Region. Only `SOURCE logGroups(namePrefix: [...])` needs it;
   * without it that form of SOURCE is refused with a clear message.
   */
  listLogGroups?(accountId: string, region: string): LogGroupRef[];
  /**
   * Optional: the group's events with these ids (any order; ids that no longer exist are skipped). Result rows
   * read their messages through it; without it they are read by scanning from the lowest id to the highest.
   */
  eventsByIds?(groupId: number, ids: readonly number[]): Iterable<StoredLogEvent>;
  /**
   * Optional: calls `listener` when a group receives events, so the engine can discover their fields in the
   * background instead of making the next query wait. The call may come before the events are committed: the
   * listener only schedules work for a later turn of the event loop.
   */
  onAppend?(listener: (groupId: number, ref: () => LogGroupRef | undefined) => void): void;
  /**
   * Optional: calls `listener` with a batch of events once it has committed (after its onAppend call), so the engine
   * can discover their fields without reading them back. Appends that never reach it (another writer, a rollback)
   * are read from eventsAfter as usual.
   */
  onCommitted?(listener: (groupId: number, batch: CommittedEvents) => void): void;
  /** Optional: where discovered fields are kept across restarts (data/persist.ts says what is kept). */
  fields?: FieldsCache;
}

/** Files of discovered fields, one per log group, kept beside the events. */
export interface FieldsCache {
  /** The group's file, or undefined if there is none. */
  load(groupId: number): Buffer | undefined;
  /** Replaces the group's file with these parts (a new file renamed over the old one). */
  save(groupId: number, parts: readonly Uint8Array[]): Promise<void>;
  /** How many of the group's events have an id ≤ upTo now (fewer than a file holds: some were deleted since). */
  countUpTo(groupId: number, upTo: number): number;
}

/** A committed batch as onCommitted hands it over: its events are made when the engine reads them. */
export interface CommittedEvents {
  /** About how many bytes holding the batch costs. */
  size: number;
  /** The batch's events, ids ascending (made anew on each call). */
  events(): readonly StoredLogEvent[];
}
