import { InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import {
  DescribeQueriesCommand,
  GetLogRecordCommand,
  GetQueryResultsCommand,
  StartQueryCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import type { GetQueryResultsCommandOutput } from "@aws-sdk/client-cloudwatch-logs";
import { beforeAll, describe, expect, it } from "vitest";
import { eventually, sandboxForFile } from "../helpers.js";
import { configureLogging, GROUP } from "./logging-fixture.js";

const { c } = await sandboxForFile();
beforeAll(async () => {
  await configureLogging(c);
  for (const prompt of ["What is Amazon Bedrock?", "Explain RAG in simple terms.", "What is prompt engineering?"]) {
    const body = JSON.stringify({
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 64,
      messages: [{ role: "user", content: prompt }],
    });
    await c.runtime.send(new InvokeModelCommand({ modelId: "us.anthropic.claude-3-5-sonnet-20241022-v2:0", body }));
  }
});

async function run(queryString: string): Promise<GetQueryResultsCommandOutput> {
  const nowS = Math.floor(Date.now() / 1000);
  const { queryId } = await c.logs.send(
    new StartQueryCommand({ logGroupName: GROUP, startTime: nowS - 3600, endTime: nowS + 60, queryString }),
  );
  return eventually(async () => {
    const r = await c.logs.send(new GetQueryResultsCommand({ queryId }));
    return r.status === "Complete" ? r : undefined;
  });
}

describe("Logs Insights through the Logs handlers, over delivered invocation logs", () => {
  it("answers the lab's corrected token query", async () => {
    const r = await run(
      "stats sum(input.inputTokenCount) as totalInput, sum(output.outputTokenCount) as totalOutput, count(*) as calls",
    );
    const row = Object.fromEntries((r.results?.[0] ?? []).map((f) => [f.field, f.value]));
    expect(row.calls).toBe("3");
    expect(Number(row.totalOutput)).toBe(192);
    expect(r.statistics?.recordsMatched).toBe(3);
  });

  it("returns @ptr for GetLogRecord and lists the queries", async () => {
    const r = await run("fields @timestamp, modelId | sort @timestamp desc | limit 2");
    expect(r.results).toHaveLength(2);
    const ptr = r.results?.[0]?.find((f) => f.field === "@ptr")?.value;
    expect(ptr).toBeDefined();
    const record = await c.logs.send(new GetLogRecordCommand({ logRecordPointer: ptr! }));
    expect(record.logRecord?.modelId).toMatch(/inference-profile\/us\.anthropic/);
    const listed = await c.logs.send(new DescribeQueriesCommand({ logGroupName: GROUP }));
    expect(listed.queries!.length).toBeGreaterThanOrEqual(2);
  });

  it("reports syntax errors from StartQuery as MalformedQueryException", async () => {
    await expect(
      c.logs.send(
        new StartQueryCommand({ logGroupName: GROUP, startTime: 0, endTime: 1, queryString: "fields @timestamp |||" }),
      ),
    ).rejects.toMatchObject({ name: "MalformedQueryException" });
  });
});
