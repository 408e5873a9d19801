/** The query lifecycle around the language: statuses, StopQuery, DescribeQueries, expiry, validation, paging. */
import { describe, expect, it } from "vitest";
import {
  createInsightsEngine,
  type InsightsEngine,
  type StartQueryRequest,
} from "../../../src/sandbox/insights/index.js";
import { formatTimestamp } from "../../../src/sandbox/insights/exec/format.js";
import { awsError, finish, pairs } from "./helpers/cases.js";
import {
  ACCOUNT,
  APP_GROUP,
  at,
  BEDROCK_GROUP,
  DAY,
  DAY_MS,
  fixtureSource,
  LAMBDA_GROUP,
  REGION,
} from "./helpers/fixtures.js";
import { MemorySource } from "./helpers/memory-source.js";

function engineAt(clock: { now: number }, source = fixtureSource()): InsightsEngine {
  return createInsightsEngine(source, () => clock.now);
}

/** A group of `n` small JSON events a millisecond apart: big enough that a query over it runs in many slices. */
function floodSource(n: number): MemorySource {
  const source = new MemorySource();
  source.createGroup("/flood", DAY_MS);
  source.put(
    "/flood",
    Array.from({ length: n }, (_, i) => ({ timestamp: DAY_MS + i, message: `{"n":${i}}` })),
  );
  return source;
}

const flood = (query: string): StartQueryRequest => ({ logGroupNames: ["/flood"], queryString: query, ...DAY });

const request = (query: string, extra: Partial<StartQueryRequest> = {}): StartQueryRequest => ({
  logGroupNames: [BEDROCK_GROUP],
  queryString: query,
  ...DAY,
  ...extra,
});

