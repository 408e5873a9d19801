/** Deterministic, dependency-free hashing for the simulated model: same input, same choices, on every machine. */

/** 32-bit FNV-1a over the UTF-16 code units of `text`. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A deterministic pick from a non-empty list. */
export function pick<T>(items: readonly T[], seed: number): T {
  const item = items[seed % items.length];
  if (item === undefined) throw new Error("pick: empty list");
  return item;
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** `length` base-62 characters derived from `text` (several FNV rounds, each salted with its index). */
export function base62Id(text: string, length: number): string {
  let out = "";
  let round = 0;
  while (out.length < length) {
    let value = fnv1a(`${round}:${text}`);
    for (let i = 0; i < 5 && out.length < length; i += 1) {
      out += BASE62[value % 62] ?? "0";
      value = Math.floor(value / 62);
    }
    round += 1;
  }
  return out;
}
