import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mapPool } from "../../src/cli/grade/pool.js";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("mapPool", () => {
  it("never runs more than `concurrency` at once, uses all of it, and keeps input order", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 8 }),
        async (delays, n) => {
          let running = 0;
          let peak = 0;
          const out = await mapPool(delays, n, async (d, i) => {
            running += 1;
            peak = Math.max(peak, running);
            await tick(d);
            running -= 1;
            return i * 2;
          });
          expect(out).toEqual(delays.map((_, i) => i * 2));
          expect(peak).toBeLessThanOrEqual(n);
          if (delays.length >= n && delays.every((d) => d > 0)) expect(peak).toBe(n);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("wall time follows ceil(items / concurrency), not the sum", async () => {
    const started = Date.now();
    await mapPool(
      Array.from({ length: 12 }, () => 40),
      4,
      (ms) => tick(ms),
    );
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(115); // 3 rounds of 40 ms
    expect(elapsed).toBeLessThan(400); // the sum would be 480 ms
  });

  it("starts nothing new after an abort; unstarted items stay undefined", async () => {
    const controller = new AbortController();
    const out = await mapPool(
      [1, 2, 3, 4, 5, 6],
      2,
      async (x) => {
        if (x === 2) controller.abort();
        await tick(1);
        return x;
      },
      controller.signal,
    );
    expect(out).toEqual([1, 2, undefined, undefined, undefined, undefined]);
  });

  it("drains and rethrows when work throws", async () => {
    const seen: number[] = [];
    await expect(
      mapPool([1, 2, 3, 4], 2, async (x) => {
        seen.push(x);
        await tick(1);
        if (x === 1) throw new Error("boom");
        return x;
      }),
    ).rejects.toThrow("boom");
    expect(seen.length).toBeLessThan(4);
  });
});
