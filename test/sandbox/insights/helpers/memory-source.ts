/** An in-memory InsightsEventSource with the contract's guarantees: ids increase, re-created groups get new ids. */
import type { InsightsEventSource, LogGroupRef, StoredLogEvent } from "../../../../src/sandbox/insights/source.js";

export interface NewEvent {
  timestamp: number;
  message: string;
  logStream?: string;
  ingestionTime?: number;
}

export class MemorySource implements InsightsEventSource {
  private readonly groups: LogGroupRef[] = [];
  private readonly events = new Map<number, StoredLogEvent[]>();
  private nextGroupId = 1;
  private nextEventId = 1;
  /** How many times eventsAfter was called (tests check that refreshes are incremental). */
  calls = 0;

  constructor(
    readonly accountId = "123456789012",
    readonly region = "us-east-1",
  ) {}

  createGroup(name: string, createdAt = 0, accountId = this.accountId, region = this.region): LogGroupRef {
    const ref: LogGroupRef = {
      id: this.nextGroupId++,
      name,
      accountId,
      region,
      arn: `arn:aws:logs:${region}:${accountId}:log-group:${name}`,
      createdAt,
    };
    this.groups.push(ref);
    this.events.set(ref.id, []);
    return ref;
  }

  deleteGroup(name: string): void {
    const index = this.groups.findIndex((g) => g.name === name);
    if (index >= 0) {
      const [gone] = this.groups.splice(index, 1);
      if (gone !== undefined) this.events.delete(gone.id);
    }
  }

  put(groupName: string, events: readonly NewEvent[], defaultStream = "stream"): void {
    const group = this.groups.find((g) => g.name === groupName);
    if (group === undefined) throw new Error(`no group ${groupName}`);
    const list = this.events.get(group.id) as StoredLogEvent[];
    for (const e of events) {
      list.push({
        id: this.nextEventId++,
        logStream: e.logStream ?? defaultStream,
        timestamp: e.timestamp,
        ingestionTime: e.ingestionTime ?? e.timestamp + 5000,
        message: e.message,
      });
    }
  }

  findLogGroup(accountId: string, region: string, nameOrArn: string): LogGroupRef | undefined {
    const name = nameOrArn.startsWith("arn:") ? nameOrArn.replace(/:\*$/, "") : nameOrArn;
    return this.groups.find(
      (g) => g.accountId === accountId && g.region === region && (g.name === name || g.arn === name),
    );
  }

  listLogGroups(accountId: string, region: string): LogGroupRef[] {
    return this.groups.filter((g) => g.accountId === accountId && g.region === region);
  }

  /** A source that also announces appends (the optional onAppend of the contract), as the SQLite one does. */
  withAppendNotices(): this & {
    onAppend(listener: (groupId: number, ref: () => LogGroupRef | undefined) => void): void;
  } {
    const listeners: ((groupId: number, ref: () => LogGroupRef | undefined) => void)[] = [];
    const put = this.put.bind(this);
    this.put = (groupName, events, defaultStream) => {
      put(groupName, events, defaultStream);
      const group = this.groups.find((g) => g.name === groupName);
      if (group !== undefined) for (const listener of listeners) listener(group.id, () => group);
    };
    return Object.assign(this, { onAppend: (listener: (typeof listeners)[number]) => void listeners.push(listener) });
  }

  /** A source that can also read events by id (the optional part of the contract). */
  withEventsByIds(): this & {
    eventsByIds: (groupId: number, ids: readonly number[]) => Iterable<StoredLogEvent>;
    byIdCalls: number;
  } {
    const self = this as this & {
      eventsByIds: (groupId: number, ids: readonly number[]) => Iterable<StoredLogEvent>;
      byIdCalls: number;
    };
    self.byIdCalls = 0;
    self.eventsByIds = (groupId, ids) => {
      self.byIdCalls += 1;
      const wanted = new Set(ids);
      return (this.events.get(groupId) ?? []).filter((e) => wanted.has(e.id));
    };
    return self;
  }

  *eventsAfter(groupId: number, afterId: number): Iterable<StoredLogEvent> {
    this.calls += 1;
    const list = this.events.get(groupId) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as StoredLogEvent).id <= afterId) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < list.length; i++) yield list[i] as StoredLogEvent;
  }
}
