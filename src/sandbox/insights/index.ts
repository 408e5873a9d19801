/**
 * Logs Insights for the sandbox. The Logs service's StartQuery / GetQueryResults / StopQuery / DescribeQueries
 * handlers call this engine with the request members as AWS names them and return what it gives unchanged.
 *
 * A query is checked and compiled when it starts (syntax errors surface from StartQuery, as on AWS), then runs in
 * the background on its own — Scheduled, then Running, then Complete (or Failed, Cancelled, Timeout) — in slices
 * that leave the event loop free between them, whether or not anyone polls (a poll also lends it one slice). A query that runs longer than AWS's
 * 60 minutes ends Timeout. Results and the query list are kept 7 days, like AWS's.
 */
import { randomUUID } from "node:crypto";
import { AwsError } from "../errors.js";
import { compileQuery, type CompiledQuery } from "./compile.js";
import { LogStore } from "./data/store.js";
import {
  describeQueries,
  renderedQueryString,
  type DescribeFilter,
  type DescribeQueriesResponse,
  type QueryInfo,
  type QueryStatus,
} from "./describe.js";
import { Execution, type QueryStatistics, type ResultField } from "./exec/execute.js";
import { checkMembers, checkRange, selectedGroups } from "./requests.js";
import { listenForAppends } from "./background.js";
import { fieldsSaver } from "./saver.js";
import { Scheduler, type Task } from "./scheduler.js";
import type { InsightsEventSource, LogGroupRef } from "./source.js";
import { logRecord } from "./log-record.js";

export type { ResultField, QueryStatistics } from "./exec/execute.js";
export type { InsightsEventSource, LogGroupRef, StoredLogEvent } from "./source.js";
export type { QueryInfo, QueryStatus, DescribeFilter, DescribeQueriesResponse } from "./describe.js";
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

export interface InsightsEngine {
  /** Returns the queryId. Throws AwsError: MalformedQueryException, ResourceNotFoundException, InvalidParameterException, LimitExceededException. */
  startQuery(accountId: string, region: string, request: StartQueryRequest): string;
  /** Throws AwsError ResourceNotFoundException for an unknown id (or one from another account/Region). */
  getQueryResults(accountId: string, region: string, queryId: string, page?: ResultsPage): GetQueryResultsResponse;
  /** True once a Scheduled or Running query is Cancelled; InvalidParameterException if it already ended (as AWS). */
  stopQuery(accountId: string, region: string, queryId: string): boolean;
  describeQueries(accountId: string, region: string, filter: DescribeFilter): DescribeQueriesResponse;
  /** GetLogRecord: every field of the record an `@ptr` points at (timestamps as epoch milliseconds). */
  getLogRecord(accountId: string, region: string, logRecordPointer: string): Record<string, string>;
  /** Resolves once no query is Scheduled or Running (tests and the benchmark wait on it). */
  idle(): Promise<void>;
  /** Saves the discovered fields now, where the source keeps them (the engine also does so after a pause). */
  persist(): Promise<void>;
}

const RETENTION_MS = 7 * 24 * 3_600_000;
const MAX_KEPT_QUERIES = 1_000;
const MAX_CONCURRENT = 100;
const PAGE_SIZE = 10_000;
const MAX_PLANS = 200;
/** AWS: "Queries time out after 60 minutes of runtime" (the StartQuery API reference). */
const QUERY_TIMEOUT_MS = 60 * 60_000;

interface QueryRecord {
  info: QueryInfo;
  accountId: string;
  region: string;
  groups: LogGroupRef[];
  compiled: CompiledQuery;
  fromMs: number;
  toMs: number;
  apiLimit: number | undefined;
  task: Task;
  execution?: Execution;
  startedAt?: number;
  result?: { rows: ResultField[][]; statistics: QueryStatistics };
}

const ZERO: QueryStatistics = { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 };

export interface EngineOptions {
  /** The engine's cache of discovered fields by log group id; pass one in only to look inside it (the benchmark does). */
  stores?: Map<number, LogStore>;
  /** How long a query may run (performance.now() milliseconds) before it ends Timeout; AWS's 60 minutes by default. */
  timeoutMs?: number;
  /** Longest slice of work between two turns of the event loop (default 16 ms). */
  sliceMs?: number;
  /** Discover new events' fields in the background as they arrive, when the source says so (default true). */
  background?: boolean;
}

const running = (status: QueryStatus): boolean => status === "Scheduled" || status === "Running";

