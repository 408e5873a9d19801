/**
 * The table-driven query suite's runner: each case runs through the engine API (StartQuery, then
 * GetQueryResults until Complete) over the fixture and asserts the exact rows — fields in order, every
 * value as the string AWS would print — and, where given, the statistics.
 */
import { expect, it } from "vitest";
import { AwsError } from "../../../../src/sandbox/errors.js";
import { encodePointer } from "../../../../src/sandbox/insights/exec/pointer.js";
import {
  createInsightsEngine,
  type GetQueryResultsResponse,
  type InsightsEngine,
  type StartQueryRequest,
} from "../../../../src/sandbox/insights/index.js";
import { ACCOUNT, BEDROCK_GROUP, DAY, fixtureSource, REGION } from "./fixtures.js";

export type Pair = readonly [string, string];

export interface QueryCase {
  name: string;
  query: string;
  groups?: string[];
  range?: { startTime: number; endTime: number };
  limit?: number;
  rows?: readonly (readonly Pair[])[];
  /** [recordsMatched, recordsScanned] (bytesScanned is checked by its own tests). */
  stats?: readonly [number, number];
  error?: { code: string; message: string | RegExp };
}

/** Group ids in the fixture, in creation order. */
export const G = { bedrock: 1, app: 2, lambda: 3 } as const;

export function ptr(groupId: number, eventId: number): Pair {
  return ["@ptr", encodePointer(groupId, eventId)];
}

export function finish(engine: InsightsEngine, request: StartQueryRequest): GetQueryResultsResponse {
  const id = engine.startQuery(ACCOUNT, REGION, request);
  for (let poll = 0; poll < 5; poll++) {
    const response = engine.getQueryResults(ACCOUNT, REGION, id);
    if (response.status === "Complete" || response.status === "Failed") return response;
  }
  throw new Error("query did not complete");
}

/** The AwsError `fn` throws; anything else it throws, or no error at all, fails the test. */
export function awsError(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  throw new Error("expected an AwsError");
}

export function fixtureEngine(): InsightsEngine {
  return createInsightsEngine(fixtureSource(), () => Date.UTC(2025, 7, 16));
}

export function pairs(response: GetQueryResultsResponse): Pair[][] {
  return response.results.map((row) => row.map((f) => [f.field, f.value] as const));
}

export function runCases(cases: readonly QueryCase[]): void {
  const engine = fixtureEngine();
  for (const c of cases) {
    it(c.name, () => {
      const request: StartQueryRequest = { queryString: c.query, ...(c.range ?? DAY) };
      if (!c.query.trimStart().toUpperCase().startsWith("SOURCE")) request.logGroupNames = c.groups ?? [BEDROCK_GROUP];
      if (c.limit !== undefined) request.limit = c.limit;
      if (c.error !== undefined) {
        let caught: unknown;
        try {
          finish(engine, request);
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(AwsError);
        const error = caught as AwsError;
        expect(error.code).toBe(c.error.code);
        if (typeof c.error.message === "string") expect(error.message).toBe(c.error.message);
        else expect(error.message).toMatch(c.error.message);
        return;
      }
      const response = finish(engine, request);
      expect(response.status).toBe("Complete");
      if (c.rows !== undefined) expect(pairs(response)).toEqual(c.rows);
      if (c.stats !== undefined) {
        expect([response.statistics.recordsMatched, response.statistics.recordsScanned]).toEqual(c.stats);
      }
    });
  }
}
