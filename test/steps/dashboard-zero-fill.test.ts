/**
 * The dashboard preview draws every bucket of its window, zeros included, on the grid of the buckets CloudWatch
 * returned: after a seeded history, 15-minute buckets that start at the query's StartTime (10:07, 10:22, …) had a
 * zero drawn between every two of them (found by hand: ▁▇▁█▁█ in `run --step 4`).
 */
import { describe, expect, it } from "vitest";
import { zeroFilled } from "../../steps/lib/dashboard-preview.js";

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 2, 10, 7); // the query's StartTime: on a minute, not on a quarter hour

describe("zeroFilled", () => {
  it("fills the gaps between buckets that start at the query's StartTime, and adds none between them", () => {
    const points = [0, 15, 45].map((m) => ({ x: T0 + m * MIN, y: m + 1 }));
    const filled = zeroFilled({ label: "Invocations", points }, { startMs: T0, endMs: T0 + 59 * MIN }, 900);
    expect(filled.points.map((p) => [(Number(p.x) - T0) / MIN, p.y])).toEqual([
      [0, 1],
      [15, 16],
      [30, 0],
      [45, 46],
    ]);
  });

  it("draws an empty window as zeros on the period's own grid", () => {
    const filled = zeroFilled({ label: "Invocations", points: [] }, { startMs: T0, endMs: T0 + 30 * MIN }, 900);
    expect(filled.points.map((p) => p.y)).toEqual([0, 0, 0]);
    expect(filled.points.every((p) => Number(p.x) % (900 * 1000) === 0)).toBe(true);
  });
});
