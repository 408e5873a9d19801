/**
 * Discovered fields kept across restarts: a store's rows written as one file (through the source's FieldsCache),
 * read back by a restarted engine instead of discovering every event again. The file holds a JSON header (counts,
 * stream names, each column's dictionary) and then the typed arrays, each at an 8-byte boundary, so reading it back
 * makes views over one buffer rather than copies. A file whose rows no longer match the source's (events deleted
 * since, a torn write) is not used.
 */
import type { FieldsCache, LogGroupRef } from "../source.js";
import type { ColumnSnapshot } from "./column.js";
import { BLOCK_SIZE } from "./packed.js";
import { LogStore, type StoreSnapshot } from "./store.js";

const MAGIC = 0x31464c47; // "GLF1"

interface ColumnHeader {
  name: string;
  codes: number;
  codeLimit: number;
  nums: number;
  dict: string[];
  indexed: boolean;
  lazyCount: number;
  strings: number;
  raw: { used: number; wide: [number, string][]; blocks: number } | null;
}

type Header = Pick<StoreSnapshot, "n" | "lastId" | "totalBytes" | "minTs" | "maxTs" | "streamNames"> & {
  columns: ColumnHeader[];
  /** The file's length in bytes. */
  length: number;
};

const pad8 = (n: number): number => (n + 7) & ~7;
const bytesOf = (a: ArrayBufferView): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** The file's parts, in order (views of the store's arrays: write them before the event loop turns many times). */
export function encodeStore(s: StoreSnapshot): Uint8Array[] {
  const arrays: Uint8Array[] = [s.ids, s.ts, s.ingest, s.streams, s.bytes].map(bytesOf);
  const columns: ColumnHeader[] = [];
  for (const [name, c] of s.columns) {
    arrays.push(bytesOf(c.codes));
    if (c.nums !== null) arrays.push(bytesOf(c.nums));
    if (c.raw !== null) arrays.push(bytesOf(c.raw.start), bytesOf(c.raw.size), ...c.raw.blocks);
    columns.push({
      name,
      codes: c.codes.BYTES_PER_ELEMENT,
      codeLimit: c.codeLimit,
      nums: c.nums?.BYTES_PER_ELEMENT ?? 0,
      dict: c.dict,
      indexed: c.indexed,
      lazyCount: c.lazyCount,
      strings: c.strings,
      raw: c.raw === null ? null : { used: c.raw.used, wide: c.raw.wide, blocks: c.raw.blocks.length },
    });
  }
  const { n, lastId, totalBytes, minTs, maxTs, streamNames } = s;
  let length = 0;
  for (const a of arrays) length += pad8(a.byteLength);
  const header: Omit<Header, "length"> = { n, lastId, totalBytes, minTs, maxTs, streamNames, columns };
  // The header's own length is part of the total it states: fix it with a second pass.
  let json = Buffer.from(JSON.stringify({ ...header, length: 0 }));
  for (let pass = 0; pass < 2; pass += 1) {
    json = Buffer.from(JSON.stringify({ ...header, length: length + pad8(8 + json.length) }));
  }
  const head = Buffer.alloc(pad8(8 + json.length));
  head.writeUInt32LE(MAGIC, 0);
  head.writeUInt32LE(json.length, 4);
  json.copy(head, 8);
  const parts: Uint8Array[] = [head];
  for (const a of arrays) {
    parts.push(a);
    if (a.byteLength % 8 !== 0) parts.push(new Uint8Array(8 - (a.byteLength % 8)));
  }
  return parts;
}

/** The snapshot a file holds, or undefined if it is not one this version wrote whole. */
export function decodeStore(file: Buffer): StoreSnapshot | undefined {
  let buf = file;
  if (buf.byteOffset % 8 !== 0) buf = Buffer.from(buf);
  if (buf.length < 8 || buf.readUInt32LE(0) !== MAGIC) return undefined;
  const jsonLength = buf.readUInt32LE(4);
  const header = JSON.parse(buf.toString("utf8", 8, 8 + jsonLength)) as Header;
  if (header.length !== buf.length || header.n < 1) return undefined;
  const n = header.n;
  let at = pad8(8 + jsonLength);
  const take = (bytes: number): number => {
    const offset = buf.byteOffset + at;
    at += pad8(bytes);
    if (at > buf.length) throw new RangeError("truncated");
    return offset;
  };
  const ab = buf.buffer as ArrayBuffer;
  const f64 = () => new Float64Array(ab, take(n * 8), n);
  const u32 = () => new Uint32Array(ab, take(n * 4), n);
  const ids = f64();
  const ts = f64();
  const ingest = f64();
  const streams = u32();
  const bytes = u32();
  const columns: [string, ColumnSnapshot][] = header.columns.map((c) => {
    const codes =
      c.codes === 1
        ? new Uint8Array(ab, take(n), n)
        : c.codes === 2
          ? new Uint16Array(ab, take(n * 2), n)
          : new Uint32Array(ab, take(n * 4), n);
    const nums =
      c.nums === 0 ? null : c.nums === 4 ? new Int32Array(ab, take(n * 4), n) : new Float64Array(ab, take(n * 8), n);
    let raw: ColumnSnapshot["raw"] = null;
    if (c.raw !== null) {
      const start = u32();
      const size = new Uint8Array(ab, take(n), n);
      const blocks: Buffer[] = [];
      for (let b = 0; b < c.raw.blocks; b += 1) blocks.push(Buffer.from(ab, take(BLOCK_SIZE), BLOCK_SIZE));
      raw = { used: c.raw.used, wide: c.raw.wide, start, size, blocks };
    }
    const { codeLimit, dict, indexed, lazyCount, strings } = c;
    return [c.name, { codes, codeLimit, nums, dict, indexed, raw, lazyCount, strings }];
  });
  const { lastId, totalBytes, minTs, maxTs, streamNames } = header;
  return { n, lastId, totalBytes, minTs, maxTs, streamNames, ids, ts, ingest, streams, bytes, columns };
}

/** The group's store as last saved, if it still describes the source's events up to its last id. */
export function loadStore(cache: FieldsCache, ref: LogGroupRef): LogStore | undefined {
  try {
    const file = cache.load(ref.id);
    if (file === undefined) return undefined;
    const snapshot = decodeStore(file);
    if (snapshot === undefined || cache.countUpTo(ref.id, snapshot.lastId) !== snapshot.n) return undefined;
    return LogStore.restore(ref, snapshot);
  } catch {
    return undefined;
  }
}

/** Writes the store's rows so far (the cache writes a new file and then replaces the old one). */
export function saveStore(cache: FieldsCache, store: LogStore): Promise<void> {
  return cache.save(store.ref.id, encodeStore(store.snapshot()));
}
