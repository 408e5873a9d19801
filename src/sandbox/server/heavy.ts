/**
 * Large requests share the one event loop fairly, and give their memory back.
 *
 * A 25 MB InvokeModel is decoded and parsed synchronously (twice: the route and the model each parse it), a few
 * hundred milliseconds each; four of them finishing together kept the health endpoint waiting for all four. Requests
 * with a body over HEAVY_BYTES therefore take turns, each after a turn of the event loop (setImmediate runs after
 * pending I/O), so whatever small request arrived meanwhile is answered between them.
 *
 * V8 collects the dead strings of such a request only when the heap grows again, so RSS stayed at its peak (~400 MB
 * after four) for as long as the sandbox ran. Once the last large request is done and a second has passed, one full
 * collection returns it (how jest's leak detector reaches gc() without --expose-gc).
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

export const HEAVY_BYTES = 1024 * 1024;
const COLLECT_AFTER_MS = 1000;

let collect: (() => void) | null | undefined;
function fullCollection(): (() => void) | null {
  if (collect === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      collect = runInNewContext("gc") as () => void;
    } catch {
      collect = null;
    }
  }
  return collect;
}

export class HeavyRequests {
  #tail: Promise<void> = Promise.resolve();
  #waiting = 0;
  #timer: NodeJS.Timeout | undefined;

  /** Runs `work` now for a small body, or in its turn for a large one. */
  async run<T>(bodyBytes: number, work: () => Promise<T>): Promise<T> {
    if (bodyBytes <= HEAVY_BYTES) return work();
    this.#waiting += 1;
    clearTimeout(this.#timer);
    const previous = this.#tail;
    let done!: () => void;
    this.#tail = new Promise((resolve) => (done = resolve));
    try {
      await previous;
      await new Promise((resolve) => setImmediate(resolve));
      return await work();
    } finally {
      done();
      this.#waiting -= 1;
      if (this.#waiting === 0) this.#timer = setTimeout(() => fullCollection()?.(), COLLECT_AFTER_MS).unref();
    }
  }
}
