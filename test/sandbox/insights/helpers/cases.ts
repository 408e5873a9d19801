/**
 * The table-driven query suite's runner: each case runs through the engine API (StartQuery, the engine's own
 * background run, then GetQueryResults) over the fixture and asserts the exact rows — fields in order, every
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

/** Starts a query and waits until the engine has nothing left to run, then reads its results. */
export async function finish(engine: InsightsEngine, request: StartQueryRequest): Promise<GetQueryResultsResponse> {
  const id = engine.startQuery(ACCOUNT, REGION, request);
  await engine.idle();
  const response = engine.getQueryResults(ACCOUNT, REGION, id);
  if (response.status === "Complete" || response.status === "Failed") return response;
  throw new Error(`query ended ${response.status}`);
}

/** The AwsError the promise rejects with; anything else it rejects with, or success, fails the test. */
export async function awsErrorOf(promise: Promise<unknown>): Promise<AwsError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  throw new Error("expected an AwsError");
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

/** Runs each case as its own test, over the fixture or over `engine` (a test file's own data). */
export function runCases(cases: readonly QueryCase[], engine: InsightsEngine = fixtureEngine()): void {
  for (const c of cases) {
    it(c.name, async () => {
      const request: StartQueryRequest = { queryString: c.query, ...(c.range ?? DAY) };
      if (!c.query.trimStart().toUpperCase().startsWith("SOURCE")) request.logGroupNames = c.groups ?? [BEDROCK_GROUP];
      if (c.limit !== undefined) request.limit = c.limit;
      if (c.error !== undefined) {
        let caught: unknown;
        try {
          await finish(engine, request);
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
      const response = await finish(engine, request);
      expect(response.status).toBe("Complete");
      if (c.rows !== undefined) expect(pairs(response)).toEqual(c.rows);
      if (c.stats !== undefined) {
        expect([response.statistics.recordsMatched, response.statistics.recordsScanned]).toEqual(c.stats);
      }
    });
  }
}
