/**
 * Issue 12: nothing a query says can stall the sandbox. Regexes run on RE2 (linear time), `parse` globs by
 * substring search, nesting is bounded, and queries run in slices so the server answers other requests meanwhile.
 * Each of these failed before: `^(a+)+$` took over 25 s at 30 characters, 4,000 nested parentheses overflowed
 * the stack into a 500, and a long query held the event loop until it finished.
 */
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  GetQueryResultsCommand,
  MalformedQueryException,
  PutLogEventsCommand,
  StartQueryCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it } from "vitest";
import { createInsightsEngine, type StartQueryRequest } from "../../../src/sandbox/insights/index.js";
import { sandboxForFile } from "../helpers.js";
import { awsErrorOf, finish, pairs } from "./helpers/cases.js";
import { DAY, DAY_MS } from "./helpers/fixtures.js";
import { MemorySource } from "./helpers/memory-source.js";

function engineOver(messages: string[]) {
  const source = new MemorySource();
  source.createGroup("/evil", DAY_MS);
  source.put(
    "/evil",
    messages.map((message, i) => ({ timestamp: DAY_MS + i, message })),
  );
  return createInsightsEngine(source, () => DAY_MS);
}

const on = (queryString: string): StartQueryRequest => ({ logGroupNames: ["/evil"], queryString, ...DAY });

describe("regular expressions run in linear time", () => {
  it("filter @message like /^(a+)+$/ over 30 to 100,000 characters finishes at once (was > 25 s at 30)", async () => {
    const engine = engineOver([...[30, 3_000, 100_000].map((n) => `${"a".repeat(n)}!`), "aaaa", "b"]);
    const started = performance.now();
    const response = await finish(engine, on("filter @message like /^(a+)+$/ | stats count(*)"));
    expect(pairs(response)).toEqual([[["count(*)", "1"]]]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("parse with a regex of nested quantifiers, and =~, stay linear too", async () => {
    const engine = engineOver([`${"x".repeat(50_000)}y`, "id=42;"]);
    const started = performance.now();
    const parsed = await finish(engine, on("parse @message /(?<v>(x+x+)+z)/ | filter ispresent(v) | stats count(*)"));
    expect(pairs(parsed)).toEqual([[["count(*)", "0"]]]);
    const matched = await finish(engine, on("filter @message =~ /^(\\w+=\\d+;)+$/ | fields @message"));
    expect(pairs(matched).map((row) => row[0])).toEqual([["@message", "id=42;"]]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('a parse glob such as "*a*a*a*b" over a long value is substring searches, not backtracking', async () => {
    const engine = engineOver([`${"a".repeat(20_000)}`, "1a2a3a4b5"]);
    const started = performance.now();
    const response = await finish(
      engine,
      on('parse @message "*a*a*a*b*" as p, q, r, s, t | filter ispresent(s) | display p, q, r, s, t'),
    );
    expect(pairs(response).map((row) => row.slice(0, 5))).toEqual([
      [
        ["p", "1"],
        ["q", "2"],
        ["r", "3"],
        ["s", "4"],
        ["t", "5"],
      ],
    ]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("lookahead and backreferences are refused by name (RE2 syntax), as a MalformedQueryException", async () => {
    const engine = engineOver(["x"]);
    for (const [pattern, why] of [
      ["/a(?=b)/", /lookahead and lookbehind are not supported/],
      ["/(a)\\1/", /backreferences such as \\1 are not supported/],
    ] as const) {
      const error = await awsErrorOf(finish(engine, on(`filter @message like ${pattern}`)));
      expect(error.code).toBe("MalformedQueryException");
      expect(error.message).toMatch(why);
    }
  });
});

describe("nesting is bounded", () => {
  it("4,000 nested parentheses (within the 10,000-character limit) are a MalformedQueryException, not a stack overflow", async () => {
    const engine = engineOver(["x"]);
    const query = `filter ${"(".repeat(4000)}1${")".repeat(4000)}`;
    expect(query.length).toBeLessThanOrEqual(10_000);
    const error = await awsErrorOf(finish(engine, on(query)));
    expect(error.code).toBe("MalformedQueryException");
    expect(error.message).toMatch(/nests expressions more than 100 levels deep/);
  });

  it.each([
    ["not", `filter ${"not ".repeat(2400)}1`, "MalformedQueryException"],
    ["unary minus", `fields ${"-".repeat(9000)}1 as v`, "MalformedQueryException"],
    ["^ chains", `fields 2${"^2".repeat(4900)} as v`, "MalformedQueryException"],
    ["a 1,200-term and-chain (a flat list, not nesting)", `filter ${Array(1200).fill("x=1").join(" and ")}`, "ran"],
  ])("%s", async (_name, query, outcome) => {
    const engine = engineOver(["x"]);
    expect(query.length).toBeLessThanOrEqual(10_000);
    // Whatever the shape, the answer is a result or AWS's 400 — never a RangeError (a 500).
    const result = await finish(engine, on(query)).then(
      () => "ran",
      (error: unknown) => (error as { code?: string }).code ?? String(error),
    );
    expect(result).toBe(outcome);
  });
});

describe("over the wire, the server keeps answering", async () => {
  const { sandbox, c } = await sandboxForFile();
  const group = "/safety/wire";

  it("4,000 nested parentheses answer 400 MalformedQueryException", async () => {
    await c.logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    const nowS = Math.floor(Date.now() / 1000);
    const error = await c.logs
      .send(
        new StartQueryCommand({
          logGroupName: group,
          queryString: `filter ${"(".repeat(4000)}1${")".repeat(4000)}`,
          startTime: nowS - 60,
          endTime: nowS,
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedQueryException);
    expect((error as MalformedQueryException).$metadata.httpStatusCode).toBe(400);
  });

  it("the health endpoint answers while a long regex query runs", async () => {
    await c.logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: "s" }));
    const now = Date.now();
    const line = `${"a".repeat(2000)}!`;
    for (let batch = 0; batch < 4; batch++) {
      const logEvents = Array.from({ length: 450 }, () => ({ timestamp: now - 1000, message: line }));
      await c.logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: "s", logEvents }));
    }
    const nowS = Math.floor(now / 1000);
    const { queryId } = await c.logs.send(
      new StartQueryCommand({
        logGroupName: group,
        queryString: "filter @message like /^(a|aa)+$/ | stats count(*)",
        startTime: nowS - 60,
        endTime: nowS + 60,
      }),
    );
    // A poll in flight first: the engine used to run the whole query inside it (here, with a backtracking
    // regex, forever), and the health check queued behind it.
    const poll = c.logs.send(new GetQueryResultsCommand({ queryId }));
    const asked = performance.now();
    const health = await fetch(`${sandbox.endpoint}/_sandbox/health`);
    const waited = performance.now() - asked;
    await poll;
    expect(health.status).toBe(200);
    expect(waited).toBeLessThan(250);
    for (;;) {
      const r = await c.logs.send(new GetQueryResultsCommand({ queryId }));
      if (r.status === "Complete") {
        expect(r.results).toEqual([[{ field: "count(*)", value: "0" }]]);
        break;
      }
      expect(r.status).toBe("Running");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
});
