/**
 * The Insights engine with a memory that outlives the process: each query that ends (Complete, Failed, Cancelled,
 * Timeout) is saved once, and DescribeQueries / GetQueryResults fall back to the saved ones for ids the engine no
 * longer knows — a `genai-lab check` run after `genai-lab run` (a new sandbox process on the same state directory)
 * sees the queries the learner or the lab ran, as it would on AWS.
 */
import { AwsError } from "../errors.js";
import type { QueryHistory } from "../storage/query-history.js";
import type { InsightsEngine, QueryInfo } from "./index.js";

const ENDED = new Set(["Complete", "Failed", "Cancelled", "Timeout"]);

export function withHistory(engine: InsightsEngine, history: QueryHistory, now: () => number): InsightsEngine {
  const groupsOf = new Map<string, string[]>();
  const saved = new Set<string>();

  function save(accountId: string, region: string, info: QueryInfo | undefined): void {
    if (!info || saved.has(info.queryId) || !ENDED.has(info.status)) return;
    const queryId = info.queryId;
    const { results, statistics } = engine.getQueryResults(accountId, region, queryId);
    const groups = groupsOf.get(queryId) ?? (info.logGroupName ? [info.logGroupName] : []);
    history.save({ accountId, region, info, groups, results, statistics }, now());
    saved.add(queryId);
    groupsOf.delete(queryId);
  }

  return {
    startQuery(accountId, region, request) {
      const queryId = engine.startQuery(accountId, region, request);
      const names = [request.logGroupName, ...(request.logGroupNames ?? []), ...(request.logGroupIdentifiers ?? [])];
      groupsOf.set(
        queryId,
        names
          .filter((n): n is string => n !== undefined)
          .map((n) => n.replace(/^arn:.*:log-group:/, "").replace(/:\*$/, "")),
      );
      return queryId;
    },

    getQueryResults(accountId, region, queryId, page) {
      try {
        const out = engine.getQueryResults(accountId, region, queryId, page);
        if (ENDED.has(out.status) && !saved.has(queryId)) {
          const listed = engine.describeQueries(accountId, region, {}).queries;
          save(
            accountId,
            region,
            listed.find((q) => q.queryId === queryId),
          );
        }
        return out;
      } catch (error) {
        const past = error instanceof AwsError ? history.find(accountId, region, queryId) : undefined;
        if (past === undefined) throw error;
        return { status: past.info.status, results: past.results, statistics: past.statistics };
      }
    },

    stopQuery: (accountId, region, queryId) => engine.stopQuery(accountId, region, queryId),

    describeQueries(accountId, region, filter) {
      const live = engine.describeQueries(accountId, region, filter);
      // A query that ended in the background is saved the first time it is listed.
      for (const q of live.queries) save(accountId, region, q);
      if (filter.nextToken !== undefined) return live;
      // The saved ones the engine no longer knows (an earlier process) come on the first page, newest first.
      const known = new Set(live.queries.map((q) => q.queryId));
      const past: QueryInfo[] = history
        .list(accountId, region)
        .filter((q) => !known.has(q.info.queryId))
        .filter((q) => filter.status === undefined || q.info.status === filter.status)
        .filter((q) => filter.logGroupName === undefined || q.groups.includes(filter.logGroupName))
        .map((q) => q.info);
      if (past.length === 0) return live;
      const max = Math.max(1, Math.min(1000, filter.maxResults ?? 1000));
      const queries = [...live.queries, ...past].sort((a, b) => b.createTime - a.createTime).slice(0, max);
      return { ...live, queries };
    },

    getLogRecord: (accountId, region, pointer) => engine.getLogRecord(accountId, region, pointer),
    idle: () => engine.idle(),
    persist: () => engine.persist(),
  };
}
