/**
 * Background discovery: the source says which group received events; the engine catches that group's store up
 * in scheduler slices, so the first query after a large ingest finds its fields ready instead of discovering a
 * million events first. A group is caught up once per burst of appends, however many batches the burst had.
 * Batches the source hands over as committed are discovered from memory, not read back, when nothing else wrote to
 * the group since its store was last caught up from the source; otherwise the store reads from the source.
 */
import type { LogStore } from "./data/store.js";
import type { Scheduler, Task } from "./scheduler.js";
import type { InsightsEventSource, LogGroupRef, StoredLogEvent } from "./source.js";

/** Committed batches held for a group before the catch-up runs; past this, the store reads from the source. */
const MAX_FRESH = 16;

/** What arrived in one group since its last catch-up. */
interface Arrivals {
  refOf: () => LogGroupRef | undefined;
  /** Appends not (yet) matched by a committed batch: another writer's, or one that rolled back. */
  unmatched: number;
  fresh: (readonly StoredLogEvent[])[];
}

export function listenForAppends(
  source: InsightsEventSource,
  stores: ReadonlyMap<number, LogStore>,
  storeOf: (ref: LogGroupRef) => LogStore,
  scheduler: Scheduler,
): void {
  // Groups that received events since their store last caught up, with how to name them if new to the engine.
  const dirty = new Map<number, Arrivals>();
  // Stores that were caught up from the source and have missed nothing since: committed batches complete them.
  const synced = new WeakSet<LogStore>();
  let queued = false;

  function catchUp(deadline: number): boolean {
    for (const [id, arrivals] of dirty) {
      let store = stores.get(id);
      if (store === undefined) {
        const ref = arrivals.refOf();
        if (ref === undefined) {
          dirty.delete(id);
          continue;
        }
        store = storeOf(ref);
      }
      if (arrivals.unmatched === 0 && synced.has(store)) {
        while (arrivals.fresh.length > 0 && performance.now() < deadline) {
          if (!store.feed(arrivals.fresh[0] ?? [])) break;
          arrivals.fresh.shift();
        }
        if (arrivals.fresh.length > 0 && performance.now() >= deadline) return false;
      } else {
        synced.delete(store);
      }
      arrivals.fresh = [];
      arrivals.unmatched = 0;
      if (!store.refresh(source, deadline)) return false;
      synced.add(store);
      dirty.delete(id);
    }
    return true;
  }

  const task: Task = {
    step(deadline) {
      try {
        if (!catchUp(deadline)) return false;
      } catch {
        // A store that cannot be read now is read again by the next query that needs it.
        dirty.clear();
      }
      queued = false;
      return true;
    },
  };

  const arrivalsOf = (groupId: number, refOf: () => LogGroupRef | undefined): Arrivals => {
    let arrivals = dirty.get(groupId);
    if (arrivals === undefined) {
      arrivals = { refOf, unmatched: 0, fresh: [] };
      dirty.set(groupId, arrivals);
    }
    return arrivals;
  };

  source.onAppend?.((groupId, refOf) => {
    arrivalsOf(groupId, refOf).unmatched += 1;
    if (!queued) {
      queued = true;
      scheduler.add(task);
    }
  });
  source.onCommitted?.((groupId, events) => {
    const arrivals = dirty.get(groupId);
    if (arrivals === undefined || arrivals.unmatched === 0) return;
    arrivals.unmatched -= 1;
    if (arrivals.fresh.length < MAX_FRESH) arrivals.fresh.push(events);
    else arrivals.unmatched = Number.POSITIVE_INFINITY;
  });
}