describe("query status", () => {
  it("advances on its own: Scheduled at StartQuery, then Complete from the engine's background run, unpolled", async () => {
    const clock = { now: DAY_MS + 86_400_000 };
    const engine = engineAt(clock);
    const id = engine.startQuery(ACCOUNT, REGION, request("stats count(*)"));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(engine.describeQueries(ACCOUNT, REGION, {}).queries.map((q) => q.status)).toEqual(["Scheduled"]);
    await engine.idle();
    // No GetQueryResults call in between: DescribeQueries sees the query finished (issue 13).
    expect(engine.describeQueries(ACCOUNT, REGION, {}).queries.map((q) => q.status)).toEqual(["Complete"]);
    const response = engine.getQueryResults(ACCOUNT, REGION, id);
    expect(response.status).toBe("Complete");
    expect(response.results).toEqual([[{ field: "count(*)", value: "8" }]]);
    expect(engine.getQueryResults(ACCOUNT, REGION, id)).toEqual(response);
  });

  it("a long query is Running with its counts so far, and the event loop turns while it runs", async () => {
    const engine = createInsightsEngine(floodSource(200_000), () => DAY_MS, { sliceMs: 4 });
    const id = engine.startQuery(ACCOUNT, REGION, flood('filter @message like /"n":1\\d*5}/ | stats count(*)'));
    let turns = 0;
    const ticker = setInterval(() => (turns += 1), 1);
    let sawRunning = false;
    while (engine.getQueryResults(ACCOUNT, REGION, id).status !== "Complete") {
      const running = engine.getQueryResults(ACCOUNT, REGION, id);
      if (running.status === "Running") sawRunning = true;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    clearInterval(ticker);
    expect(sawRunning).toBe(true);
    expect(turns).toBeGreaterThan(3);
    expect(pairs(engine.getQueryResults(ACCOUNT, REGION, id))).toEqual([[["count(*)", "11111"]]]);
  });

  it("a query over a whole group, run in many slices, reports every event's bytes", async () => {
    const n = 200_000;
    const engine = createInsightsEngine(floodSource(n), () => DAY_MS, { sliceMs: 1 });
    const response = await finish(engine, flood("stats count(*)"));
    let bytes = 0;
    for (let i = 0; i < n; i++) bytes += `{"n":${i}}`.length;
    expect(pairs(response)).toEqual([[["count(*)", String(n)]]]);
    expect(response.statistics).toEqual({ recordsMatched: n, recordsScanned: n, bytesScanned: bytes });
  });

  it("count(*) by bin() over many slices: each bin's count exact, beside another aggregate and after a filter", async () => {
    const n = 200_000;
    const engine = createInsightsEngine(floodSource(n), () => DAY_MS, { sliceMs: 1 });
    const response = await finish(engine, flood("filter n >= 1000 | stats count(*), sum(n), count(*) as c by bin(1m)"));
    const expected = new Map<string, [number, number]>();
    for (let i = 1000; i < n; i++) {
      const bin = formatTimestamp(Math.floor((DAY_MS + i) / 60_000) * 60_000);
      const [count, sum] = expected.get(bin) ?? [0, 0];
      expected.set(bin, [count + 1, sum + i]);
    }
    const rows = pairs(response).map((row) => Object.fromEntries(row));
    expect(rows).toHaveLength(expected.size);
    for (const row of rows) {
      const [count, sum] = expected.get(row["bin(1m)"] as string) ?? [];
      expect([row["count(*)"], row["sum(n)"], row.c]).toEqual([String(count), String(sum), String(count)]);
    }
  });

  it("a query that runs longer than the limit ends Timeout, as AWS ends it (60 minutes there)", async () => {
    const engine = createInsightsEngine(floodSource(100_000), () => DAY_MS, { timeoutMs: 1, sliceMs: 2 });
    const id = engine.startQuery(ACCOUNT, REGION, flood("stats count(*) by n"));
    await engine.idle();
    const response = engine.getQueryResults(ACCOUNT, REGION, id);
    expect(response.status).toBe("Timeout");
    expect(response.results).toEqual([]);
    expect(engine.describeQueries(ACCOUNT, REGION, { status: "Timeout" }).queries.map((q) => q.queryId)).toEqual([id]);
  });

  it("StopQuery cancels a query that has not completed; stopping it again is InvalidParameterException", async () => {
    const engine = engineAt({ now: DAY_MS });
    const id = engine.startQuery(ACCOUNT, REGION, request("stats count(*)"));
    expect(engine.stopQuery(ACCOUNT, REGION, id)).toBe(true);
    await engine.idle();
    expect(engine.getQueryResults(ACCOUNT, REGION, id).status).toBe("Cancelled");
    expect(engine.describeQueries(ACCOUNT, REGION, { status: "Cancelled" }).queries).toHaveLength(1);
    expect(awsError(() => engine.stopQuery(ACCOUNT, REGION, id)).code).toBe("InvalidParameterException");
  });

  it("StopQuery on a completed query is InvalidParameterException (AWS: the query is not running)", async () => {
    const engine = engineAt({ now: DAY_MS });
    const id = engine.startQuery(ACCOUNT, REGION, request("stats count(*)"));
    await engine.idle();
    const error = awsError(() => engine.stopQuery(ACCOUNT, REGION, id));
    expect(error.code).toBe("InvalidParameterException");
    expect(error.message).toContain("is not running");
  });

  it("a query whose scan fails ends Failed", async () => {
    const source = fixtureSource();
    const broken = {
      ...source,
      findLogGroup: source.findLogGroup.bind(source),
      eventsAfter: (): Iterable<never> => {
        throw new Error("disk gone");
      },
    };
    const engine = createInsightsEngine(broken, () => DAY_MS);
    const id = engine.startQuery(ACCOUNT, REGION, request("stats count(*)"));
    await engine.idle();
    expect(engine.getQueryResults(ACCOUNT, REGION, id).status).toBe("Failed");
    expect(engine.getQueryResults(ACCOUNT, REGION, id).status).toBe("Failed");
  });

  it("an unknown id, or one from another account or Region, is ResourceNotFoundException", () => {
    const engine = engineAt({ now: DAY_MS });
    const id = engine.startQuery(ACCOUNT, REGION, request("stats count(*)"));
    expect(awsError(() => engine.getQueryResults(ACCOUNT, REGION, "nope")).code).toBe("ResourceNotFoundException");
    expect(awsError(() => engine.getQueryResults("210987654321", REGION, id)).code).toBe("ResourceNotFoundException");
    expect(awsError(() => engine.getQueryResults(ACCOUNT, "eu-west-1", id)).code).toBe("ResourceNotFoundException");
    expect(awsError(() => engine.stopQuery(ACCOUNT, "eu-west-1", id)).code).toBe("ResourceNotFoundException");
  });

  it("results expire after 7 days, like AWS's", async () => {
    const clock = { now: DAY_MS };
    const engine = engineAt(clock);
    const id = engine.startQuery(ACCOUNT, REGION, request("stats count(*)"));
    await engine.idle();
    clock.now += 7 * 86_400_000 - 1;
    expect(engine.getQueryResults(ACCOUNT, REGION, id).status).toBe("Complete");
    clock.now += 2;
    expect(awsError(() => engine.getQueryResults(ACCOUNT, REGION, id)).code).toBe("ResourceNotFoundException");
    expect(engine.describeQueries(ACCOUNT, REGION, {}).queries).toEqual([]);
  });
});

describe("DescribeQueries", () => {
  it("lists this account's queries newest first, filtered by status and log group, up to maxResults", async () => {
    const clock = { now: DAY_MS };
    const engine = engineAt(clock);
    const a = engine.startQuery(ACCOUNT, REGION, request("stats count(*)"));
    await engine.idle();
    clock.now += 1000;
    const b = engine.startQuery(
      ACCOUNT,
      REGION,
      request("fields @message", { logGroupNames: [APP_GROUP, LAMBDA_GROUP] }),
    );
    const start = DAY.startTime * 1000;
    const end = DAY.endTime * 1000;
    expect(engine.describeQueries(ACCOUNT, REGION, {}).queries).toEqual([
      {
        queryId: b,
        queryString: `SOURCE "${APP_GROUP}" "${LAMBDA_GROUP}" START=${start} END=${end} | fields @message`,
        status: "Scheduled",
        createTime: DAY_MS + 1000,
        logGroupName: APP_GROUP,
        queryLanguage: "CWLI",
      },
      {
        queryId: a,
        queryString: `SOURCE "${BEDROCK_GROUP}" START=${start} END=${end} | stats count(*)`,
        status: "Complete",
        createTime: DAY_MS,
        logGroupName: BEDROCK_GROUP,
        queryLanguage: "CWLI",
      },
    ]);
    const ids = (filter: Parameters<InsightsEngine["describeQueries"]>[2]) =>
      engine.describeQueries(ACCOUNT, REGION, filter).queries.map((q) => q.queryId);
    expect(ids({ status: "Complete" })).toEqual([a]);
    expect(ids({ logGroupName: LAMBDA_GROUP })).toEqual([b]);
    expect(ids({ maxResults: 1 })).toEqual([b]);
    expect(engine.describeQueries("210987654321", REGION, {}).queries).toEqual([]);
    await engine.idle();
  });

  it("pages with nextToken; a token from nowhere is InvalidParameterException", async () => {
    const clock = { now: DAY_MS };
    const engine = engineAt(clock);
    const started: string[] = [];
    for (let i = 0; i < 5; i++) {
      started.unshift(engine.startQuery(ACCOUNT, REGION, request("stats count(*)")));
      clock.now += 1;
    }
    await engine.idle();
    const first = engine.describeQueries(ACCOUNT, REGION, { maxResults: 2 });
    const second = engine.describeQueries(ACCOUNT, REGION, { maxResults: 2, nextToken: first.nextToken as string });
    const third = engine.describeQueries(ACCOUNT, REGION, { maxResults: 2, nextToken: second.nextToken as string });
    expect([...first.queries, ...second.queries, ...third.queries].map((q) => q.queryId)).toEqual(started);
    expect(third.nextToken).toBeUndefined();
    expect(awsError(() => engine.describeQueries(ACCOUNT, REGION, { nextToken: "bm9wZQ==" })).code).toBe(
      "InvalidParameterException",
    );
  });

  it("a query that names its groups with SOURCE is shown as written", async () => {
    const engine = engineAt({ now: DAY_MS });
    const text = `SOURCE "${BEDROCK_GROUP}" | stats count(*)`;
    engine.startQuery(ACCOUNT, REGION, { queryString: text, ...DAY });
    await engine.idle();
    expect(engine.describeQueries(ACCOUNT, REGION, {}).queries[0]?.queryString).toBe(text);
  });
});

describe("StartQuery validation", () => {
  const engine = engineAt({ now: DAY_MS });
  const start = (r: StartQueryRequest) => engine.startQuery(ACCOUNT, REGION, r);

  it.each([
    [
      "two log group members",
      request("stats count(*)", { logGroupName: BEDROCK_GROUP }),
      "InvalidParameterException",
      /exactly one of/,
    ],
    [
      "no log group and no SOURCE",
      { queryString: "stats count(*)", ...DAY },
      "InvalidParameterException",
      /Specify the log groups/,
    ],
    [
      "endTime before startTime",
      request("stats count(*)", { startTime: 100, endTime: 99 }),
      "InvalidParameterException",
      /endTime \(99\) is before its startTime \(100\)/,
    ],
    [
      "limit 0",
      request("stats count(*)", { limit: 0 }),
      "InvalidParameterException",
      /^1 validation error detected: Value '0' at 'limit' failed to satisfy constraint/,
    ],
    [
      "limit above 10000",
      request("stats count(*)", { limit: 10_001 }),
      "InvalidParameterException",
      /Member must have value less than or equal to 10000/,
    ],
    [
      "a query longer than 10000 characters",
      request(`fields ${"a".repeat(10_000)}`),
      "InvalidParameterException",
      /at 'queryString' failed/,
    ],
    ["another query language", request("SELECT 1", { queryLanguage: "SQL" }), "InvalidParameterException", /CWLI/],
    [
      "an unknown log group",
      request("stats count(*)", { logGroupNames: ["/nope"] }),
      "ResourceNotFoundException",
      /^Log group '\/nope' does not exist for account ID '123456789012'$/,
    ],
    [
      "an empty list of log groups",
      request("stats count(*)", { logGroupNames: [] }),
      "InvalidParameterException",
      /Specify the log groups/,
    ],
  ])("%s", (_name, r, code, message) => {
    const error = awsError(() => start(r));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it("refuses more than 50 log groups", () => {
    const source = new MemorySource();
    const names = Array.from({ length: 51 }, (_, i) => `/g/${i}`);
    for (const name of names) source.createGroup(name);
    const error = awsError(() =>
      createInsightsEngine(source).startQuery(ACCOUNT, REGION, request("stats count(*)", { logGroupNames: names })),
    );
    expect(error.code).toBe("InvalidParameterException");
    expect(error.message).toBe("A query can select at most 50 log groups, not 51.");
  });

  it("accepts log group ARNs, with or without :*, in logGroupIdentifiers", async () => {
    const arn = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${BEDROCK_GROUP}`;
    for (const id of [arn, `${arn}:*`]) {
      const response = await finish(engine, { logGroupIdentifiers: [id], queryString: "stats count(*)", ...DAY });
      expect(pairs(response)).toEqual([[["count(*)", "8"]]]);
    }
  });

  it("a range that ends before the group existed is AWS's MalformedQueryException", () => {
    const error = awsError(() => start(request("stats count(*)", { startTime: 0, endTime: DAY_MS / 1000 - 1 })));
    expect(error.code).toBe("MalformedQueryException");
    expect(error.message).toBe(
      "Query's end date and time is either before the log groups creation time or exceeds the log groups log retention settings",
    );
  });

  it("carries queryCompileError with the character offsets of the bad token", () => {
    const error = awsError(() => start(request("sort bin(5m)")));
    expect(error.fields).toEqual({
      queryCompileError: {
        location: { startCharOffset: 8, endCharOffset: 9 },
        message:
          "unexpected symbol found ( at line 1 and position 8: expected asc, desc, a comma, | or the end of the query",
      },
    });
  });

  it("allows 100 concurrent queries per account, then LimitExceededException", () => {
    const busy = engineAt({ now: DAY_MS });
    const ids = Array.from({ length: 100 }, () => busy.startQuery(ACCOUNT, REGION, request("stats count(*)")));
    const error = awsError(() => busy.startQuery(ACCOUNT, REGION, request("stats count(*)")));
    expect(error.code).toBe("LimitExceededException");
    expect(error.message).toBe("Account maximum query concurrency limit of [100] reached.");
    busy.stopQuery(ACCOUNT, REGION, ids[0] as string);
    expect(busy.startQuery(ACCOUNT, REGION, request("stats count(*)"))).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("result size", () => {
  function bigSource(n: number): MemorySource {
    const source = new MemorySource();
    source.createGroup("/big");
    source.put(
      "/big",
      Array.from({ length: n }, (_, i) => ({ timestamp: DAY_MS + i, message: `{"n":${i}}` })),
    );
    return source;
  }
  const big = (query: string, limit?: number) => {
    const r: StartQueryRequest = { logGroupNames: ["/big"], queryString: query, ...DAY };
    if (limit !== undefined) r.limit = limit;
    return r;
  };

  it("without limit, results stop silently at 10,000 rows (raw and stats alike)", async () => {
    const engine = createInsightsEngine(bigSource(10_050), () => DAY_MS);
    const raw = await finish(engine, big("fields n"));
    expect(raw.results).toHaveLength(10_000);
    expect(raw.results[0]?.[0]).toEqual({ field: "n", value: "10049" });
    expect(raw.statistics).toMatchObject({ recordsMatched: 10_050, recordsScanned: 10_050 });
    expect((await finish(engine, big("stats count(*) by n"))).results).toHaveLength(10_000);
  });

  it("limit can ask for more than 10,000; GetQueryResults pages 10,000 at a time with nextToken", async () => {
    const engine = createInsightsEngine(bigSource(12_000), () => DAY_MS);
    const id = engine.startQuery(ACCOUNT, REGION, big("fields n | limit 12000"));
    await engine.idle();
    const first = engine.getQueryResults(ACCOUNT, REGION, id);
    expect(first.results).toHaveLength(10_000);
    expect(first.nextToken).toBeDefined();
    const second = engine.getQueryResults(ACCOUNT, REGION, id, { nextToken: first.nextToken as string });
    expect(second.results).toHaveLength(2_000);
    expect(second.nextToken).toBeUndefined();
    expect(second.results[1_999]?.[0]).toEqual({ field: "n", value: "0" });
  });

  it("maxItems makes smaller pages; a token from nowhere is InvalidParameterException", async () => {
    const engine = engineAt({ now: DAY_MS });
    const id = engine.startQuery(ACCOUNT, REGION, request("fields requestId"));
    await engine.idle();
    const page1 = engine.getQueryResults(ACCOUNT, REGION, id, { maxItems: 3 });
    const page2 = engine.getQueryResults(ACCOUNT, REGION, id, {
      maxItems: 3,
      nextToken: page1.nextToken as string,
    });
    const page3 = engine.getQueryResults(ACCOUNT, REGION, id, {
      maxItems: 3,
      nextToken: page2.nextToken as string,
    });
    expect([page1.results.length, page2.results.length, page3.results.length]).toEqual([3, 3, 2]);
    expect(page3.nextToken).toBeUndefined();
    expect(awsError(() => engine.getQueryResults(ACCOUNT, REGION, id, { nextToken: "bm9wZQ==" })).code).toBe(
      "InvalidParameterException",
    );
  });
});

describe("statistics", () => {
  it("bytesScanned is the UTF-8 size of the messages in the time range; recordsScanned counts them", async () => {
    const source = new MemorySource();
    source.createGroup("/bytes");
    source.put("/bytes", [
      { timestamp: at("09:00:00"), message: "plain ascii" },
      { timestamp: at("09:30:00"), message: "Tiếng Việt có dấu" },
      { timestamp: at("11:00:00"), message: "outside the range" },
    ]);
    const engine = createInsightsEngine(source, () => DAY_MS);
    const response = await finish(engine, {
      logGroupNames: ["/bytes"],
      queryString: 'filter @message like "ascii"',
      startTime: at("09:00:00") / 1000,
      endTime: at("10:00:00") / 1000,
    });
    expect(response.statistics).toEqual({
      recordsMatched: 1,
      recordsScanned: 2,
      bytesScanned: Buffer.byteLength("plain ascii") + Buffer.byteLength("Tiếng Việt có dấu"),
    });
  });
});
