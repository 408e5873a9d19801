/** Metric math as "Using metric math" (Amazon CloudWatch User Guide) defines it: point-by-point series arithmetic. */
import { describe, expect, it } from "vitest";
import { evaluateMath, MathEvaluationError } from "../../../src/sandbox/cloudwatch/math/evaluate.js";
import type { MathValue, Series } from "../../../src/sandbox/cloudwatch/math/evaluate.js";
import { MathSyntaxError, parseExpression, referencedIds } from "../../../src/sandbox/cloudwatch/math/parse.js";

const U = undefined;
const SERIES: Record<string, Series> = {
  m1: [1, 2, U, 4],
  m2: [10, U, 30, 40],
  m3: [5, 5, 5, 5],
};

function run(expression: string): MathValue {
  return evaluateMath(parseExpression(expression), {
    length: 4,
    periodSec: 60,
    resolve: (id) => (SERIES[id] === undefined ? undefined : { kind: "series", values: SERIES[id] }),
    metricIds: () => Object.keys(SERIES),
  });
}
const values = (expression: string): Series => {
  const v = run(expression);
  if (v.kind !== "series") throw new Error(`not a series: ${JSON.stringify(v)}`);
  return v.values;
};

describe("metric math", () => {
  it.each([
    ["m1 + m2", [11, U, U, 44]],
    ["100 * m1 / m3", [20, 40, U, 80]],
    ["-m1 ^ 2", [-1, -4, U, -16]],
    ["m1 / 0", [U, U, U, U]],
    ["FILL(m1, 0)", [1, 2, 0, 4]],
    ["FILL(m1, REPEAT)", [1, 2, 2, 4]],
    ["FILL(m1, LINEAR)", [1, 2, 3, 4]],
    ["IF(m1 > 1, m1, 0)", [0, 2, U, 4]],
    ["IF(m1 >= 2 AND m3 == 5, 1)", [U, 1, U, 1]],
    ["SUM(METRICS())", [16, 7, 35, 49]],
    ["MAX([m1, m3])", [5, 5, 5, 5]],
    ['AVG(METRICS("m1"))', [1, 2, U, 4]],
    ["DIFF(m3)", [U, 0, 0, 0]],
    ["RATE(m2)", [U, U, U, 10 / 60]],
    ["RUNNING_SUM(m1)", [1, 3, 3, 7]],
    ["ABS(m1 - m3)", [4, 3, U, 1]],
  ])("%s", (expression, expected) => {
    expect(values(expression)).toEqual(expected);
  });

  it("folds one series into a scalar with SUM, AVG, MIN, MAX", () => {
    expect(run("SUM(m1)")).toEqual({ kind: "scalar", value: 7 });
    expect(run("MAX(m2)")).toEqual({ kind: "scalar", value: 40 });
  });

  it("names the ids an expression uses", () => {
    expect([...referencedIds(parseExpression("IF(e1 > 0, m1 / e1, SUM([m2, m3]))"))].sort()).toEqual([
      "e1",
      "m1",
      "m2",
      "m3",
    ]);
  });

  it.each(["m1 +", "(m1", "m1 $ 2", "SUM(m1,", "[m1"])("refuses %s as a syntax error", (expression) => {
    expect(() => parseExpression(expression)).toThrow(MathSyntaxError);
  });

  it("refuses unknown ids and functions the sandbox does not implement, by name", () => {
    expect(() => run("m9 * 2")).toThrow(MathEvaluationError);
    expect(() => run('SEARCH("{AWS/Bedrock} Invocations", "Sum")')).toThrow(
      /SEARCH is not supported by the genai-lab sandbox/,
    );
  });

  it("bounds nesting", () => {
    expect(() => parseExpression(`${"(".repeat(100)}m1${")".repeat(100)}`)).toThrow(/nested too deeply/);
  });
});
