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
  /** The group's visible events with id > afterId, ascending by id. Lazily iterated; may be large. */
  eventsAfter(groupId: number, afterId: number): Iterable<StoredLogEvent>;
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
  onCommitted?(listener: (groupId: number, events: readonly StoredLogEvent[]) => void): void;
}
