/**
 * insights-returns-results as a grader: it finds the learner's own Logs Insights queries (DescribeQueries) and never
 * runs one itself. Correct: the corrected query, the original lab's query (rows of time and model, its token columns
 * empty — pointed out), a stats query, a query over several groups, a query whose results nobody fetched yet. Near
 * misses: another group, 0 rows (time range), only non-existent columns, the group gone, none; and a query left
 * Failed, Running, Cancelled or Timeout.
 */
import { DeleteLogGroupCommand, GetQueryResultsCommand, StartQueryCommand } from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it } from "vitest";
import type { LearnerAws } from "./check-kit.js";
import type { LabSession } from "../helpers/lab-session.js";
import {
  actualOf,
  createGroup,
  gradeTable,
  GROUP,
  labPerTest,
  loggingByHand,
  runCheck,
  type NearMiss,
  type Setup,
  converse,
} from "./check-kit.js";

const FIXED =
  "fields @timestamp, modelId, input.inputTokenCount, output.outputTokenCount | sort @timestamp desc | limit 20";
const SEED = "fields @timestamp, modelId, inputTokenCount, outputTokenCount\n| sort @timestamp desc\n| limit 20";

/** Logging on, five calls logged: the state step 3 starts from. */
async function withRecords(s: LabSession, aws: LearnerAws): Promise<void> {
  await loggingByHand(s, aws);
  for (let i = 0; i < 5; i++) await converse(aws);
}

const nowS = () => Math.floor(Date.now() / 1000);

async function startQuery(
  aws: LearnerAws,
  queryString: string,
  options: { groups?: string[]; fromS?: number; toS?: number } = {},
): Promise<string> {
  const out = await aws.logs.send(
    new StartQueryCommand({
      logGroupNames: options.groups ?? [GROUP],
      queryString,
      startTime: options.fromS ?? nowS() - 3600,
      endTime: options.toS ?? nowS() + 60,
    }),
  );
  return out.queryId ?? "";
}

/** What the console and `aws logs get-query-results` do: poll until the query ends. */
async function finish(aws: LearnerAws, queryId: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const out = await aws.logs.send(new GetQueryResultsCommand({ queryId }));
    if (out.status !== "Running" && out.status !== "Scheduled") return out.status ?? "";
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("query never finished");
}

const run = (query: string, options?: Parameters<typeof startQuery>[2]) => async (aws: LearnerAws) =>
  finish(aws, await startQuery(aws, query, options));

const correct: [string, Setup][] = [
  ["the corrected query", async (s, aws) => (await withRecords(s, aws), void (await run(FIXED)(aws)))],
  [
    "stats over the nested token fields",
    async (s, aws) => {
      await withRecords(s, aws);
      await run("stats count(*) as calls, sum(input.inputTokenCount) as tokensIn by modelId")(aws);
    },
  ],
  [
    "a query over two groups, the other one named first",
    async (s, aws) => {
      await withRecords(s, aws);
      await createGroup(aws, "/my/app");
      await run("fields @timestamp, @message | limit 5", { groups: ["/my/app", GROUP] })(aws);
    },
  ],
  [
    "a filter on the operation and a 24-hour range",
    async (s, aws) => {
      await withRecords(s, aws);
      await run('filter operation = "Converse" | fields requestId, output.outputTokenCount', {
        fromS: nowS() - 86_400,
      })(aws);
    },
  ],
  [
    "a query started and never fetched (AWS runs it anyway)",
    async (s, aws) => {
      await withRecords(s, aws);
      await startQuery(aws, FIXED);
    },
  ],
];

