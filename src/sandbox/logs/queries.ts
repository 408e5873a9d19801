import type { DescribeFilter, InsightsEngine, QueryStatus, ResultsPage, StartQueryRequest } from "../insights/index.js";
import type { OperationHandler } from "../server/types.js";
import { GROUP_IDENTIFIER, GROUP_NAME, reader } from "./common.js";

const STATUSES: readonly QueryStatus[] = [
  "Scheduled",
  "Running",
  "Complete",
  "Failed",
  "Cancelled",
  "Timeout",
  "Unknown",
];

/** Logs Insights: the handlers type-check members and hand them to the engine, whose answers go back unchanged. */
export function queryOperations(engine: () => InsightsEngine): Record<string, OperationHandler> {
  return {
    StartQuery(input, ctx) {
      const r = reader(input);
      const request: StartQueryRequest = {
        logGroupName: r.string("logGroupName", GROUP_NAME),
        logGroupNames: r.stringList("logGroupNames", { max: 50, item: GROUP_NAME }),
        logGroupIdentifiers: r.stringList("logGroupIdentifiers", { max: 50, item: GROUP_IDENTIFIER }),
        queryString: r.string("queryString", { required: true, min: 0, max: 10_000 }) ?? "",
        startTime: r.integer("startTime", { required: true, min: 0 }) ?? 0,
        endTime: r.integer("endTime", { required: true, min: 0 }) ?? 0,
        limit: r.integer("limit", { min: 1, max: 10_000 }),
        queryLanguage: r.string("queryLanguage", { enum: ["CWLI", "SQL", "PPL"] }),
      };
      r.done();
      for (const k of Object.keys(request) as (keyof StartQueryRequest)[])
        if (request[k] === undefined) delete request[k];
      return { queryId: engine().startQuery(ctx.accountId, ctx.region, request) };
    },

    GetQueryResults(input, ctx) {
      const r = reader(input);
      const queryId = r.string("queryId", { required: true, min: 1, max: 256 }) ?? "";
      const nextToken = r.string("nextToken", { min: 1 });
      const maxItems = r.integer("maxItems", { min: 1, max: 10_000 });
      r.done();
      const page: ResultsPage = {};
      if (nextToken !== undefined) page.nextToken = nextToken;
      if (maxItems !== undefined) page.maxItems = maxItems;
      return engine().getQueryResults(ctx.accountId, ctx.region, queryId, page);
    },

    StopQuery(input, ctx) {
      const r = reader(input);
      const queryId = r.string("queryId", { required: true, min: 1, max: 256 }) ?? "";
      r.done();
      return { success: engine().stopQuery(ctx.accountId, ctx.region, queryId) };
    },

    GetLogRecord(input, ctx) {
      const r = reader(input);
      const pointer = r.string("logRecordPointer", { required: true }) ?? "";
      r.boolean("unmask");
      r.done();
      return { logRecord: engine().getLogRecord(ctx.accountId, ctx.region, pointer) };
    },

    DescribeQueries(input, ctx) {
      const r = reader(input);
      const logGroupName = r.string("logGroupName", GROUP_NAME);
      const status = r.string("status", { enum: STATUSES }) as QueryStatus | undefined;
      const maxResults = r.integer("maxResults", { min: 1, max: 1000 });
      const nextToken = r.string("nextToken", { min: 1 });
      r.string("queryLanguage", { enum: ["CWLI", "SQL", "PPL"] });
      r.done();
      const filter: DescribeFilter = {};
      if (logGroupName !== undefined) filter.logGroupName = logGroupName;
      if (status !== undefined) filter.status = status;
      if (maxResults !== undefined) filter.maxResults = maxResults;
      if (nextToken !== undefined) filter.nextToken = nextToken;
      return engine().describeQueries(ctx.accountId, ctx.region, filter);
    },
  };
}
