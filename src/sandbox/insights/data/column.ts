/**
 * One discovered field of one log group, stored by row. `codes[i]` says what row i holds:
 *   0 absent · 1 a number in `nums[i]` · 2 a string in `raw` (packed) · 3 a long string left in the message
 *   (read back from the source when a query needs it) · 4+n the dictionary string `dict[n]`.
 * Repeated values (model ids, Regions, ARNs) are interned once in the dictionary; a field whose distinct values
 * keep growing (request ids) switches to packed per-row strings, and strings longer than LAZY_MIN_LENGTH
 * (prompt and completion texts) are not kept at all: that is what keeps a million events well under 1 GiB.
 */
import { PackedStrings, type PackedSnapshot } from "./packed.js";

export const ABSENT = 0;
export const NUMBER = 1;
export const RAW = 2;
export const LAZY = 3;
export const DICT = 4;

export const LAZY_MIN_LENGTH = 200;
const DICT_MAX = 50_000;
/** A dictionary this big that holds over half of the values seen is not paying off: mostly-unique values. */
const DICT_CHECK = 1024;

type Codes = Uint8Array | Uint16Array | Uint32Array;

export interface ColumnSnapshot {
  codes: Codes;
  codeLimit: number;
  nums: Int32Array | Float64Array | null;
  dict: string[];
  indexed: boolean;
  raw: PackedSnapshot | null;
  lazyCount: number;
  strings: number;
}

export class Column {
  /** One byte per row until a dictionary code needs more (most fields are numbers or have few values). */
  codes: Codes;
  private codeLimit = 0xff;
  /** Whole numbers fit 4 bytes (token counts do); the first fraction or big number widens the column to doubles. */
  nums: Int32Array | Float64Array | null = null;
  readonly dict: string[] = [];
  private index: Map<string, number> | null = new Map();
  raw: PackedStrings | null = null;
  /** Rows whose value must be read back from the message. */
  lazyCount = 0;
  private strings = 0;

  constructor(capacity: number) {
    this.codes = new Uint8Array(capacity);
  }

  private widen(code: number): void {
    const wider = code <= 0xffff ? new Uint16Array(this.codes.length) : new Uint32Array(this.codes.length);
    wider.set(this.codes);
    this.codes = wider;
    this.codeLimit = code <= 0xffff ? 0xffff : 0xffffffff;
  }

  grow(capacity: number): void {
    const codes =
      this.codes instanceof Uint8Array
        ? new Uint8Array(capacity)
        : this.codes instanceof Uint16Array
          ? new Uint16Array(capacity)
          : new Uint32Array(capacity);
    codes.set(this.codes);
    this.codes = codes;
    this.raw?.grow(capacity);
    if (this.nums !== null) {
      const nums = this.nums instanceof Int32Array ? new Int32Array(capacity) : new Float64Array(capacity);
      nums.set(this.nums);
      this.nums = nums;
    }
  }

  setNumber(row: number, value: number): void {
    let nums = this.nums;
    if (nums === null) nums = this.nums = new Int32Array(this.codes.length);
    if (nums instanceof Int32Array && (value | 0) !== value) {
      nums = this.nums = Float64Array.from(nums);
    }
    nums[row] = value;
    this.codes[row] = NUMBER;
  }

  setString(row: number, value: string): void {
    if (value.length > LAZY_MIN_LENGTH) {
      this.codes[row] = LAZY;
      this.lazyCount += 1;
      return;
    }
    const index = this.index;
    if (index !== null) {
      this.strings += 1;
      let code = index.get(value);
      const crowded =
        this.dict.length >= DICT_MAX || (this.dict.length >= DICT_CHECK && this.dict.length * 2 > this.strings);
      if (code === undefined && !crowded) {
        code = this.dict.length;
        this.dict.push(value);
        index.set(value, code);
      }
      if (code !== undefined) {
        if (DICT + code > this.codeLimit) this.widen(DICT + code);
        this.codes[row] = DICT + code;
        return;
      }
      // Too many distinct values to be worth a dictionary: keep the old codes, store new values per row.
      this.index = null;
    }
    (this.raw ??= new PackedStrings(this.codes.length)).set(row, value);
    this.codes[row] = RAW;
  }

  /** What persist.ts writes for rows [0, n) (arrays as views, not copies). */
  snapshot(n: number): ColumnSnapshot {
    return {
      codes: this.codes.subarray(0, n),
      codeLimit: this.codeLimit,
      nums: this.nums?.subarray(0, n) ?? null,
      dict: [...this.dict],
      indexed: this.index !== null,
      raw: this.raw?.snapshot(n) ?? null,
      lazyCount: this.lazyCount,
      strings: this.strings,
    };
  }

  /** The column of a snapshot (whose arrays become its own). */
  static restore(s: ColumnSnapshot): Column {
    const column = new Column(0);
    column.codes = s.codes;
    column.codeLimit = s.codeLimit;
    column.nums = s.nums;
    column.dict.push(...s.dict);
    column.index = s.indexed ? new Map(s.dict.map((value, code) => [value, code])) : null;
    column.raw = s.raw === null ? null : PackedStrings.restore(s.raw);
    column.lazyCount = s.lazyCount;
    column.strings = s.strings;
    return column;
  }

  /** The stored value, `null` if absent, or `undefined` if it must be read back from the message. */
  get(row: number): string | number | null | undefined {
    const code = this.codes[row] ?? ABSENT;
    if (code >= DICT) return this.dict[code - DICT] ?? null;
    switch (code) {
      case ABSENT:
        return null;
      case NUMBER:
        return this.nums?.[row] ?? null;
      case RAW:
        return this.raw?.get(row) ?? null;
      default:
        return undefined;
    }
  }
}
