/** Logs Insights' calls (the query language itself is tested in test/sandbox/insights; sources: see logs.ts). */
import {
  DeleteLogGroupCommand,
  GetQueryResultsCommand,
  PutLogEventsCommand,
  StartQueryCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import type { GetQueryResultsCommandOutput, StartQueryCommandOutput } from "@aws-sdk/client-cloudwatch-logs";
import { expect } from "vitest";
import type { Clients } from "../../helpers.js";
import type { Protocolled } from "../runner.js";
import type { Case } from "./logs-common.js";
import { invalid, MODEL, RECORDED, REF, stream, withEvents } from "./logs-common.js";

async function startedQuery(
  p: Protocolled<Clients>,
  tag: string,
  queryString = "fields @message | stats count(*) as n",
): Promise<string> {
  await withEvents(p, tag);
  const started = (await p.client.send(
    new StartQueryCommand({
      logGroupName: `/g/${tag}`,
      queryString,
      startTime: Math.floor(Date.now() / 1000) - 600,
      endTime: Math.floor(Date.now() / 1000) + 60,
    }),
  )) as StartQueryCommandOutput;
  return started.queryId ?? "";
}

/** A query over 30,000 events, still running when the next call arrives (a small one completes at once). */
async function runningQuery(p: Protocolled<Clients>, tag: string): Promise<string> {
  await stream(p, tag);
  for (let batch = 0; batch < 3; batch += 1) {
    const logEvents = Array.from({ length: 10_000 }, (_, i) => ({
      timestamp: Date.now() - 1000,
      message: `l${batch}-${i}`,
    }));
    await p.client.send(new PutLogEventsCommand({ logGroupName: `/g/${tag}`, logStreamName: "s", logEvents }));
  }
  const started = (await p.client.send(
    new StartQueryCommand({
      logGroupName: `/g/${tag}`,
      queryString: "filter @message like /9$/",
      startTime: Math.floor(Date.now() / 1000) - 600,
      endTime: Math.floor(Date.now() / 1000) + 60,
    }),
  )) as StartQueryCommandOutput;
  return started.queryId ?? "";
}

/** The @ptr of the first row of a finished raw query. */
async function pointer(p: Protocolled<Clients>, tag: string): Promise<string> {
  const queryId = await startedQuery(p, tag, "fields @message | sort @timestamp asc | limit 1");
  for (let i = 0; i < 100; i += 1) {
    const r = (await p.client.send(new GetQueryResultsCommand({ queryId }))) as GetQueryResultsCommandOutput;
    const ptr = r.results?.[0]?.find((f) => f.field === "@ptr")?.value;
    if (r.status === "Complete" && ptr !== undefined) return ptr;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the query did not finish");
}

async function finishedQuery(p: Protocolled<Clients>, tag: string): Promise<string> {
  const id = await startedQuery(p, tag);
  for (let i = 0; i < 100; i += 1) {
    const r = (await p.client.send(new GetQueryResultsCommand({ queryId: id }))) as GetQueryResultsCommandOutput;
    if (r.status === "Complete") break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return id;
}

export function insightsCases(): Case[] {
  return [
    {
      op: "StartQuery",
      name: "answers a query id",
      source: RECORDED("test_logs_queries", "test_start_query_basic"),
      setup: withEvents,
      input: (tag) => ({
        logGroupName: `/g/${tag}`,
        queryString: "fields @message",
        startTime: Math.floor(Date.now() / 1000) - 600,
        endTime: Math.floor(Date.now() / 1000),
      }),
      expect: (out) => expect(out.queryId).toMatch(/^[0-9a-f-]{36}$/),
    },
    {
      op: "StartQuery",
      name: "a missing group is ResourceNotFoundException",
      source: RECORDED("test_logs_queries", "test_start_query_log_group_not_found"),
      input: (tag) => ({
        logGroupName: `/none/${tag}`,
        queryString: "fields @message",
        startTime: 0,
        endTime: 1,
      }),
      expect: {
        error: {
          code: "ResourceNotFoundException",
          status: 400,
          message: /^Log group '\/none\/\w+' does not exist for account ID '123456789012'/,
        },
      },
    },
    {
      op: "GetQueryResults",
      name: "answers string values and double statistics",
      source: `${MODEL} QueryStatistics (doubles); ${REF("GetQueryResults")}`,
      setup: finishedQuery,
      input: (_tag, id) => ({ queryId: id }),
      expect: (out) => {
        expect(out.status).toBe("Complete");
        expect(out.results).toEqual([[{ field: "n", value: "2" }]]);
        expect(out.statistics).toMatchObject({ recordsMatched: 2, recordsScanned: 2 });
      },
    },
    {
      op: "GetQueryResults",
      name: "an unknown query id is ResourceNotFoundException",
      source: REF("GetQueryResults"),
      input: () => ({ queryId: "00000000-0000-0000-0000-000000000000" }),
      expect: { error: { code: "ResourceNotFoundException", status: 400 } },
    },
    {
      op: "StartQuery",
      name: "a limit above 10000 is a constraint failure",
      source: `${MODEL} EventsLimit (1–10000)`,
      input: (tag) => ({
        logGroupName: `/g/${tag}`,
        queryString: "fields @message",
        startTime: 0,
        endTime: 1,
        limit: 10001,
      }),
      expect: invalid(
        "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000",
      ),
    },
    {
      op: "GetQueryResults",
      name: "a query id over 256 characters is a constraint failure",
      source: `${MODEL} QueryId (0–256)`,
      input: () => ({ queryId: "q".repeat(257) }),
      expect: invalid(
        /^1 validation error detected: Value 'q+' at 'queryId' failed to satisfy constraint: Member must have length less than or equal to 256$/,
      ),
    },
    {
      op: "StopQuery",
      name: "an unknown query id is ResourceNotFoundException",
      source: REF("StopQuery"),
      input: () => ({ queryId: "00000000-0000-0000-0000-000000000000" }),
      expect: { error: { code: "ResourceNotFoundException", status: 400 } },
    },
    {
      op: "StopQuery",
      name: "a finished query cannot be stopped",
      source: `${REF("StopQuery")} ("If the query has already ended, the operation returns an error")`,
      setup: finishedQuery,
      input: (_tag, id) => ({ queryId: id }),
      expect: { error: { code: "InvalidParameterException", status: 400 } },
    },
    {
      op: "DescribeQueries",
      name: "a status outside the enum is a constraint failure",
      source: `${MODEL} QueryStatus enum`,
      input: () => ({ status: "Done" }),
      expect: invalid(
        /^1 validation error detected: Value 'Done' at 'status' failed to satisfy constraint: Member must satisfy enum value set/,
      ),
    },
    {
      op: "StopQuery",
      name: "stops a query that has not finished",
      source: REF("StopQuery"),
      setup: runningQuery,
      input: (_tag, id) => ({ queryId: id }),
      expect: (out) => expect(out.success).toBe(true),
    },
    {
      op: "GetLogRecord",
      name: "answers every field of the record a result's @ptr points at",
      source: REF("GetLogRecord"),
      setup: pointer,
      input: (_tag, ptr) => ({ logRecordPointer: ptr }),
      expect: (out) => expect(out.logRecord).toMatchObject({ "@message": '{"a":1}', a: "1" }),
    },
    {
      op: "GetLogRecord",
      name: "a pointer to a deleted record is ResourceNotFoundException",
      source: REF("GetLogRecord"),
      setup: async (p, tag) => {
        const ptr = await pointer(p, tag);
        await p.client.send(new DeleteLogGroupCommand({ logGroupName: `/g/${tag}` }));
        return ptr;
      },
      input: (_tag, ptr) => ({ logRecordPointer: ptr }),
      expect: { error: { code: "ResourceNotFoundException", status: 400 } },
    },
    {
      op: "GetLogRecord",
      name: "a pointer that names nothing is refused",
      source: REF("GetLogRecord"),
      input: () => ({ logRecordPointer: "nothing" }),
      expect: { error: { code: "InvalidParameterException", status: 400 } },
    },
    {
      op: "DescribeQueries",
      name: "lists a query with its language",
      source: RECORDED("test_logs_queries", "test_describe_queries"),
      setup: finishedQuery,
      input: (tag) => ({ logGroupName: `/g/${tag}` }),
      expect: (out, { tag, prepared }) =>
        expect(out.queries).toMatchObject([{ queryId: prepared, logGroupName: `/g/${tag}`, queryLanguage: "CWLI" }]),
    },
  ];
}
