/**
 * Property tests against straightforward reference computations over random event sets:
 * `stats count(*), sum(f), min(f), max(f) by bin(P)`, and the bounded top-N behind `sort f desc | limit k`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodePointer } from "../../../src/sandbox/insights/exec/pointer.js";
import { createInsightsEngine } from "../../../src/sandbox/insights/index.js";
import { finish, pairs, type Pair } from "./helpers/cases.js";
import { DAY, DAY_MS } from "./helpers/fixtures.js";
import { MemorySource } from "./helpers/memory-source.js";

type F = { kind: "absent" } | { kind: "int"; v: number } | { kind: "decimal"; v: number } | { kind: "text"; v: number };

const fieldArb: fc.Arbitrary<F> = fc.oneof(
  fc.constant<F>({ kind: "absent" }),
  fc.integer({ min: -1000, max: 1000 }).map<F>((v) => ({ kind: "int", v })),
  fc.integer({ min: -10_000, max: 10_000 }).map<F>((v) => ({ kind: "decimal", v: v / 10 })),
  fc.integer({ min: 0, max: 500 }).map<F>((v) => ({ kind: "text", v })),
);
const eventArb = fc.record({ offset: fc.integer({ min: 0, max: 86_399_999 }), f: fieldArb });
const PERIODS: readonly [string, number][] = [
  ["30s", 30_000],
  ["1m", 60_000],
  ["5m", 300_000],
  ["1h", 3_600_000],
  ["1d", 86_400_000],
];

function message(f: F): string {
  switch (f.kind) {
    case "absent":
      return JSON.stringify({ other: 1 });
    case "int":
    case "decimal":
      return JSON.stringify({ f: f.v });
    case "text":
      return JSON.stringify({ f: String(f.v) });
  }
}

function numeric(f: F): number | undefined {
  return f.kind === "absent" ? undefined : f.v;
}

/** The documented print form: integers as they are, other numbers rounded to four decimals. */
function printed(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 10_000) / 10_000);
}

function source(events: readonly { offset: number; f: F }[]): MemorySource {
  const s = new MemorySource();
  s.createGroup("/prop", DAY_MS);
  s.put(
    "/prop",
    events.map((e) => ({ timestamp: DAY_MS + e.offset, message: message(e.f) })),
  );
  return s;
}

describe("stats count(*), sum(f), min(f), max(f) by bin(…)", () => {
  it("matches a reference computation", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArb, { maxLength: 200 }),
        fc.constantFrom(...PERIODS),
        async (events, [period, ms]) => {
          const engine = createInsightsEngine(source(events), () => DAY_MS);
          const response = await finish(engine, {
            logGroupNames: ["/prop"],
            queryString: `stats count(*), sum(f), min(f), max(f) by bin(${period})`,
            ...DAY,
          });
          const buckets = new Map<number, { n: number; values: number[] }>();
          for (const e of events) {
            const bucket = Math.floor((DAY_MS + e.offset) / ms) * ms;
            const entry = buckets.get(bucket) ?? { n: 0, values: [] };
            entry.n += 1;
            const v = numeric(e.f);
            if (v !== undefined) entry.values.push(v);
            buckets.set(bucket, entry);
          }
          const expected = [...buckets.entries()]
            .sort((a, b) => b[0] - a[0])
            .map(([bucket, { n, values }]) => {
              const row: Pair[] = [
                [`bin(${period})`, new Date(bucket).toISOString().replace("T", " ").replace("Z", "")],
                ["count(*)", String(n)],
              ];
              if (values.length > 0) {
                row.push(["sum(f)", printed(values.reduce((a, b) => a + b, 0))]);
                row.push(["min(f)", printed(Math.min(...values))]);
                row.push(["max(f)", printed(Math.max(...values))]);
              }
              return row;
            });
          expect(pairs(response)).toEqual(expected);
          expect(response.statistics.recordsScanned).toBe(events.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("sort f desc | limit k", () => {
  it("keeps the same rows, in the same order, as sorting everything", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(eventArb, { maxLength: 150 }), fc.integer({ min: 1, max: 40 }), async (events, k) => {
        const engine = createInsightsEngine(source(events), () => DAY_MS);
        const response = await finish(engine, {
          logGroupNames: ["/prop"],
          queryString: `fields f | sort f desc | limit ${k}`,
          ...DAY,
        });
        const indexed = events.map((e, i) => ({
          ts: DAY_MS + e.offset,
          id: i + 1,
          v: numeric(e.f),
          text: e.f.kind === "absent" ? undefined : message(e.f),
        }));
        indexed.sort((a, b) => {
          if (a.v === undefined || b.v === undefined) {
            if (a.v !== b.v) return a.v === undefined ? 1 : -1;
          } else if (a.v !== b.v) return b.v - a.v;
          return b.ts - a.ts || b.id - a.id;
        });
        const expected = indexed.slice(0, k).map((e) => {
          const row: Pair[] = [];
          if (e.v !== undefined) row.push(["f", String(e.v)]);
          row.push(["@ptr", encodePointer(1, e.id)]);
          return row;
        });
        expect(pairs(response)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
