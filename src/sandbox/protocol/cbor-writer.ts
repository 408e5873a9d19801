/**
 * A CBOR (RFC 8949) writer for Smithy RPC v2 CBOR replies, typed by the model shape: a double member is always a
 * float64 (major type 7, 0xfb), even when whole, as AWS sends it — a generic encoder would write `5` as an integer
 * and typed clients would read an int. Timestamps are tag 1 over epoch seconds; null and undefined members are left out.
 *
 *   { Values: [5] } typed as GetMetricDataOutput → a1 66 "Values" 81 fb 40 14 00 00 00 00 00 00
 */
import { resolve } from "./shape.js";
import type { ServiceShapes, TypeRef } from "./shape.js";

class ByteWriter {
  #buffer = Buffer.allocUnsafe(1024);
  #length = 0;

  #ensure(extra: number): void {
    if (this.#length + extra <= this.#buffer.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.#buffer.length * 2, this.#length + extra));
    this.#buffer.copy(next, 0, 0, this.#length);
    this.#buffer = next;
  }

  /** A major type with its argument, in the shortest form. */
  head(major: number, value: number): void {
    this.#ensure(9);
    const top = major << 5;
    if (value < 24) this.#buffer[this.#length++] = top | value;
    else if (value < 0x100) {
      this.#buffer[this.#length++] = top | 24;
      this.#buffer[this.#length++] = value;
    } else if (value < 0x10000) {
      this.#buffer[this.#length++] = top | 25;
      this.#length = this.#buffer.writeUInt16BE(value, this.#length);
    } else if (value < 0x100000000) {
      this.#buffer[this.#length++] = top | 26;
      this.#length = this.#buffer.writeUInt32BE(value, this.#length);
    } else {
      this.#buffer[this.#length++] = top | 27;
      this.#length = this.#buffer.writeBigUInt64BE(BigInt(value), this.#length);
    }
  }

  float64(value: number): void {
    this.#ensure(9);
    this.#buffer[this.#length++] = 0xfb;
    this.#length = this.#buffer.writeDoubleBE(value, this.#length);
  }

  simple(byte: number): void {
    this.#ensure(1);
    this.#buffer[this.#length++] = byte;
  }

  bytes(data: Uint8Array, major: number): void {
    this.head(major, data.length);
    this.#ensure(data.length);
    this.#buffer.set(data, this.#length);
    this.#length += data.length;
  }

  result(): Buffer {
    return Buffer.from(this.#buffer.subarray(0, this.#length));
  }
}

function number(out: ByteWriter, value: number, asDouble: boolean): void {
  if (!asDouble && Number.isSafeInteger(value)) {
    if (value >= 0) out.head(0, value);
    else out.head(1, -value - 1);
  } else out.float64(value);
}

function write(out: ByteWriter, value: unknown, type: TypeRef | undefined, shapes: ServiceShapes): void {
  const shape = resolve(shapes, type);
  if (value === null || value === undefined) return out.simple(0xf6);
  if (typeof value === "boolean") return out.simple(value ? 0xf5 : 0xf4);
  if (typeof value === "number") {
    const asDouble = shape.kind === "primitive" && (shape.type === "double" || shape.type === "float");
    return number(out, value, asDouble);
  }
  if (typeof value === "string") return out.bytes(Buffer.from(value, "utf8"), 3);
  if (value instanceof Uint8Array) return out.bytes(value, 2);
  if (value instanceof Date) {
    out.head(6, 1);
    return number(out, value.getTime() / 1000, false);
  }
  if (Array.isArray(value)) {
    out.head(4, value.length);
    for (const item of value) write(out, item, shape.kind === "list" ? shape.member : undefined, shapes);
    return;
  }
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    const order = shape.kind === "structure" ? Object.keys(shape.shape.members) : [];
    const keys = [...order.filter((k) => k in record), ...Object.keys(record).filter((k) => !order.includes(k))].filter(
      (k) => record[k] !== undefined && record[k] !== null,
    );
    out.head(5, keys.length);
    for (const key of keys) {
      out.bytes(Buffer.from(key, "utf8"), 3);
      const memberType =
        shape.kind === "structure" ? shape.shape.members[key] : shape.kind === "map" ? shape.value : undefined;
      write(out, record[key], memberType, shapes);
    }
    return;
  }
  out.bytes(Buffer.from(String(value), "utf8"), 3);
}

const NO_SHAPES: ServiceShapes = { operations: {}, structures: {} };

/** The CBOR bytes of `value`, typed as `type` (a structure of `shapes`) when given. */
export function writeCbor(value: unknown, type: TypeRef | null = null, shapes: ServiceShapes = NO_SHAPES): Buffer {
  const out = new ByteWriter();
  write(out, value ?? {}, type ?? undefined, shapes);
  return out.result();
}
