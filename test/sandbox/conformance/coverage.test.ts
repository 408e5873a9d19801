/**
 * The conformance suite covers every operation the sandbox implements: at least one success case, and each error the
 * model documents for the operation either produced by a case or named, with the reason, as one the sandbox never
 * answers.
 */
import { describe, expect, it } from "vitest";
import type { ServiceShapes } from "../../../src/sandbox/protocol/shape.js";
import { CLOUDWATCH_SHAPES } from "../../../src/sandbox/protocol/shapes/cloudwatch.js";
import { IAM_SHAPES } from "../../../src/sandbox/protocol/shapes/iam.js";
import { LOGS_SHAPES } from "../../../src/sandbox/protocol/shapes/logs.js";
import { STS_SHAPES } from "../../../src/sandbox/protocol/shapes/sts.js";
import type { Clients } from "../helpers.js";
import { BEDROCK_CASES, BEDROCK_UNREACHABLE } from "./cases/bedrock.js";
import { CLOUDWATCH_CASES, CLOUDWATCH_UNREACHABLE } from "./cases/cloudwatch.js";
import { IAM_CASES, IAM_ERROR_CASES, IAM_UNREACHABLE } from "./cases/iam.js";
import { LOGS_CASES, LOGS_UNREACHABLE } from "./cases/logs.js";
import { STS_CASES, STS_UNREACHABLE } from "./cases/sts.js";
import type { ConformanceCase } from "./runner.js";
import { BEDROCK_SHAPES } from "./shapes-bedrock.js";

interface Suite {
  name: string;
  shapes: ServiceShapes;
  cases: readonly ConformanceCase<Clients>[];
  /** Error → why the sandbox never answers it (for every operation), or "Op:Error" → why not for that operation. */
  unreachable: Readonly<Record<string, string>>;
}

const SUITES: readonly Suite[] = [
  { name: "CloudWatch", shapes: CLOUDWATCH_SHAPES, cases: CLOUDWATCH_CASES, unreachable: CLOUDWATCH_UNREACHABLE },
  { name: "CloudWatch Logs", shapes: LOGS_SHAPES, cases: LOGS_CASES, unreachable: LOGS_UNREACHABLE },
  { name: "IAM", shapes: IAM_SHAPES, cases: [...IAM_CASES, ...IAM_ERROR_CASES], unreachable: IAM_UNREACHABLE },
  { name: "STS", shapes: STS_SHAPES, cases: STS_CASES, unreachable: STS_UNREACHABLE },
  { name: "Bedrock", shapes: BEDROCK_SHAPES, cases: BEDROCK_CASES, unreachable: BEDROCK_UNREACHABLE },
];

/** Whether a case's expected error is the documented error `name` (by shape name or by its Query code). */
function produces(c: ConformanceCase<Clients>, name: string, shapes: ServiceShapes): boolean {
  if (typeof c.expect === "function") return false;
  const { code, type } = c.expect.error;
  const documented = shapes.structures[name]?.error?.code;
  return type === name || code === name || (type === undefined && code === documented);
}

describe("conformance coverage", () => {
  it.each(SUITES)("$name: every operation has a success case", ({ shapes, cases }) => {
    const succeeding = new Set(cases.filter((c) => typeof c.expect === "function").map((c) => c.op));
    expect(Object.keys(shapes.operations).filter((op) => !succeeding.has(op))).toEqual([]);
  });

  it.each(SUITES)("$name: every documented error is produced or explained", ({ shapes, cases, unreachable }) => {
    const missing: string[] = [];
    for (const [op, spec] of Object.entries(shapes.operations)) {
      for (const error of spec.errors) {
        const covered = cases.some((c) => c.op === op && produces(c, error, shapes));
        if (!covered && unreachable[error] === undefined && unreachable[`${op}:${error}`] === undefined) {
          missing.push(`${op}:${error}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(SUITES)("$name: every case names its source", ({ cases }) => {
    expect(cases.filter((c) => c.source.trim().length < 10).map((c) => `${c.op}: ${c.name}`)).toEqual([]);
  });
});