const nearMisses: NearMiss[] = [
  {
    name: "a query over another group",
    setup: async (s, aws) => {
      await withRecords(s, aws);
      await createGroup(aws, "/my/app");
      await run(FIXED, { groups: ["/my/app"] })(aws);
    },
    actual: /recent queries ran over \/my\/app; none over \/aws\/bedrock\/model-invocations/,
    hint: /Run the query over the log group \/aws\/bedrock\/model-invocations/,
    hintVi: /Chạy truy vấn trên đúng log group/,
  },
  {
    name: "0 rows: epoch milliseconds where seconds belong (a range far in the future)",
    setup: async (s, aws) => {
      await withRecords(s, aws);
      await run(FIXED, { fromS: Date.now() - 3_600_000, toS: Date.now() })(aws);
    },
    actual: /returned 0 rows/,
    hint: /Its time range is too narrow: .* holds records \(the newest at \d{4}-\d\d-\d\dT.*epoch \*seconds\*/,
    hintVi: /Khoảng thời gian của truy vấn quá hẹp/,
  },
  {
    name: "only columns that do not exist (top-level token fields)",
    setup: async (s, aws) => {
      await withRecords(s, aws);
      await run("fields inputTokenCount, outputTokenCount")(aws);
    },
    actual: /returned 5 rows, every column empty/,
    hint: /nested: use input\.inputTokenCount and output\.outputTokenCount/,
    hintVi: /số token nằm lồng/,
  },
  {
    name: "a query that returned rows, over a group deleted since",
    setup: async (s, aws) => {
      await withRecords(s, aws);
      await run(FIXED)(aws);
      await aws.logs.send(new DeleteLogGroupCommand({ logGroupName: GROUP }));
    },
    actual: /^log group \/aws\/bedrock\/model-invocations does not exist$/,
    hint: /Create \/aws\/bedrock\/model-invocations again/,
    hintVi: /Tạo lại/,
  },
  {
    name: "no query at all",
    setup: withRecords,
    actual: /^no Logs Insights query over \/aws\/bedrock\/model-invocations yet$/,
    hint: /CloudWatch console → Logs Insights, or `aws logs start-query --log-group-name \/aws\/bedrock\/model-invocations/,
    hintVi: /Chạy một truy vấn Logs Insights/,
  },
];

gradeTable("insights-returns-results", { correct, nearMisses });

describe("insights-returns-results, the cases the table cannot hold", () => {
  const start = labPerTest();

  it("passes the original lab's query as written, and says its token columns are empty", async () => {
    const [s, aws] = await start();
    await withRecords(s, aws);
    await run(SEED)(aws);
    const { result } = await runCheck(s, "insights-returns-results");
    expect(result.status).toBe("pass");
    expect(actualOf(result)).toMatch(
      /returned 5 rows; its inputTokenCount, outputTokenCount columns are empty: the counts are nested as input\.inputTokenCount/,
    );
  });

  // The sandbox runs a small query at once, and refuses bad syntax at StartQuery (as AWS does for most): the states a
  // query can be left in on AWS are set in the replies here, for the query the learner started.
  it.each([
    ["Failed", /^query \S+ failed$/, /check its syntax/],
    ["Running", /is still running/, /Let it finish .*get-query-results --query-id/],
    ["Cancelled", /ended Cancelled/, /stopped or expired: run it again/],
    ["Timeout", /ended Timeout/, /narrower time range/],
  ])("fails a query left %s, with its own hint", async (status, actual, hint) => {
    const [s, aws] = await start();
    await withRecords(s, aws);
    const id = await startQuery(aws, FIXED);
    s.aws.logs.middlewareStack.add(
      (next) => async (args) => {
        const out = await next(args);
        const body = out.output as {
          queries?: { queryId?: string; status?: string }[];
          status?: string;
          results?: unknown[];
        };
        for (const q of body.queries ?? []) if (q.queryId === id) q.status = status;
        if ((args.input as { queryId?: string }).queryId === id) Object.assign(body, { status, results: [] });
        return out;
      },
      { step: "initialize", name: "queryLeftAs" },
    );
    const { result } = await runCheck(s, "insights-returns-results", { liveCheck: true });
    expect(result.status).toBe("fail");
    expect(actualOf(result)).toMatch(actual);
    expect(result.status === "fail" && result.hint.en).toMatch(hint);
  });

  it("runs no query of its own", async () => {
    const [s, aws] = await start();
    await withRecords(s, aws);
    await runCheck(s, "insights-returns-results");
    await runCheck(s, "insights-returns-results");
    const { result } = await runCheck(s, "insights-returns-results");
    expect(actualOf(result)).toMatch(/no Logs Insights query/);
  });
});
