/**
 * Background discovery: the source says which group received events; the engine catches that group's store up
 * in scheduler slices, so the first query after a large ingest finds its fields ready instead of discovering a
 * million events first. A group is caught up once per burst of appends, however many batches the burst had.
 */
import type { LogStore } from "./data/store.js";
import type { Scheduler, Task } from "./scheduler.js";
import type { InsightsEventSource, LogGroupRef } from "./source.js";

export function listenForAppends(
  source: InsightsEventSource,
  stores: ReadonlyMap<number, LogStore>,
  storeOf: (ref: LogGroupRef) => LogStore,
  scheduler: Scheduler,
): void {
  // Groups that received events since their store last caught up, with how to name them if new to the engine.
  const dirty = new Map<number, () => LogGroupRef | undefined>();
  let queued = false;

  function catchUp(deadline: number): boolean {
    for (const [id, refOf] of dirty) {
      let store = stores.get(id);
      if (store === undefined) {
        const ref = refOf();
        if (ref === undefined) {
          dirty.delete(id);
          continue;
        }
        store = storeOf(ref);
      }
      if (!store.refresh(source, deadline)) return false;
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

  source.onAppend?.((groupId, refOf) => {
    dirty.set(groupId, refOf);
    if (!queued) {
      queued = true;
      scheduler.add(task);
    }
  });
}
