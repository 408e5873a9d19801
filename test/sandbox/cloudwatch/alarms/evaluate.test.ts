/**
 * The alarm evaluation rules, checked against the two tables of "How alarm state is evaluated when data is missing"
 * (Amazon CloudWatch User Guide, "Configuring how CloudWatch alarms treat missing data"), whose evaluation range
 * is 5 datapoints for Evaluation Periods 3. Rows are oldest first: 0 not breaching, X breaching, - missing.
 */
import { describe, expect, it } from "vitest";
import { evaluateAlarm, evaluationRange } from "../../../../src/sandbox/cloudwatch/alarms/evaluate.js";
import type { AlarmState, TreatMissingData } from "../../../../src/sandbox/cloudwatch/alarms/evaluate.js";

const RETAIN = "retain";
type Expected = AlarmState | typeof RETAIN;

function run(row: string, m: number, treat: TreatMissingData, current: AlarmState = "OK"): AlarmState {
  const points = row.split(" ").map((cell, i) => ({
    timestamp: i * 60_000,
    value: cell === "-" ? undefined : cell === "X" ? 10 : 0,
  }));
  return evaluateAlarm({
    points,
    evaluationPeriods: 3,
    datapointsToAlarm: m,
    treatMissingData: treat,
    breaches: (v) => v > 5,
    current,
  }).state;
}

// [datapoints, MISSING, IGNORE, BREACHING, NOT BREACHING]
const THREE_OF_THREE: [string, Expected, Expected, Expected, Expected][] = [
  ["0 - X - X", "OK", "OK", "OK", "OK"],
  ["0 - - - -", "OK", "OK", "OK", "OK"],
  ["- - - - -", "INSUFFICIENT_DATA", RETAIN, "ALARM", "OK"],
  ["0 X X - X", "ALARM", "ALARM", "ALARM", "ALARM"],
  ["- - X - -", "ALARM", RETAIN, "ALARM", "OK"],
];
const TWO_OF_THREE: [string, Expected, Expected, Expected, Expected][] = [
  ["0 - X - X", "ALARM", "ALARM", "ALARM", "ALARM"],
  ["0 0 X 0 X", "ALARM", "ALARM", "ALARM", "ALARM"],
  ["0 - X - -", "OK", "OK", "ALARM", "OK"],
  ["- - - - 0", "OK", "OK", "ALARM", "OK"],
  ["- - - X -", "ALARM", RETAIN, "ALARM", "OK"],
];

const TREATMENTS: TreatMissingData[] = ["missing", "ignore", "breaching", "notBreaching"];

describe("evaluateAlarm, AWS's tables", () => {
  it("uses an evaluation range of 5 for 3 evaluation periods, as the tables do", () => {
    expect(evaluationRange(3)).toBe(5);
  });

  for (const [title, m, table] of [
    ["Datapoints to Alarm 3 of 3", 3, THREE_OF_THREE],
    ["Datapoints to Alarm 2 of 3 (M out of N)", 2, TWO_OF_THREE],
  ] as const) {
    describe(title, () => {
      it.each(table)("%s", (row, ...expected) => {
        TREATMENTS.forEach((treat, i) => {
          const want = expected[i];
          for (const current of ["OK", "ALARM", "INSUFFICIENT_DATA"] as const) {
            expect({ treat, current, state: run(row, m, treat, current) }).toEqual({
              treat,
              current,
              state: want === RETAIN ? current : want,
            });
          }
        });
      });
    });
  }
});

describe("evaluateAlarm, what it reports", () => {
  it("lists the evaluated datapoints newest first and counts the breaching ones", () => {
    const r = evaluateAlarm({
      points: [1, 9, 9, 2, 9].map((value, i) => ({ timestamp: i, value })),
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      treatMissingData: "missing",
      breaches: (v) => v > 5,
      current: "OK",
    });
    expect(r).toMatchObject({ state: "ALARM", kind: "evaluated", breaching: 2, filled: 0 });
    expect(r.evaluated.map((p) => p.value)).toEqual([9, 2, 9]);
  });

  it("fills only as many missing datapoints as it needs", () => {
    const r = evaluateAlarm({
      points: [undefined, undefined, 9, undefined, undefined].map((value, i) => ({ timestamp: i, value })),
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      treatMissingData: "breaching",
      breaches: (v) => v > 5,
      current: "OK",
    });
    expect(r).toMatchObject({ state: "ALARM", filled: 2, breaching: 3 });
  });
});
