/**
 * bytesScanned of the rows a scan covered without a per-event range test (a store wholly inside the query's time
 * range). A scan's slices of one store arrive in row order, so they are held as one run of rows and counted once
 * it ends: a run of every row is the store's total, with no pass over its rows at all; any other run reads
 * whichever is shorter, its own rows or the rest of the store's.
 */
import type { LogStore } from "../data/store.js";

/** The bytes of rows [from, to) of `S`. */
function rangeBytes(S: LogStore, from: number, to: number): number {
  const n = S.n;
  if (from === 0 && to === n) return S.totalBytes;
  const bytes = S.bytes;
  let sum = 0;
  if (to - from <= n - (to - from)) {
    for (let i = from; i < to; i++) sum += bytes[i] as number;
    return sum;
  }
  for (let i = 0; i < from; i++) sum += bytes[i] as number;
  for (let i = to; i < n; i++) sum += bytes[i] as number;
  return S.totalBytes - sum;
}

export class CoveredBytes {
  private S: LogStore | null = null;
  private from = 0;
  private to = 0;
  /** The bytes of runs already ended. */
  private ended = 0;

  /** Rows [R0, R1) of `S` were scanned in full. */
  add(S: LogStore, R0: number, R1: number): void {
    if (this.S === S && this.to === R0) {
      this.to = R1;
      return;
    }
    if (this.S !== null) this.ended += rangeBytes(this.S, this.from, this.to);
    this.S = S;
    this.from = R0;
    this.to = R1;
  }

  /** Every covered row's bytes so far. */
  total(): number {
    return this.ended + (this.S === null ? 0 : rangeBytes(this.S, this.from, this.to));
  }
}
