/**
 * Logs Insights for the sandbox. The Logs service's StartQuery / GetQueryResults / StopQuery / DescribeQueries
 * handlers call this engine with the request members as AWS names them and return what it gives unchanged.
 *
 * PLACEHOLDER until the query engine lands: every query is answered with a clear MalformedQueryException.
 */
import { AwsError } from "../errors.js";
import type { InsightsEventSource } from "./source.js";

export type QueryStatus = "Scheduled" | "Running" | "Complete" | "Failed" | "Cancelled" | "Timeout" | "Unknown";

/** StartQuery's request members (JSON 1.1 names), already type-checked by the handler. */
export interface StartQueryRequest {
  logGroupName?: string;
  logGroupNames?: string[];
  logGroupIdentifiers?: string[];
  queryString: string;
  /** Epoch seconds, inclusive. */
  startTime: number;
  /** Epoch seconds, inclusive. */
  endTime: number;
  limit?: number;
  queryLanguage?: string;
}

export interface ResultField {
  field: string;
  value: string;
}

export interface GetQueryResultsResponse {
  status: QueryStatus;
  results: ResultField[][];
  statistics: { recordsMatched: number; recordsScanned: number; bytesScanned: number };
}

export interface QueryInfo {
  queryId: string;
  queryString: string;
  status: QueryStatus;
  createTime: number;
  logGroupName?: string;
  queryLanguage?: string;
}

export interface InsightsEngine {
  /** Returns the queryId. Throws AwsError: MalformedQueryException, ResourceNotFoundException, InvalidParameterException, LimitExceededException. */
  startQuery(accountId: string, region: string, request: StartQueryRequest): string;
  /** Throws AwsError ResourceNotFoundException for an unknown id (or one from another account/Region). */
  getQueryResults(accountId: string, region: string, queryId: string): GetQueryResultsResponse;
  /** True if the query was running and is now Cancelled. */
  stopQuery(accountId: string, region: string, queryId: string): boolean;
  describeQueries(
    accountId: string,
    region: string,
    filter: { logGroupName?: string; status?: QueryStatus; maxResults?: number },
  ): QueryInfo[];
}

export function createInsightsEngine(source: InsightsEventSource, now: () => number = Date.now): InsightsEngine {
  void source;
  void now;
  const unsupported = (): never => {
    throw new AwsError("MalformedQueryException", "Logs Insights queries are not supported by this sandbox yet.");
  };
  return {
    startQuery: unsupported,
    getQueryResults: unsupported,
    stopQuery: unsupported,
    describeQueries: () => [],
  };
}
