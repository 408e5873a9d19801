/**
 * Logs Insights for the sandbox. The Logs service's StartQuery / GetQueryResults / StopQuery / DescribeQueries
 * handlers call this engine with the request members as AWS names them and return what it gives unchanged.
 *
 * A query is checked and compiled when it starts (syntax errors surface from StartQuery, as on AWS), runs on
 * the first GetQueryResults (answered `Running`), and is `Complete` from the next one on — so clients see
 * Scheduled → Running → Complete as they poll. Results are kept 7 days, like AWS's.
 */
import { randomUUID } from "node:crypto";
import { AwsError } from "../errors.js";
import { compileQuery, type CompiledQuery } from "./compile.js";
import { LogStore } from "./data/store.js";
import { execute, type QueryStatistics, type ResultField } from "./exec/execute.js";
import { checkMembers, checkRange, selectedGroups } from "./requests.js";
import type { InsightsEventSource, LogGroupRef } from "./source.js";
import { logRecord } from "./log-record.js";

export type { ResultField, QueryStatistics } from "./exec/execute.js";
export type { InsightsEventSource, LogGroupRef, StoredLogEvent } from "./source.js";

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

export interface GetQueryResultsResponse {
  status: QueryStatus;
  results: ResultField[][];
  statistics: QueryStatistics;
  /** Present when more rows remain (pages of at most 10,000 rows, AWS's page size). */
  nextToken?: string;
}

/** GetQueryResults' optional paging members. */
export interface ResultsPage {
  nextToken?: string;
  maxItems?: number;
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
  getQueryResults(accountId: string, region: string, queryId: string, page?: ResultsPage): GetQueryResultsResponse;
  /** True once a Scheduled or Running query is Cancelled; InvalidParameterException if it already ended (as AWS). */
  stopQuery(accountId: string, region: string, queryId: string): boolean;
  describeQueries(
    accountId: string,
    region: string,
    filter: { logGroupName?: string; status?: QueryStatus; maxResults?: number },
  ): QueryInfo[];
  /** GetLogRecord: every field of the record an `@ptr` points at (timestamps as epoch milliseconds). */
  getLogRecord(accountId: string, region: string, logRecordPointer: string): Record<string, string>;
}

const RETENTION_MS = 7 * 24 * 3_600_000;
const MAX_KEPT_QUERIES = 1_000;
const MAX_CONCURRENT = 100;
const PAGE_SIZE = 10_000;
const MAX_PLANS = 200;
const CATCH_UP_MS = 250;

interface QueryRecord {
  info: QueryInfo;
  accountId: string;
  region: string;
  groups: LogGroupRef[];
  compiled: CompiledQuery;
  fromMs: number;
  toMs: number;
  apiLimit: number | undefined;
  result?: { rows: ResultField[][]; statistics: QueryStatistics };
}

const ZERO: QueryStatistics = { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 };

export interface EngineOptions {
  /** The engine's cache of discovered fields by log group id; pass one in only to look inside it (the benchmark does). */
  stores?: Map<number, LogStore>;
  /** Longest a GetQueryResults call spends discovering new events before answering Running (default 250 ms). */
  catchUpMs?: number;
}