export function createInsightsEngine(
  source: InsightsEventSource,
  now: () => number = Date.now,
  options: EngineOptions = {},
): InsightsEngine {
  const stores = options.stores ?? new Map<number, LogStore>();
  const timeoutMs = options.timeoutMs ?? QUERY_TIMEOUT_MS;
  const sliceMs = options.sliceMs ?? 16;
  const scheduler = new Scheduler(sliceMs);
  const storeForName = new Map<string, number>();
  const saver = fieldsSaver(source.fields, stores);
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
      store = saver.load(ref) ?? new LogStore(ref);
      stores.set(ref.id, store);
    }
    return store;
  }

  const background =
    options.background !== false ? listenForAppends(source, stores, storeOf, scheduler, saver.discovered) : undefined;

  function purge(): void {
    const cutoff = now() - RETENTION_MS;
    for (const [id, record] of queries) if (record.info.createTime < cutoff) forget(id, record);
    while (queries.size > MAX_KEPT_QUERIES) {
      const oldest = queries.entries().next();
      if (oldest.done === true) break;
      forget(oldest.value[0], oldest.value[1]);
    }
  }

  function forget(id: string, record: QueryRecord): void {
    queries.delete(id);
    scheduler.remove(record.task);
  }

  function find(accountId: string, region: string, queryId: string): QueryRecord {
    purge();
    const record = queries.get(queryId);
    if (record === undefined || record.accountId !== accountId || record.region !== region) {
      throw new AwsError("ResourceNotFoundException", `Query ${queryId} does not exist`);
    }
    return record;
  }

  /** One slice of a query's work; true when the query has ended (whatever the status). */
  function step(record: QueryRecord, deadline: number): boolean {
    if (!running(record.info.status)) return true;
    try {
      if (record.execution === undefined) {
        record.info.status = "Running";
        record.startedAt = performance.now();
        record.execution = new Execution(record.compiled.plan, {
          stores: record.groups.map(storeOf),
          source,
          fromMs: record.fromMs,
          toMs: record.toMs,
          apiLimit: record.apiLimit,
        });
      }
      if (performance.now() - (record.startedAt ?? 0) > timeoutMs) {
        record.info.status = "Timeout";
        delete record.execution;
        return true;
      }
      if (!record.execution.step(Math.min(deadline, (record.startedAt ?? 0) + timeoutMs))) return false;
      record.result = record.execution.result;
      record.info.status = "Complete";
      saver.discovered();
    } catch {
      record.info.status = "Failed";
    }
    delete record.execution;
    return true;
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
      const active = [...queries.values()].filter(
        (q) => q.accountId === accountId && running(q.info.status) && q.info.createTime > recent,
      );
      if (active.length >= MAX_CONCURRENT) {
        throw new AwsError(
          "LimitExceededException",
          `Account maximum query concurrency limit of [${MAX_CONCURRENT}] reached.`,
        );
      }
      const queryId = randomUUID();
      const named = [request.logGroupName, ...(request.logGroupNames ?? []), ...(request.logGroupIdentifiers ?? [])];
      const info: QueryInfo = {
        queryId,
        queryString: renderedQueryString(
          request.queryString,
          named.filter((n): n is string => n !== undefined),
          request.startTime,
          request.endTime,
        ),
        status: "Scheduled",
        createTime: now(),
        queryLanguage: "CWLI",
      };
      if (groups[0] !== undefined) info.logGroupName = groups[0].name;
      const record: QueryRecord = {
        info,
        accountId,
        region,
        groups,
        compiled,
        fromMs: request.startTime * 1000,
        toMs,
        apiLimit: request.limit,
        task: { step: (deadline) => step(record, deadline) },
      };
      queries.set(queryId, record);
      scheduler.add(record.task);
      return queryId;
    },

    getQueryResults(accountId, region, queryId, page = {}) {
      const record = find(accountId, region, queryId);
      // A poll lends the query one slice of its own: a small query answers Complete on the first poll, with no
      // wait for the event loop's next turn; a long one still runs in the background between polls.
      if (running(record.info.status) && step(record, performance.now() + sliceMs)) scheduler.remove(record.task);
      const status = record.info.status;
      // Only a Complete query has rows; a Running one reports its counts so far.
      if (status !== "Complete" || record.result === undefined) {
        return { status, results: [], statistics: record.execution?.statistics() ?? ZERO };
      }
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
      if (!running(record.info.status)) {
        throw new AwsError(
          "InvalidParameterException",
          `Query ${queryId} is not running (status ${record.info.status}).`,
        );
      }
      record.info.status = "Cancelled";
      delete record.execution;
      delete record.result;
      scheduler.remove(record.task);
      return true;
    },

    describeQueries(accountId, region, filter) {
      purge();
      return describeQueries(queries.values(), accountId, region, filter);
    },

    getLogRecord(accountId, region, logRecordPointer) {
      return logRecord(stores, source, accountId, region, logRecordPointer);
    },

    persist() {
      return saver.saveNow();
    },

    idle() {
      background?.flush();
      return scheduler.idle();
    },
  };
}
