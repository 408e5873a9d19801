/**
 * Per-row strings of a field whose values are mostly distinct (request ids, timestamps as text, message ids),
 * packed: ASCII text as bytes in 1 MiB blocks, addressed by a 32-bit start and an 8-bit length per row, instead
 * of one JS string (16+ bytes of header) and one 8-byte array slot per row. A million request ids take 41 MB
 * instead of about 60 MB, which is what keeps a million events under the benchmark's memory target. The rare
 * text that is not ASCII is kept as a string, by row.
 */
const BLOCK_BITS = 20;
export const BLOCK_SIZE = 1 << BLOCK_BITS;
const OFFSET_MASK = BLOCK_SIZE - 1;
/** Longer values never come here (Column leaves them in the message). */
export const MAX_PACKED_LENGTH = 255;

/** What persist.ts writes of a PackedStrings: a few numbers and the arrays. */
export interface PackedSnapshot {
  used: number;
  wide: [number, string][];
  start: Uint32Array;
  size: Uint8Array;
  blocks: Buffer[];
}

export class PackedStrings {
  private readonly blocks: Buffer[] = [];
  private used = BLOCK_SIZE;
  private start: Uint32Array;
  /** 0: no value at this row; otherwise the length plus one. */
  private size: Uint8Array;
  private readonly wide = new Map<number, string>();

  constructor(capacity: number) {
    this.start = new Uint32Array(capacity);
    this.size = new Uint8Array(capacity);
  }

  grow(capacity: number): void {
    const start = new Uint32Array(capacity);
    start.set(this.start);
    this.start = start;
    const size = new Uint8Array(capacity);
    size.set(this.size);
    this.size = size;
  }

  set(row: number, value: string): void {
    const length = value.length;
    if (length >= MAX_PACKED_LENGTH) throw new RangeError("value too long to pack");
    for (let k = 0; k < length; k++) {
      if (value.charCodeAt(k) > 127) {
        this.wide.set(row, value);
        this.size[row] = 0;
        return;
      }
    }
    if (this.used + length > BLOCK_SIZE) {
      this.blocks.push(Buffer.allocUnsafeSlow(BLOCK_SIZE));
      this.used = 0;
    }
    const index = this.blocks.length - 1;
    (this.blocks[index] as Buffer).write(value, this.used, "latin1");
    this.start[row] = (index << BLOCK_BITS) | this.used;
    this.size[row] = length + 1;
    this.used += length;
  }

  get(row: number): string | undefined {
    const size = this.size[row] ?? 0;
    if (size === 0) return this.wide.get(row);
    const at = this.start[row] as number;
    const offset = at & OFFSET_MASK;
    return (this.blocks[at >>> BLOCK_BITS] as Buffer).toString("latin1", offset, offset + size - 1);
  }

  /** What persist.ts writes for rows [0, n): a few numbers and the arrays (views, not copies). */
  snapshot(n: number): PackedSnapshot {
    const wide = [...this.wide].filter(([row]) => row < n);
    return {
      used: this.used,
      wide,
      start: this.start.subarray(0, n),
      size: this.size.subarray(0, n),
      blocks: [...this.blocks],
    };
  }

  /** The strings of a snapshot (whose arrays become this object's own). */
  static restore(s: PackedSnapshot): PackedStrings {
    const packed = new PackedStrings(0);
    packed.start = s.start;
    packed.size = s.size;
    packed.blocks.push(...s.blocks);
    packed.used = s.blocks.length === 0 ? BLOCK_SIZE : s.used;
    for (const [row, value] of s.wide) packed.wide.set(row, value);
    return packed;
  }

  /** Bytes held (for the benchmark's account of memory). */
  get byteLength(): number {
    return this.blocks.length * BLOCK_SIZE + this.start.byteLength + this.size.byteLength;
  }
}