export function createInsightsEngine(
  source: InsightsEventSource,
  now: () => number = Date.now,
  options: EngineOptions = {},
): InsightsEngine {
  const stores = options.stores ?? new Map<number, LogStore>();
  const catchUpMs = options.catchUpMs ?? CATCH_UP_MS;
  const storeForName = new Map<string, number>();
  const queries = new Map<string, QueryRecord>();
  // Compiled plans by query text: a dashboard re-runs the same queries, and a reused plan runs warm, optimised code.
  const plans = new Map<string, CompiledQuery>();

  function compile(text: string): CompiledQuery {
    let compiled = plans.get(text);
    if (compiled === undefined) {
      compiled = compileQuery(text);
      if (plans.size >= MAX_PLANS) plans.delete(plans.keys().next().value as string);
      plans.set(text, compiled);
    }
    return compiled;
  }

  /** The group's store; a re-created group (new id) drops the old one. */
  function storeOf(ref: LogGroupRef): LogStore {
    const nameKey = `${ref.accountId}\u0000${ref.region}\u0000${ref.name}`;
    const previous = storeForName.get(nameKey);
    if (previous !== undefined && previous !== ref.id) stores.delete(previous);
    storeForName.set(nameKey, ref.id);
    let store = stores.get(ref.id);
    if (store === undefined) {
      store = new LogStore(ref);
      stores.set(ref.id, store);
    }
    return store;
  }

  function purge(): void {
    const cutoff = now() - RETENTION_MS;
    for (const [id, record] of queries) if (record.info.createTime < cutoff) queries.delete(id);
    while (queries.size > MAX_KEPT_QUERIES) {
      const oldest = queries.keys().next();
      if (oldest.done === true) break;
      queries.delete(oldest.value);
    }
  }

  function find(accountId: string, region: string, queryId: string): QueryRecord {
    purge();
    const record = queries.get(queryId);
    if (record === undefined || record.accountId !== accountId || record.region !== region) {
      throw new AwsError("ResourceNotFoundException", `Query ${queryId} does not exist`);
    }
    return record;
  }

  /**
   * Catches the query's stores up with the source, for at most CATCH_UP_MS per call, then runs the query.
   * The query stays Running without a result while events remain to discover, and the next poll goes on,
   * so a first query over a million new events keeps the sandbox responsive instead of blocking it for
   * seconds.
   */
  function run(record: QueryRecord): void {
    record.info.status = "Running";
    try {
      const groupStores = record.groups.map(storeOf);
      const deadline = performance.now() + catchUpMs;
      for (const store of groupStores) if (!store.refresh(source, deadline)) return;
      record.result = execute(record.compiled.plan, {
        stores: groupStores,
        source,
        fromMs: record.fromMs,
        toMs: record.toMs,
        apiLimit: record.apiLimit,
      });
    } catch {
      record.info.status = "Failed";
    }
  }

  /** One GetQueryResults' step: a Scheduled query runs (still answering Running); a Running one completes. */
  function poll(record: QueryRecord): QueryStatus {
    if (record.info.status === "Scheduled") run(record);
    else if (record.info.status === "Running") {
      if (record.result === undefined) run(record);
      if (record.result !== undefined) record.info.status = "Complete";
    }
    return record.info.status;
  }

  return {
    startQuery(accountId, region, request) {
      purge();
      checkMembers(request);
      const compiled = compile(request.queryString);
      const groups = selectedGroups(request, compiled.query, source, accountId, region);
      const toMs = request.endTime * 1000 + 999;
      checkRange(groups, toMs);
      const recent = now() - 15 * 60_000;
      const running = [...queries.values()].filter(
        (q) =>
          q.accountId === accountId &&
          (q.info.status === "Scheduled" || q.info.status === "Running") &&
          q.info.createTime > recent,
      );
      if (running.length >= MAX_CONCURRENT) {
        throw new AwsError(
          "LimitExceededException",
          `Account maximum query concurrency limit of [${MAX_CONCURRENT}] reached.`,
        );
      }
      const queryId = randomUUID();
      const info: QueryInfo = {
        queryId,
        queryString: request.queryString,
        status: "Scheduled",
        createTime: now(),
        queryLanguage: "CWLI",
      };
      if (groups[0] !== undefined) info.logGroupName = groups[0].name;
      queries.set(queryId, {
        info,
        accountId,
        region,
        groups,
        compiled,
        fromMs: request.startTime * 1000,
        toMs,
        apiLimit: request.limit,
      });
      return queryId;
    },

    getQueryResults(accountId, region, queryId, page = {}) {
      const record = find(accountId, region, queryId);
      const status = poll(record);
      // Only a Complete query has rows; Cancelled ones drop theirs and Failed ones never had any.
      if (status !== "Complete" || record.result === undefined) return { status, results: [], statistics: ZERO };
      const { rows, statistics } = record.result;
      const offset =
        page.nextToken === undefined ? 0 : Number.parseInt(Buffer.from(page.nextToken, "base64").toString("utf8"), 10);
      if (!Number.isInteger(offset) || offset < 0 || offset > rows.length)
        throw new AwsError("InvalidParameterException", "The nextToken is not valid for this query.");
      const size = Math.min(PAGE_SIZE, Math.max(1, page.maxItems ?? PAGE_SIZE));
      const response: GetQueryResultsResponse = {
        status,
        results: rows.slice(offset, offset + size),
        statistics,
      };
      if (offset + size < rows.length)
        response.nextToken = Buffer.from(String(offset + size), "utf8").toString("base64");
      return response;
    },

    stopQuery(accountId, region, queryId) {
      const record = find(accountId, region, queryId);
      if (record.info.status !== "Scheduled" && record.info.status !== "Running") {
        throw new AwsError(
          "InvalidParameterException",
          `Query ${queryId} is not running (status ${record.info.status}).`,
        );
      }
      record.info.status = "Cancelled";
      delete record.result;
      return true;
    },

    describeQueries(accountId, region, filter) {
      purge();
      const max = Math.max(1, Math.min(1000, filter.maxResults ?? 1000));
      return [...queries.values()]
        .filter((q) => q.accountId === accountId && q.region === region)
        .filter((q) => filter.status === undefined || q.info.status === filter.status)
        .filter((q) => filter.logGroupName === undefined || q.groups.some((g) => g.name === filter.logGroupName))
        .sort((a, b) => b.info.createTime - a.info.createTime)
        .slice(0, max)
        .map((q) => ({ ...q.info }));
    },

    getLogRecord(accountId, region, logRecordPointer) {
      return logRecord(stores, source, accountId, region, logRecordPointer);
    },
  };
}
