import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteLogGroupCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  ListTagsForResourceCommand,
  PutRetentionPolicyCommand,
  TagResourceCommand,
  UntagResourceCommand,
  PutLogEventsCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { paginateDescribeLogGroups } from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it } from "vitest";
import { rejection, sandboxForFile } from "../helpers.js";

const { c } = await sandboxForFile();

describe("log groups", () => {
  it("creates, refuses duplicates, describes with ARNs and deletes", async () => {
    await c.logs.send(
      new CreateLogGroupCommand({ logGroupName: "/aws/bedrock/model-invocations", tags: { team: "genai" } }),
    );
    expect(
      await rejection(c.logs.send(new CreateLogGroupCommand({ logGroupName: "/aws/bedrock/model-invocations" }))),
    ).toEqual({
      name: "ResourceAlreadyExistsException",
      message: "The specified log group already exists",
      status: 400,
    });
    const d = await c.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/aws/bedrock" }));
    expect(d.logGroups).toHaveLength(1);
    expect(d.logGroups?.[0]).toMatchObject({
      logGroupName: "/aws/bedrock/model-invocations",
      arn: "arn:aws:logs:us-east-1:123456789012:log-group:/aws/bedrock/model-invocations:*",
      logGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:/aws/bedrock/model-invocations",
      logGroupClass: "STANDARD",
      metricFilterCount: 0,
    });
    expect(typeof d.logGroups?.[0]?.creationTime).toBe("number");
    await c.logs.send(new DeleteLogGroupCommand({ logGroupName: "/aws/bedrock/model-invocations" }));
    expect(
      await rejection(c.logs.send(new DeleteLogGroupCommand({ logGroupName: "/aws/bedrock/model-invocations" }))),
    ).toEqual({
      name: "ResourceNotFoundException",
      message: "The specified log group does not exist.",
      status: 400,
    });
  });

  it("validates names with AWS's message", async () => {
    const e = await rejection(c.logs.send(new CreateLogGroupCommand({ logGroupName: "bad name:with space" })));
    expect(e).toEqual({
      name: "InvalidParameterException",
      message:
        "1 validation error detected: Value 'bad name:with space' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+",
      status: 400,
    });
    // Recorded by LocalStack (test_logs_groups.snapshot.json, test_create_log_group_invalid_name_length).
    const long = await rejection(c.logs.send(new CreateLogGroupCommand({ logGroupName: "a".repeat(513) })));
    expect(long).toEqual({
      name: "InvalidParameterException",
      message: "Invalid LogGroup or LogStream, both must have length less than or equal to 512.",
      status: 400,
    });
  });

  it("filters by prefix or pattern (not both) and paginates", async () => {
    for (let i = 0; i < 7; i += 1) await c.logs.send(new CreateLogGroupCommand({ logGroupName: `/page/g${i}` }));
    await c.logs.send(new CreateLogGroupCommand({ logGroupName: "/other/DataLogs" }));
    const names: string[] = [];
    for await (const page of paginateDescribeLogGroups(
      { client: c.logs, pageSize: 3 },
      { logGroupNamePrefix: "/page/" },
    )) {
      expect(page.logGroups!.length).toBeLessThanOrEqual(3);
      names.push(...page.logGroups!.map((g) => g.logGroupName!));
    }
    expect(names).toEqual(["/page/g0", "/page/g1", "/page/g2", "/page/g3", "/page/g4", "/page/g5", "/page/g6"]);
    const byPattern = await c.logs.send(new DescribeLogGroupsCommand({ logGroupNamePattern: "DataLogs" }));
    expect(byPattern.logGroups?.map((g) => g.logGroupName)).toEqual(["/other/DataLogs"]);
    expect(byPattern.logGroups?.[0]?.storedBytes).toBeUndefined();
    expect((await c.logs.send(new DescribeLogGroupsCommand({ logGroupNamePattern: "datalogs" }))).logGroups).toEqual(
      [],
    );
    expect(
      (
        await rejection(
          c.logs.send(new DescribeLogGroupsCommand({ logGroupNamePattern: "a", logGroupNamePrefix: "b" })),
        )
      ).name,
    ).toBe("InvalidParameterException");
    expect((await rejection(c.logs.send(new DescribeLogGroupsCommand({ limit: 51 })))).message).toMatch(
      /at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50/,
    );
    expect((await rejection(c.logs.send(new DescribeLogGroupsCommand({ nextToken: "garbage" })))).message).toBe(
      "The specified nextToken is invalid.",
    );
  });

  it("accepts only AWS's retention values", async () => {
    await c.logs.send(new CreateLogGroupCommand({ logGroupName: "/ret" }));
    await c.logs.send(new PutRetentionPolicyCommand({ logGroupName: "/ret", retentionInDays: 14 }));
    const d = await c.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/ret" }));
    expect(d.logGroups?.[0]?.retentionInDays).toBe(14);
    const e = await rejection(c.logs.send(new PutRetentionPolicyCommand({ logGroupName: "/ret", retentionInDays: 2 })));
    expect(e.message).toBe(
      "1 validation error detected: Value '2' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]",
    );
    expect(
      (await rejection(c.logs.send(new PutRetentionPolicyCommand({ logGroupName: "/nope", retentionInDays: 1 })))).name,
    ).toBe("ResourceNotFoundException");
  });

  it("tags through the resource ARN (without :*)", async () => {
    await c.logs.send(new CreateLogGroupCommand({ logGroupName: "/tagged", tags: { a: "1" } }));
    const arn = "arn:aws:logs:us-east-1:123456789012:log-group:/tagged";
    await c.logs.send(new TagResourceCommand({ resourceArn: arn, tags: { b: "2" } }));
    expect((await c.logs.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual({ a: "1", b: "2" });
    await c.logs.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ["a"] }));
    expect((await c.logs.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual({ b: "2" });
    expect((await rejection(c.logs.send(new ListTagsForResourceCommand({ resourceArn: `${arn}:*` })))).name).toBe(
      "InvalidParameterException",
    );
    expect(
      (
        await rejection(
          c.logs.send(
            new ListTagsForResourceCommand({ resourceArn: "arn:aws:logs:us-east-1:123456789012:log-group:/none" }),
          ),
        )
      ).name,
    ).toBe("ResourceNotFoundException");
  });
});

describe("log streams", () => {
  it("creates, refuses duplicates and describes in name or last-event order", async () => {
    await c.logs.send(new CreateLogGroupCommand({ logGroupName: "/streams" }));
    for (const s of ["b", "a", "c"])
      await c.logs.send(new CreateLogStreamCommand({ logGroupName: "/streams", logStreamName: s }));
    expect(
      await rejection(c.logs.send(new CreateLogStreamCommand({ logGroupName: "/streams", logStreamName: "a" }))),
    ).toMatchObject({
      name: "ResourceAlreadyExistsException",
      message: "The specified log stream already exists",
    });
    expect(
      (await rejection(c.logs.send(new CreateLogStreamCommand({ logGroupName: "/missing", logStreamName: "a" }))))
        .message,
    ).toBe("The specified log group does not exist.");
    expect(
      (await rejection(c.logs.send(new CreateLogStreamCommand({ logGroupName: "/streams", logStreamName: "x:y" }))))
        .message,
    ).toMatch(/Member must satisfy regular expression pattern: \[\^:\*\]\*/);
    const now = Date.now();
    await c.logs.send(
      new PutLogEventsCommand({
        logGroupName: "/streams",
        logStreamName: "a",
        logEvents: [{ timestamp: now - 1000, message: "x" }],
      }),
    );
    await c.logs.send(
      new PutLogEventsCommand({
        logGroupName: "/streams",
        logStreamName: "c",
        logEvents: [{ timestamp: now - 2000, message: "y" }],
      }),
    );
    const byName = await c.logs.send(new DescribeLogStreamsCommand({ logGroupName: "/streams" }));
    expect(byName.logStreams?.map((s) => s.logStreamName)).toEqual(["a", "b", "c"]);
    expect(byName.logStreams?.[0]).toMatchObject({
      firstEventTimestamp: now - 1000,
      lastEventTimestamp: now - 1000,
      arn: "arn:aws:logs:us-east-1:123456789012:log-group:/streams:log-stream:a",
    });
    const byTime = await c.logs.send(
      new DescribeLogStreamsCommand({
        logGroupIdentifier: "arn:aws:logs:us-east-1:123456789012:log-group:/streams",
        orderBy: "LastEventTime",
        descending: true,
      }),
    );
    expect(byTime.logStreams?.map((s) => s.logStreamName)).toEqual(["a", "c", "b"]);
    const paged = await c.logs.send(new DescribeLogStreamsCommand({ logGroupName: "/streams", limit: 2 }));
    expect(paged.logStreams).toHaveLength(2);
    const rest = await c.logs.send(
      new DescribeLogStreamsCommand({ logGroupName: "/streams", limit: 2, nextToken: paged.nextToken }),
    );
    expect(rest.logStreams?.map((s) => s.logStreamName)).toEqual(["c"]);
    expect(rest.nextToken).toBeUndefined();
    expect(
      (
        await rejection(
          c.logs.send(
            new DescribeLogStreamsCommand({
              logGroupName: "/streams",
              orderBy: "LastEventTime",
              logStreamNamePrefix: "a",
            }),
          ),
        )
      ).message,
    ).toBe("Cannot order by LastEventTime with a logStreamNamePrefix.");
    // Recorded by LocalStack (test_logs_streams.snapshot.json, test_describe_log_streams_with_log_group_identifier).
    expect(
      await rejection(
        c.logs.send(new DescribeLogStreamsCommand({ logGroupName: "/streams", logGroupIdentifier: "/streams" })),
      ),
    ).toEqual({
      name: "ValidationException",
      message: "LogGroup name and LogGroup ARN are mutually exclusive parameters.",
      status: 400,
    });
  });
});
