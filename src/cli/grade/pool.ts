/**
 * A bounded pool: at most `concurrency` calls of `work` in flight, results in input order. When `signal` aborts,
 * no new item starts (the running ones see the signal themselves); items never started are left undefined.
 * `work` is expected to turn its own failures into results; if it throws anyway, the pool drains and rethrows.
 */
export async function mapPool<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<(R | undefined)[]> {
  const results: (R | undefined)[] = new Array<R | undefined>(items.length).fill(undefined);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < items.length && !signal?.aborted && !failure) {
      const index = next;
      next += 1;
      try {
        results[index] = await work(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const size = Math.max(1, Math.min(Math.floor(concurrency), items.length));
  await Promise.all(Array.from({ length: size }, worker));
  if (failure) throw failure.error;
  return results;
}
