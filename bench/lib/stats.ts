/** Small statistics for benchmarks: medians and ratios measured in one run. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function fmtMs(ms: number): string {
  return `${ms.toFixed(1)} ms`;
}

/** Runs each case `rounds` times, interleaved (a, b, c, a, b, c, …) so drift hits every case alike. */
export function interleave<K extends string>(cases: Record<K, () => number>, rounds: number): Record<K, number[]> {
  const results = Object.fromEntries(Object.keys(cases).map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < rounds; i++) for (const key of Object.keys(cases) as K[]) results[key].push(cases[key]());
  return results;
}
