/** AWS's documented sort order, result formatting, and time periods. */
import { describe, expect, it } from "vitest";
import { formatTimestamp, formatValue, roundAggregate } from "../../../src/sandbox/insights/exec/format.js";
import { compareKey, compareValues } from "../../../src/sandbox/insights/exec/order.js";
import { ceilToPeriod, floorToPeriod, periodUnit } from "../../../src/sandbox/insights/lang/periods.js";

describe("sort order", () => {
  // The ascending list from AWS's sort documentation, verbatim.
  const documented = [
    "!:",
    "#",
    "*%04",
    "0#",
    "5A",
    "111A",
    "2345_",
    "@",
    "@_",
    "A",
    "A9876fghj",
    "a12345hfh",
    "0",
    "01",
    "1",
    "2",
    "3",
  ];

  it("sorts AWS's documented example exactly as documented, ascending and descending", () => {
    const shuffled = [...documented].reverse();
    shuffled.push(shuffled.splice(3, 1)[0] as string);
    expect([...shuffled].sort(compareValues)).toEqual(documented);
    expect([...shuffled].sort((a, b) => compareKey(a, b, true))).toEqual([...documented].reverse());
  });

  it("numbers compare numerically, whether stored as numbers or text", () => {
    expect([10, "9", 100, "11.5"].sort(compareValues)).toEqual(["9", 10, "11.5", 100]);
  });

  it("absent values go last in both directions", () => {
    expect(compareKey(null, 1, false)).toBeGreaterThan(0);
    expect(compareKey(null, 1, true)).toBeGreaterThan(0);
    expect(compareKey(null, null, true)).toBe(0);
  });
});

describe("formatting", () => {
  it("timestamps print as YYYY-MM-DD HH:MM:SS.mmm in UTC", () => {
    expect(formatTimestamp(0)).toBe("1970-01-01 00:00:00.000");
    expect(formatTimestamp(Date.UTC(2025, 7, 22, 9, 41, 6, 7))).toBe("2025-08-22 09:41:06.007");
  });

  it("aggregates round to four decimals; integers stay integers", () => {
    expect(roundAggregate(41 / 3)).toBe("13.6667");
    expect(roundAggregate(12)).toBe("12");
    expect(roundAggregate(0.1 + 0.2)).toBe("0.3");
    expect(formatValue("19.267682323999793", "agg")).toBe("19.2677");
    expect(formatValue("end_turn", "agg")).toBe("end_turn");
  });

  it("booleans print as 1 and 0, absent values not at all", () => {
    expect(formatValue(true, "plain")).toBe("1");
    expect(formatValue(false, "agg")).toBe("0");
    expect(formatValue(null, "ts")).toBeNull();
  });
});

describe("time periods", () => {
  const utc = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h, mi);

  it("knows AWS's units, abbreviations and plurals", () => {
    expect(
      [
        "ms",
        "msec",
        "millisecond",
        "milliseconds",
        "s",
        "sec",
        "secs",
        "second",
        "m",
        "min",
        "mins",
        "minute",
        "h",
        "hr",
        "hrs",
        "hour",
        "hours",
        "d",
        "day",
        "days",
        "w",
        "week",
        "mo",
        "mon",
        "month",
        "months",
        "q",
        "qtr",
        "quarter",
        "y",
        "yr",
        "yrs",
        "year",
      ].map(periodUnit),
    ).not.toContain(undefined);
    expect(periodUnit("x")).toBeUndefined();
    expect(periodUnit("ss")).toBeUndefined();
  });

  it("floors fixed periods on the epoch and calendar periods on UTC month starts", () => {
    expect(floorToPeriod(utc(2025, 8, 15, 9, 47), { amount: 15, unit: "m" })).toBe(utc(2025, 8, 15, 9, 45));
    expect(floorToPeriod(utc(2025, 8, 15, 9, 47), { amount: 1, unit: "d" })).toBe(utc(2025, 8, 15));
    expect(floorToPeriod(utc(2025, 8, 15), { amount: 1, unit: "w" })).toBe(utc(2025, 8, 14));
    expect(floorToPeriod(utc(2025, 8, 15), { amount: 1, unit: "mo" })).toBe(utc(2025, 8, 1));
    expect(floorToPeriod(utc(2025, 8, 15), { amount: 1, unit: "q" })).toBe(utc(2025, 7, 1));
    expect(floorToPeriod(utc(2025, 8, 15), { amount: 1, unit: "y" })).toBe(utc(2025, 1, 1));
  });

  it("ceil leaves a value on a boundary where it is and rounds others up", () => {
    expect(ceilToPeriod(utc(2025, 8, 15, 10), { amount: 1, unit: "h" })).toBe(utc(2025, 8, 15, 10));
    expect(ceilToPeriod(utc(2025, 8, 15, 10, 1), { amount: 1, unit: "h" })).toBe(utc(2025, 8, 15, 11));
    expect(ceilToPeriod(utc(2025, 12, 15), { amount: 1, unit: "mo" })).toBe(utc(2026, 1, 1));
  });
});
