/**
 * Where the event loop's survivors go, each with memory bounded by groups or N rather than events scanned:
 * `TopN` keeps the best N rows in a heap (sort … | limit N, and the default newest-first order), `Dedup` keeps
 * the first row per key in sort order, `Groups` holds one aggregate state per stats group.
 */
import type { LogStore } from "../data/store.js";
import type { Aggregator } from "./aggregates.js";
import { compareKey } from "./order.js";
import type { Value } from "./values.js";

/** A materialised row: an event (`S`, `i`) with its ephemeral values, or (S null) a stats result row. */
export interface Row {
  S: LogStore | null;
  i: number;
  t: number;
  id: number;
  v: Value[];
  o: Value[];
}

/** Shared empty value list of rows without ephemeral fields; replaced by a fresh array before rows leave. */
const NO_VALUES: Value[] = [];

/** Order of rows: the sort keys, then newest first, then last ingested first (AWS's default order). */
function rowComparator(desc: readonly boolean[]): (a: Row, b: Row) => number {
  return (a, b) => {
    for (let k = 0; k < desc.length; k++) {
      const c = compareKey(a.o[k], b.o[k], desc[k] === true);
      if (c !== 0) return c;
    }
    if (a.t !== b.t) return a.t > b.t ? -1 : 1;
    if (a.id !== b.id) return a.id > b.id ? -1 : 1;
    return 0;
  };
}

export class TopN {
  full = false;
  /** Timestamp and id of the worst kept row: the loop rejects older rows without a call. */
  wt = Number.NEGATIVE_INFINITY;
  wid = Number.NEGATIVE_INFINITY;
  private readonly heap: Row[] = [];
  readonly compare: (a: Row, b: Row) => number;

  constructor(
    private readonly size: number,
    private readonly desc: readonly boolean[],
  ) {
    this.compare = rowComparator(desc);
  }

  /** True if a row with these keys would not make it in (only meaningful when full). */
  reject1(o0: Value, t: number, id: number): boolean {
    const worst = this.heap[0] as Row;
    const c = compareKey(o0, worst.o[0], this.desc[0] === true);
    if (c !== 0) return c > 0;
    return t < worst.t || (t === worst.t && id < worst.id);
  }

  rejectN(o: Value[], t: number, id: number): boolean {
    return this.compare({ S: null, i: -1, t, id, v: [], o }, this.heap[0] as Row) >= 0;
  }

  offer(S: LogStore | null, i: number, t: number, id: number, v: Value[] | null, o: Value[]): void {
    this.add({ S, i, t, id, v: v ?? NO_VALUES, o });
  }

  /**
   * The scan's offers, one per sort-key count. Once the heap is full (and the loop's pre-check passed), the row
   * that falls out is reused for the one that comes in, so a long run of ever-newer events allocates nothing.
   */
  offer0(S: LogStore, i: number, t: number, id: number, v: Value[] | null): void {
    if (!this.full) {
      this.add({ S, i, t, id, v: v ?? NO_VALUES, o: NO_VALUES });
      return;
    }
    this.replaceRoot(S, i, t, id, v);
  }

  offer1(S: LogStore, i: number, t: number, id: number, v: Value[] | null, o0: Value): void {
    if (!this.full) {
      this.add({ S, i, t, id, v: v ?? NO_VALUES, o: [o0] });
      return;
    }
    (this.heap[0] as Row).o[0] = o0;
    this.replaceRoot(S, i, t, id, v);
  }

  private replaceRoot(S: LogStore, i: number, t: number, id: number, v: Value[] | null): void {
    const root = this.heap[0] as Row;
    root.S = S;
    root.i = i;
    root.t = t;
    root.id = id;
    root.v = v ?? NO_VALUES;
    this.down(0);
    this.mark();
  }

  add(row: Row): void {
    const heap = this.heap;
    if (heap.length < this.size) {
      heap.push(row);
      this.up(heap.length - 1);
      if (heap.length === this.size) {
        this.full = true;
        this.mark();
      }
      return;
    }
    if (this.size === 0 || this.compare(row, heap[0] as Row) >= 0) return;
    heap[0] = row;
    this.down(0);
    this.mark();
  }

