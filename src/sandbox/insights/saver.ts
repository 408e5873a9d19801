/**
 * When discovered fields are saved (data/persist.ts): once discovery has paused for SAVE_AFTER_MS, for each store
 * of at least MIN_ROWS rows that grew by a quarter since its last save (so the bytes written stay proportional to
 * the rows discovered), one store at a time, writing in the background. A restarted sandbox reads them back instead
 * of discovering every event again; what was discovered after the last save is discovered again.
 */
import { loadStore, saveStore } from "./data/persist.js";
import type { LogStore } from "./data/store.js";
import type { FieldsCache, LogGroupRef } from "./source.js";

export const SAVE_AFTER_MS = 2000;
const MIN_ROWS = 10_000;
const GROWTH = 1.25;

export interface FieldsSaver {
  /** The group's saved store, if there is one that still describes the source. */
  load(ref: LogGroupRef): LogStore | undefined;
  /** Fields were discovered: saves what is due once discovery pauses. */
  discovered(): void;
  /** Saves every store that grew since its last save, now; resolves once written. */
  saveNow(): Promise<void>;
}

export function fieldsSaver(cache: FieldsCache | undefined, stores: ReadonlyMap<number, LogStore>): FieldsSaver {
  const saved = new WeakMap<LogStore, number>();
  let timer: NodeJS.Timeout | undefined;
  let saving: Promise<void> = Promise.resolve();

  const save = (force: boolean): Promise<void> => {
    if (cache === undefined) return saving;
    saving = saving.then(async () => {
      for (const store of [...stores.values()]) {
        const last = saved.get(store) ?? 0;
        const due = force ? store.n > last : store.n >= MIN_ROWS && store.n >= last * GROWTH && store.n > last;
        if (!due) continue;
        const n = store.n;
        try {
          await saveStore(cache, store);
          saved.set(store, n);
        } catch {
          // A folder that cannot be written: a restart discovers the fields again, as it did before saving.
        }
      }
    });
    return saving;
  };

  return {
    load(ref) {
      const store = cache === undefined ? undefined : loadStore(cache, ref);
      if (store !== undefined) saved.set(store, store.n);
      return store;
    },
    discovered() {
      if (cache === undefined) return;
      if (timer === undefined) {
        timer = setTimeout(() => void save(false), SAVE_AFTER_MS);
        timer.unref();
      } else timer.refresh();
    },
    saveNow: () => save(true),
  };
}
