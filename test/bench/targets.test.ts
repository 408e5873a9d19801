/**
 * The benchmarks' graders: a target passes on its ratio of medians, a time under its ceiling and a throughput over
 * its floor, and a screen mark is judged on the text a person sees (bench/startup/screen.ts).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { judge, reportTargets } from "../../bench/lib/targets.js";
import { flatten } from "../../bench/startup/screen.js";

afterEach(() => vi.restoreAllMocks());

describe("bench targets", () => {
  it("compares medians: a time passes at or under its ceiling, fails just over it", () => {
    const base = [100, 90, 110];
    expect(judge({ name: "t", samples: [150, 1, 999], base, baseName: "b", atMost: 1.5 })).toEqual({
      ratio: 1.5,
      pass: true,
    });
    expect(judge({ name: "t", samples: [151, 151, 151], base, baseName: "b", atMost: 1.5 }).pass).toBe(false);
  });

  it("a throughput passes at or over its floor, fails under it", () => {
    const moto = [100_000];
    expect(judge({ name: "t", samples: [500_000], base: moto, baseName: "moto", atLeast: 5 }).pass).toBe(true);
    expect(judge({ name: "t", samples: [499_000], base: moto, baseName: "moto", atLeast: 5 }).pass).toBe(false);
  });

  it("prints one PASS or FAIL line per target and counts the failures", () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    const failed = reportTargets([
      { name: "fast", samples: [10], base: [10], baseName: "node -e 0", atMost: 1.5 },
      { name: "slow", samples: [60], base: [10], baseName: "node -e 0", atMost: 5 },
    ]);
    expect(failed).toBe(1);
    expect(lines.find((l) => l.startsWith("fast"))).toMatch(/1\.00×\s+≤ 1\.5×\s+PASS/);
    expect(lines.find((l) => l.startsWith("slow"))).toMatch(/6\.00×\s+≤ 5×\s+FAIL/);
  });

  it("reads a screen as prose: the card's borders and padding gone, wrapped lines joined", () => {
    const rows = ["╭──────────╮", "│  Goal    Turn on  │", "│          logging. │", "╰──────────╯", ""];
    expect(flatten(rows)).toBe("Goal Turn on logging.");
  });
});