  private mark(): void {
    const worst = this.heap[0] as Row;
    this.wt = worst.t;
    this.wid = worst.id;
  }

  // A max-heap on the comparator: the root is the row that sorts last.
  private up(index: number): void {
    const heap = this.heap;
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(heap[i] as Row, heap[parent] as Row) <= 0) break;
      [heap[i], heap[parent]] = [heap[parent] as Row, heap[i] as Row];
      i = parent;
    }
  }

  private down(index: number): void {
    const heap = this.heap;
    let i = index;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let largest = i;
      if (l < heap.length && this.compare(heap[l] as Row, heap[largest] as Row) > 0) largest = l;
      if (r < heap.length && this.compare(heap[r] as Row, heap[largest] as Row) > 0) largest = r;
      if (largest === i) return;
      [heap[i], heap[largest]] = [heap[largest] as Row, heap[i] as Row];
      i = largest;
    }
  }

  rows(): Row[] {
    return [...this.heap].sort(this.compare).map((row) => (row.v === NO_VALUES ? { ...row, v: [] } : row));
  }
}

function encodeKey(values: readonly Value[]): string {
  let key = "";
  for (const v of values) {
    key +=
      v === null
        ? "\u0001"
        : typeof v === "number"
          ? `n${v}`
          : typeof v === "boolean"
            ? `b${v}`
            : typeof v === "object"
              ? `j${JSON.stringify(v)}`
              : `s${v}`;
    key += "\u0000";
  }
  return key;
}

/** `dedup`: the first row per key in sort order; rows with an absent key value are never duplicates. */
export class Dedup {
  private readonly best = new Map<string, Row>();
  private readonly nulls: TopN;
  readonly compare: (a: Row, b: Row) => number;

  constructor(
    private readonly size: number,
    desc: readonly boolean[],
  ) {
    this.nulls = new TopN(size, desc);
    this.compare = this.nulls.compare;
  }

  offer(S: LogStore | null, i: number, t: number, id: number, v: Value[] | null, o: Value[], d: Value[]): void {
    this.add({ S, i, t, id, v: v ?? [], o }, d);
  }

  add(row: Row, d: readonly Value[]): void {
    if (d.some((x) => x === null)) {
      this.nulls.add(row);
      return;
    }
    const key = encodeKey(d);
    const current = this.best.get(key);
    if (current === undefined || this.compare(row, current) < 0) this.best.set(key, row);
  }

  rows(): Row[] {
    return [...this.best.values(), ...this.nulls.rows()].sort(this.compare).slice(0, this.size);
  }
}

export interface Group {
  keys: Value[];
  s: unknown[];
}

const NULL_KEY = Symbol("absent");

/** The groups of a `stats` command, keyed by the raw value when grouping by one expression. */
export class Groups {
  private readonly one = new Map<unknown, Group>();
  private readonly many = new Map<string, Group>();

  constructor(private readonly aggs: readonly Aggregator[]) {}

  private create(keys: Value[]): Group {
    return { keys, s: this.aggs.map((a) => a.init()) };
  }

  group0(): Group {
    return this.group1(null);
  }

  group1(v: Value): Group {
    // A MAP or LIST groups by its JSON text, not by object identity.
    const key = v === null ? NULL_KEY : typeof v === "object" ? `\u0002${JSON.stringify(v)}` : v;
    let group = this.one.get(key);
    if (group === undefined) {
      group = this.create([v]);
      this.one.set(key, group);
    }
    return group;
  }

  groupN(values: Value[]): Group {
    const key = encodeKey(values);
    let group = this.many.get(key);
    if (group === undefined) {
      group = this.create(values);
      this.many.set(key, group);
    }
    return group;
  }

  all(): Group[] {
    return [...this.one.values(), ...this.many.values()];
  }
}
