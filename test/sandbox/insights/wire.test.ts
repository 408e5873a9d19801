/**
 * Logs Insights over the real wire: the sandbox's HTTP server, the Logs JSON 1.1 handlers, the AWS SDK's
 * CloudWatchLogsClient. Proves the engine's answers survive the trip in AWS's shapes (statistics as numbers,
 * rows of {field, value}, MalformedQueryException by name).
 */
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DescribeQueriesCommand,
  GetQueryResultsCommand,
  MalformedQueryException,
  PutLogEventsCommand,
  StartQueryCommand,
  StopQueryCommand,
  type CloudWatchLogsClient,
} from "@aws-sdk/client-cloudwatch-logs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../../src/sandbox/index.js";
import { clients, startTestSandbox } from "../helpers.js";
import { INVOCATIONS, invocationRecord } from "./helpers/fixtures.js";

const GROUP = "/aws/bedrock/model-invocations";
let sandbox: RunningSandbox;
let logs: CloudWatchLogsClient;
const now = Math.floor(Date.now() / 1000) * 1000;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  logs = clients(sandbox).logs;
  await logs.send(new CreateLogGroupCommand({ logGroupName: GROUP }));
  await logs.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: "aws/bedrock/modelinvocations" }));
  await logs.send(
    new PutLogEventsCommand({
      logGroupName: GROUP,
      logStreamName: "aws/bedrock/modelinvocations",
      logEvents: INVOCATIONS.map((inv, i) => ({
        timestamp: now - (INVOCATIONS.length - i) * 60_000,
        message: invocationRecord(inv, i + 1),
      })),
    }),
  );
});

afterAll(async () => {
  await sandbox.close();
});

const range = () => ({ startTime: Math.floor(now / 1000) - 3600, endTime: Math.floor(now / 1000) + 60 });

async function complete(queryId: string) {
  for (let poll = 0; poll < 10; poll++) {
    const response = await logs.send(new GetQueryResultsCommand({ queryId }));
    if (response.status === "Complete") return response;
  }
  throw new Error("query did not complete");
}

describe("Logs Insights through CloudWatchLogsClient", () => {
  it("runs a stats query: rows of {field, value}, numeric statistics", async () => {
    const { queryId } = await logs.send(
      new StartQueryCommand({
        logGroupName: GROUP,
        queryString: "stats sum(input.inputTokenCount) as tokens, count(*) as calls by operation",
        ...range(),
      }),
    );
    const response = await complete(queryId as string);
    expect(response.results).toEqual([
      [
        { field: "operation", value: "Converse" },
        { field: "tokens", value: "20" },
        { field: "calls", value: "2" },
      ],
      [
        { field: "operation", value: "InvokeModel" },
        { field: "tokens", value: "88" },
        { field: "calls", value: "6" },
      ],
    ]);
    expect(response.statistics?.recordsScanned).toBe(8);
    expect(response.statistics?.recordsMatched).toBe(8);
    expect(response.statistics?.bytesScanned).toBeGreaterThan(5000);
  });

  it("answers a malformed query with MalformedQueryException and AWS's message", async () => {
    const error = await logs
      .send(new StartQueryCommand({ logGroupName: GROUP, queryString: "sort bin(5m)", ...range() }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedQueryException);
    expect((error as Error).message).toMatch(/^unexpected symbol found \( at line 1 and position 8/);
  });

  it("stops a query and lists it with DescribeQueries", async () => {
    // 30,000 events: the query is still running when StopQuery arrives (a small one would already be Complete).
    const big = "/wire/big";
    await logs.send(new CreateLogGroupCommand({ logGroupName: big }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: big, logStreamName: "s" }));
    for (let batch = 0; batch < 3; batch++) {
      const logEvents = Array.from({ length: 10_000 }, (_, i) => ({
        timestamp: now - 1000,
        message: `line ${batch}-${i}`,
      }));
      await logs.send(new PutLogEventsCommand({ logGroupName: big, logStreamName: "s", logEvents }));
    }
    const { queryId } = await logs.send(
      new StartQueryCommand({ logGroupName: big, queryString: "filter @message like /9$/", ...range() }),
    );
    expect((await logs.send(new StopQueryCommand({ queryId }))).success).toBe(true);
    const described = await logs.send(new DescribeQueriesCommand({ logGroupName: big, status: "Cancelled" }));
    expect(described.queries?.map((q) => q.queryId)).toContain(queryId);
  });
});
