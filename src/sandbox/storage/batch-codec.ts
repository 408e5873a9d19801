/**
 * One PutLogEvents batch as one BLOB (the row log_batches keeps until its events are indexed):
 *   u32 count · count × f64 timestamp · count × u32 UTF-8 byte length · the messages' UTF-8 bytes, back to back.
 * Little-endian. Encoding is one UTF-8 conversion of the joined messages; decoding slices them back out.
 */
export interface BatchEvent {
  timestamp: number;
  message: string;
}

/**
 * The batch's encoding; `byteLengths[i]` is the UTF-8 length of message i (the caller has them already). Written
 * into `scratch` when it is large enough (the result is then a view of it, valid until the next call), else into a
 * new buffer.
 */
export function encodeBatch(events: readonly BatchEvent[], byteLengths: Uint32Array, scratch?: Buffer): Buffer {
  const count = events.length;
  const head = 4 + count * 12;
  let text = "";
  let textBytes = 0;
  for (let i = 0; i < count; i += 1) {
    text += (events[i] as BatchEvent).message;
    textBytes += byteLengths[i] as number;
  }
  const size = head + textBytes;
  const out = scratch !== undefined && scratch.length >= size ? scratch.subarray(0, size) : Buffer.allocUnsafe(size);
  out.writeUInt32LE(count, 0);
  const times = new Float64Array(count);
  for (let i = 0; i < count; i += 1) times[i] = (events[i] as BatchEvent).timestamp;
  Buffer.from(times.buffer, times.byteOffset, times.byteLength).copy(out, 4);
  Buffer.from(byteLengths.buffer, byteLengths.byteOffset, count * 4).copy(out, 4 + count * 8);
  out.write(text, head, "utf8");
  return out;
}

/** The events of an encoded batch, in order. */
export function decodeBatch(blob: Uint8Array): BatchEvent[] {
  const buf = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  const count = buf.readUInt32LE(0);
  const out: BatchEvent[] = new Array<BatchEvent>(count);
  let at = 4 + count * 12;
  for (let i = 0; i < count; i += 1) {
    const length = buf.readUInt32LE(4 + count * 8 + i * 4);
    out[i] = { timestamp: buf.readDoubleLE(4 + i * 8), message: buf.toString("utf8", at, at + length) };
    at += length;
  }
  return out;
}
