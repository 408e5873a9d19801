/**
 * Logs Insights query history outlives the sandbox process, as on AWS: a query that ended before a restart is still
 * listed by DescribeQueries (with the group filter too) and its results still come back from GetQueryResults —
 * which is what `genai-lab check` reads after `genai-lab run` in another process.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DescribeQueriesCommand,
  GetQueryResultsCommand,
  PutLogEventsCommand,
  StartQueryCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it } from "vitest";
import { clients, startTestSandbox } from "../helpers.js";

describe("Insights query history across a restart", () => {
  it("lists and answers a finished query after the sandbox restarts on the same database", async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), "genai-lab-history-")), "sandbox.db");
    const first = await startTestSandbox({ dbPath });
    let queryId = "";
    try {
      const { logs } = clients(first);
      await logs.send(new CreateLogGroupCommand({ logGroupName: "/app" }));
      await logs.send(new CreateLogStreamCommand({ logGroupName: "/app", logStreamName: "s" }));
      const now = Date.now();
      await logs.send(
        new PutLogEventsCommand({
          logGroupName: "/app",
          logStreamName: "s",
          logEvents: [3, 2, 1].map((n) => ({ timestamp: now - n * 1000, message: JSON.stringify({ n }) })),
        }),
      );
      const seconds = Math.floor(now / 1000);
      queryId =
        (
          await logs.send(
            new StartQueryCommand({
              logGroupNames: ["/app"],
              queryString: "fields n | sort n asc",
              startTime: seconds - 60,
              endTime: seconds + 60,
            }),
          )
        ).queryId ?? "";
      let status = "";
      for (let i = 0; i < 50 && status !== "Complete"; i++)
        status = (await logs.send(new GetQueryResultsCommand({ queryId }))).status ?? "";
      expect(status).toBe("Complete");
    } finally {
      await first.close();
    }

    const second = await startTestSandbox({ dbPath });
    try {
      const { logs } = clients(second);
      const listed = await logs.send(new DescribeQueriesCommand({ logGroupName: "/app" }));
      expect(listed.queries?.map((q) => [q.queryId, q.status])).toEqual([[queryId, "Complete"]]);
      expect((await logs.send(new DescribeQueriesCommand({ logGroupName: "/other" }))).queries).toEqual([]);
      const out = await logs.send(new GetQueryResultsCommand({ queryId }));
      expect(out.status).toBe("Complete");
      expect(out.results?.map((row) => row.find((f) => f.field === "n")?.value)).toEqual(["1", "2", "3"]);
    } finally {
      await second.close();
    }
  });
});
