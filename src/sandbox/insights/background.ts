/**
 * Background discovery: the source says which group received events; the engine catches that group's store up
 * in scheduler slices, so the first query after a large ingest finds its fields ready instead of discovering a
 * million events first. A group is caught up once per burst of appends, however many batches the burst had: once
 * appends pause for IDLE_MS, or sooner when MAX_HELD bytes of committed batches wait (so a burst of PutLogEvents is not
 * slowed down by discovery between its requests); `idle()` starts a waiting catch-up at once.
 * Batches the source hands over as committed are discovered from memory, not read back, when nothing else wrote to
 * the group since its store was last caught up from the source; otherwise the store reads from the source.
 */
import type { LogStore } from "./data/store.js";
import type { Scheduler, Task } from "./scheduler.js";
import type { CommittedEvents, InsightsEventSource, LogGroupRef } from "./source.js";

/** How long appends must pause before the catch-up runs (so it does not slow a burst of PutLogEvents down). */
export const IDLE_MS = 100;
/** Bytes of committed batches held for the catch-up; past this it runs without waiting for a pause. */
const MAX_HELD = 4 * 1024 * 1024;

/** What arrived in one group since its last catch-up. */
interface Arrivals {
  refOf: () => LogGroupRef | undefined;
  /** Appends not (yet) matched by a committed batch: another writer's, or one that rolled back. */
  unmatched: number;
  fresh: CommittedEvents[];
  /** The id a catch-up from the source reads up to, while one is under way. */
  upTo?: number;
}

/** Starts background discovery; `flush()` starts a catch-up that waits for a pause now (before `idle()`). */
export function listenForAppends(
  source: InsightsEventSource,
  stores: ReadonlyMap<number, LogStore>,
  storeOf: (ref: LogGroupRef) => LogStore,
  scheduler: Scheduler,
  discovered: () => void = () => undefined,
): { flush(): void } {
  // Groups that received events since their store last caught up, with how to name them if new to the engine.
  const dirty = new Map<number, Arrivals>();
  // Stores that were caught up from the source and have missed nothing since: committed batches complete them.
  const synced = new WeakSet<LogStore>();
  let queued = false;
  let timer: NodeJS.Timeout | undefined;
  let held = 0;

  const drop = (arrivals: Arrivals): void => {
    for (const fresh of arrivals.fresh) held -= fresh.size;
    arrivals.fresh = [];
  };

  function catchUp(deadline: number): boolean {
    for (const [id, arrivals] of dirty) {
      let store = stores.get(id);
      if (store === undefined) {
        const ref = arrivals.refOf();
        if (ref === undefined) {
          drop(arrivals);
          dirty.delete(id);
          continue;
        }
        store = storeOf(ref);
      }
      if (arrivals.unmatched === 0 && synced.has(store)) {
        // Every append since the store was last in step came with its committed batch: they complete it.
        while (arrivals.fresh.length > 0) {
          if (performance.now() >= deadline) return false;
          const fresh = arrivals.fresh[0] as CommittedEvents;
          if (!store.feed(fresh.events())) break;
          arrivals.fresh.shift();
          held -= fresh.size;
        }
        if (arrivals.fresh.length === 0) {
          dirty.delete(id);
          continue;
        }
      }
      // Read from the source up to the last event id handed out when this catch-up began; batches committed since
      // are held (ids already read are skipped when they are fed), so a catch-up under a burst of PutLogEvents does
      // not chase it.
      if (arrivals.upTo === undefined) {
        synced.delete(store);
        arrivals.upTo = source.lastEventId?.() ?? Number.MAX_SAFE_INTEGER;
        arrivals.unmatched = 0;
      }
      if (!store.refresh(source, deadline, arrivals.upTo)) return false;
      arrivals.upTo = undefined;
      synced.add(store);
      if (arrivals.unmatched > 0 || arrivals.fresh.length > 0) return false;
      dirty.delete(id);
    }
    return true;
  }

  const task: Task = {
    step(deadline) {
      try {
        if (!catchUp(deadline)) return false;
        discovered();
      } catch {
        // A store that cannot be read now is read again by the next query that needs it.
        for (const arrivals of dirty.values()) drop(arrivals);
        dirty.clear();
      }
      queued = false;
      return true;
    },
  };

  // A task ends with `dirty` empty, so arrivals while none is queued are exactly the ones waiting for a pause.
  const queue = (): void => {
    if (queued || dirty.size === 0) return;
    queued = true;
    scheduler.add(task);
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
    if (queued) return;
    // A group new to the engine is read from the source at once (while it is small), so that what follows can be
    // discovered from committed batches.
    if (!stores.has(groupId)) {
      queue();
      return;
    }
    if (timer === undefined) {
      timer = setTimeout(queue, IDLE_MS);
      timer.unref();
    } else timer.refresh();
  });
  source.onCommitted?.((groupId, batch) => {
    const arrivals = dirty.get(groupId);
    if (arrivals === undefined || arrivals.unmatched === 0) return;
    arrivals.unmatched -= 1;
    if (held >= MAX_HELD) {
      arrivals.unmatched = Number.POSITIVE_INFINITY;
      return;
    }
    arrivals.fresh.push(batch);
    held += batch.size;
    if (held >= MAX_HELD) queue();
  });
  return { flush: queue };
}
