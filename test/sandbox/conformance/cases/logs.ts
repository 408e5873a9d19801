/**
 * CloudWatch Logs: every operation the sandbox implements, success shape and documented errors (AWS JSON 1.1).
 * Sources: MODEL = botocore data/logs/2014-03-28/service-2.json; REF = the CloudWatch Logs API Reference page;
 * RECORDED = real AWS responses recorded by LocalStack in tests/aws/services/logs/<file>.snapshot.json (named test).
 */
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteLogGroupCommand,
  GetQueryResultsCommand,
  PutLogEventsCommand,
  StartQueryCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import type { GetQueryResultsCommandOutput, StartQueryCommandOutput } from "@aws-sdk/client-cloudwatch-logs";
import { expect } from "vitest";
import type { Clients } from "../../helpers.js";
import type { ConformanceCase, ErrorExpectation, Protocolled } from "../runner.js";
import { exactly } from "../runner.js";

type Case = ConformanceCase<Clients>;
const MODEL = "botocore data/logs/2014-03-28/service-2.json";
const REF = (op: string): string =>
  `https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_${op}.html`;
const RECORDED = (file: string, test: string): string =>
  `recorded AWS response, LocalStack tests/aws/services/logs/${file}.snapshot.json ${test}`;
const ARN = (name: string): string => `arn:aws:logs:us-east-1:123456789012:log-group:${name}`;

const group = async (p: Protocolled<Clients>, tag: string): Promise<string> => {
  await p.client.send(new CreateLogGroupCommand({ logGroupName: `/g/${tag}`, tags: { env: "test" } }));
  return `/g/${tag}`;
};
const stream = async (p: Protocolled<Clients>, tag: string): Promise<string> => {
  await group(p, tag);
  await p.client.send(new CreateLogStreamCommand({ logGroupName: `/g/${tag}`, logStreamName: "s" }));
  return `/g/${tag}`;
};
const withEvents = async (p: Protocolled<Clients>, tag: string): Promise<string> => {
  await stream(p, tag);
  const now = Date.now();
  await p.client.send(
    new PutLogEventsCommand({
      logGroupName: `/g/${tag}`,
      logStreamName: "s",
      logEvents: [
        { timestamp: now - 2000, message: '{"a":1}' },
        { timestamp: now - 1000, message: '{"a":2}' },
      ],
    }),
  );
  return `/g/${tag}`;
};

const groupNotFound: { error: ErrorExpectation } = {
  error: {
    code: "ResourceNotFoundException",
    status: 400,
    message: exactly("The specified log group does not exist."),
  },
};
const streamNotFound: { error: ErrorExpectation } = {
  error: {
    code: "ResourceNotFoundException",
    status: 400,
    message: exactly("The specified log stream does not exist."),
  },
};
const invalid = (message: string | RegExp): { error: ErrorExpectation } => ({
  error: {
    code: "InvalidParameterException",
    status: 400,
    message: typeof message === "string" ? exactly(message) : message,
  },
});

const BAD_NAME =
  "1 validation error detected: Value 'bad name' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+";

export const LOGS_CASES: readonly Case[] = [
  {
    op: "CreateLogGroup",
    name: "creates a group (no output)",
    source: `${MODEL} CreateLogGroup has no output`,
    input: (tag) => ({ logGroupName: `/g/${tag}`, logGroupClass: "STANDARD" }),
    expect: (out) => expect(Object.keys(out)).toEqual(["$metadata"]),
  },
  {
    op: "CreateLogGroup",
    name: "an existing group is ResourceAlreadyExistsException",
    source: RECORDED("test_logs_groups", "test_create_log_group_duplicate_error"),
    setup: group,
    input: (tag) => ({ logGroupName: `/g/${tag}` }),
    expect: {
      error: {
        code: "ResourceAlreadyExistsException",
        status: 400,
        message: exactly("The specified log group already exists"),
      },
    },
  },
  {
    op: "CreateLogGroup",
    name: "a 513-character name gets AWS's own sentence",
    source: RECORDED("test_logs_groups", "test_create_log_group_invalid_name_length"),
    input: () => ({ logGroupName: "a".repeat(513) }),
    expect: invalid("Invalid LogGroup or LogStream, both must have length less than or equal to 512."),
  },
  {
    op: "CreateLogGroup",
    name: "a name outside the pattern is a constraint failure",
    source: `${MODEL} LogGroupName pattern; wording of the AWS front end ("1 validation error detected")`,
    input: () => ({ logGroupName: "bad name" }),
    expect: invalid(
      "1 validation error detected: Value 'bad name' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+",
    ),
  },
  {
    op: "DescribeLogGroups",
    name: "lists a group with every member AWS answers",
    source: RECORDED("test_logs_groups", "test_describe_log_groups_with_prefix"),
    setup: group,
    input: (tag) => ({ logGroupNamePrefix: `/g/${tag}` }),
    expect: (out, { tag }) =>
      expect(out.logGroups).toEqual([
        {
          logGroupName: `/g/${tag}`,
          creationTime: expect.any(Number),
          metricFilterCount: 0,
          arn: `${ARN(`/g/${tag}`)}:*`,
          storedBytes: 0,
          logGroupClass: "STANDARD",
          logGroupArn: ARN(`/g/${tag}`),
          deletionProtectionEnabled: false,
        },
      ]),
  },
  {
    op: "DescribeLogGroups",
    name: "a name-pattern search answers fewer members",
    source: RECORDED("test_logs_groups", "test_describe_log_groups_with_pattern"),
    setup: group,
    input: (tag) => ({ logGroupNamePattern: tag }),
    expect: (out, { tag }) =>
      expect(out.logGroups).toEqual([
        {
          logGroupName: `/g/${tag}`,
          creationTime: expect.any(Number),
          metricFilterCount: 0,
          arn: `${ARN(`/g/${tag}`)}:*`,
          logGroupClass: "STANDARD",
          logGroupArn: ARN(`/g/${tag}`),
        },
      ]),
  },
  {
    op: "DescribeLogGroups",
    name: "prefix and pattern together are refused",
    source: RECORDED("test_logs_groups", "test_describe_log_groups_prefix_and_pattern_error"),
    input: () => ({ logGroupNamePrefix: "a", logGroupNamePattern: "b" }),
    expect: invalid("LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters."),
  },
  {
    op: "DeleteLogGroup",
    name: "deletes (no output)",
    source: `${MODEL} DeleteLogGroup has no output`,
    setup: group,
    input: (tag) => ({ logGroupName: `/g/${tag}` }),
    expect: (out) => expect(Object.keys(out)).toEqual(["$metadata"]),
  },
  {
    op: "DeleteLogGroup",
    name: "a missing group is ResourceNotFoundException",
    source: RECORDED("test_logs_events", "test_resource_does_not_exist"),
    input: (tag) => ({ logGroupName: `/none/${tag}` }),
    expect: groupNotFound,
  },
  {
    op: "DeleteLogGroup",
    name: "a protected group is a ValidationException",
    source: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/protecting-log-groups-from-deletion.html",
    setup: async (p, tag) => {
      await p.client.send(new CreateLogGroupCommand({ logGroupName: `/g/${tag}`, deletionProtectionEnabled: true }));
    },
    input: (tag) => ({ logGroupName: `/g/${tag}` }),
    expect: {
      error: {
        code: "ValidationException",
        status: 400,
        message: exactly(
          "Cannot delete log group with deletion protection enabled. Disable deletion protection first.",
        ),
      },
    },
  },
  {
    op: "PutLogGroupDeletionProtection",
    name: "turns protection off by ARN (no output)",
    source: REF("PutLogGroupDeletionProtection"),
    setup: async (p, tag) => {
      await p.client.send(new CreateLogGroupCommand({ logGroupName: `/g/${tag}`, deletionProtectionEnabled: true }));
    },
    input: (tag) => ({ logGroupIdentifier: ARN(`/g/${tag}`), deletionProtectionEnabled: false }),
    expect: (out) => expect(Object.keys(out)).toEqual(["$metadata"]),
  },
  {
    op: "PutLogGroupDeletionProtection",
    name: "a missing group is ResourceNotFoundException",
    source: REF("PutLogGroupDeletionProtection"),
    input: (tag) => ({ logGroupIdentifier: `/none/${tag}`, deletionProtectionEnabled: true }),
    expect: groupNotFound,
  },
  {
    op: "PutRetentionPolicy",
    name: "sets retention (no output)",
    source: `${MODEL} PutRetentionPolicy has no output`,
    setup: group,
    input: (tag) => ({ logGroupName: `/g/${tag}`, retentionInDays: 7 }),
    expect: (out) => expect(Object.keys(out)).toEqual(["$metadata"]),
  },
  {
    op: "PutRetentionPolicy",
    name: "a retention AWS does not offer is a constraint failure",
    source: `${MODEL} Days enum; ${REF("PutRetentionPolicy")}`,
    setup: group,
    input: (tag) => ({ logGroupName: `/g/${tag}`, retentionInDays: 2 }),
    expect: invalid(/^1 validation error detected: Value '2' at 'retentionInDays' failed to satisfy constraint: /),
  },
  {
    op: "DeleteRetentionPolicy",
    name: "removes retention (no output)",
    source: `${MODEL} DeleteRetentionPolicy has no output`,
    setup: group,
    input: (tag) => ({ logGroupName: `/g/${tag}` }),
    expect: (out) => expect(Object.keys(out)).toEqual(["$metadata"]),
  },
  {
    op: "DeleteRetentionPolicy",
    name: "a missing group is ResourceNotFoundException",
    source: REF("DeleteRetentionPolicy"),
    input: (tag) => ({ logGroupName: `/none/${tag}` }),
    expect: groupNotFound,
  },
  {
    op: "TagResource",
    name: "tags by ARN",
    source: RECORDED("test_logs_groups", "test_tag_resource_api"),
    setup: group,
    input: (tag) => ({ resourceArn: ARN(`/g/${tag}`), tags: { test1: "val1" } }),
    expect: (out) => expect(Object.keys(out)).toEqual(["$metadata"]),
  },
  {
    op: "TagResource",
    name: "an unknown group is ResourceNotFoundException",
    source: REF("TagResource"),
    input: (tag) => ({ resourceArn: ARN(`/none/${tag}`), tags: { a: "b" } }),
    expect: groupNotFound,
  },
  {
    op: "UntagResource",
    name: "removes tags by ARN",
    source: RECORDED("test_logs_groups", "test_tag_resource_api"),
    setup: group,
    input: (tag) => ({ resourceArn: ARN(`/g/${tag}`), tagKeys: ["env"] }),
    expect: (out) => expect(Object.keys(out)).toEqual(["$metadata"]),
  },
  {
    op: "ListTagsForResource",
    name: "answers the tags",
    source: RECORDED("test_logs_groups", "test_create_log_group_with_tags"),
    setup: group,
    input: (tag) => ({ resourceArn: ARN(`/g/${tag}`) }),
    expect: (out) => expect(out.tags).toEqual({ env: "test" }),
  },
  {
    op: "TagLogGroup",
    name: "tags by name (deprecated call)",
    source: RECORDED("test_logs_groups", "test_tag_log_group"),
    setup: group,
    input: (tag) => ({ logGroupName: `/g/${tag}`, tags: { tag_key_1: "tag_value_1" } }),
    expect: (out) => expect(Object.keys(out)).toEqual(["$metadata"]),
  },
  {
    op: "UntagLogGroup",
    name: "removes tags by name (deprecated call)",
    source: RECORDED("test_logs_groups", "test_untag_log_group"),
    setup: group,
    input: (tag) => ({ logGroupName: `/g/${tag}`, tags: ["env"] }),
    expect: (out) => expect(Object.keys(out)).toEqual(["$metadata"]),
  },
  {
    op: "ListTagsLogGroup",
    name: "answers the tags by name (deprecated call)",
    source: RECORDED("test_logs_groups", "test_tag_resource_api"),
    setup: group,
    input: (tag) => ({ logGroupName: `/g/${tag}` }),
    expect: (out) => expect(out.tags).toEqual({ env: "test" }),
  },
  {
    op: "ListTagsLogGroup",
    name: "a missing group is ResourceNotFoundException",
    source: REF("ListTagsLogGroup"),
    input: (tag) => ({ logGroupName: `/none/${tag}` }),
    expect: groupNotFound,
  },
  {
    op: "CreateLogStream",
    name: "creates a stream (no output)",
    source: `${MODEL} CreateLogStream has no output`,
    setup: group,
    input: (tag) => ({ logGroupName: `/g/${tag}`, logStreamName: "s" }),
    expect: (out) => expect(Object.keys(out)).toEqual(["$metadata"]),
  },
  {
    op: "CreateLogStream",
    name: "an existing stream is ResourceAlreadyExistsException",
    source: RECORDED("test_logs_streams", "test_create_log_stream_duplicate_error"),
    setup: stream,
    input: (tag) => ({ logGroupName: `/g/${tag}`, logStreamName: "s" }),
    expect: {
      error: {
        code: "ResourceAlreadyExistsException",
        status: 400,
        message: exactly("The specified log stream already exists"),
      },
    },
  },
  {
    op: "CreateLogStream",
    name: "a missing group is ResourceNotFoundException",
    source: REF("CreateLogStream"),
    input: (tag) => ({ logGroupName: `/none/${tag}`, logStreamName: "s" }),
    expect: groupNotFound,
  },
  {
    op: "DescribeLogStreams",
    name: "an empty stream has no event times and no upload sequence token",
    source: RECORDED("test_logs_streams", "test_create_and_delete_log_stream"),
    setup: stream,
    input: (tag) => ({ logGroupName: `/g/${tag}` }),
    expect: (out, { tag }) =>
      expect(out.logStreams).toEqual([
        {
          logStreamName: "s",
          creationTime: expect.any(Number),
          arn: `${ARN(`/g/${tag}`)}:log-stream:s`,
          storedBytes: 0,
        },
      ]),
  },
  {
    op: "DescribeLogStreams",
    name: "a name and an identifier together are a ValidationException",
    source: RECORDED("test_logs_streams", "test_describe_log_streams_with_log_group_identifier"),
    setup: stream,
    input: (tag) => ({ logGroupName: `/g/${tag}`, logGroupIdentifier: ARN(`/g/${tag}`) }),
    expect: {
      error: {
        code: "ValidationException",
        status: 400,
        message: exactly("LogGroup name and LogGroup ARN are mutually exclusive parameters."),
      },
    },
  },
  {
    op: "DescribeLogStreams",
    name: "a missing group is ResourceNotFoundException",
    source: REF("DescribeLogStreams"),
    input: (tag) => ({ logGroupIdentifier: `/none/${tag}` }),
    expect: groupNotFound,
  },
  {
    op: "DeleteLogStream",
    name: "deletes a stream (no output)",
    source: RECORDED("test_logs_streams", "test_create_and_delete_log_stream"),
    setup: stream,
    input: (tag) => ({ logGroupName: `/g/${tag}`, logStreamName: "s" }),
    expect: (out) => expect(Object.keys(out)).toEqual(["$metadata"]),
  },
  {
    op: "DeleteLogStream",
    name: "a missing stream is ResourceNotFoundException",
    source: RECORDED("test_logs_events", "test_resource_does_not_exist"),
    setup: group,
    input: (tag) => ({ logGroupName: `/g/${tag}`, logStreamName: "none" }),
    expect: streamNotFound,
  },
  {
    op: "PutLogEvents",
    name: "answers a sequence token, and says which events were too old",
    source: RECORDED("test_logs_events", "test_put_log_events_too_old"),
    setup: stream,
    input: (tag) => ({
      logGroupName: `/g/${tag}`,
      logStreamName: "s",
      logEvents: [{ timestamp: Date.now() - 30 * 86_400_000, message: "Old message" }],
    }),
    expect: (out) => {
      expect(out.nextSequenceToken).toMatch(/^\d+$/);
      expect(out.rejectedLogEventsInfo).toEqual({ tooOldLogEventEndIndex: 1 });
    },
  },
  {
    op: "PutLogEvents",
    name: "events out of order are refused",
    source: RECORDED("test_logs_events", "test_put_log_events_wrong_order"),
    setup: stream,
    input: (tag) => ({
      logGroupName: `/g/${tag}`,
      logStreamName: "s",
      logEvents: [
        { timestamp: Date.now(), message: "b" },
        { timestamp: Date.now() - 1000, message: "a" },
      ],
    }),
    expect: invalid("Log events in a single PutLogEvents request must be in chronological order."),
  },
  {
    op: "PutLogEvents",
    name: "a missing stream is ResourceNotFoundException",
    source: RECORDED("test_logs_events", "test_put_log_events_to_invalid_stream"),
    setup: group,
    input: (tag) => ({
      logGroupName: `/g/${tag}`,
      logStreamName: "none",
      logEvents: [{ timestamp: Date.now(), message: "m" }],
    }),
    expect: streamNotFound,
  },
  {
    op: "GetLogEvents",
    name: "answers events with both tokens",
    source: REF("GetLogEvents"),
    setup: withEvents,
    input: (tag) => ({ logGroupName: `/g/${tag}`, logStreamName: "s", startFromHead: true }),
    expect: (out) => {
      expect((out.events as { message: string }[]).map((e) => e.message)).toEqual(['{"a":1}', '{"a":2}']);
      expect(out.nextForwardToken).toMatch(/^f\//);
      expect(out.nextBackwardToken).toMatch(/^b\//);
    },
  },
  {
    op: "GetLogEvents",
    name: "a limit above 10000 is a constraint failure",
    source: RECORDED("test_logs_events", "test_get_log_events_limit_validation"),
    setup: stream,
    input: (tag) => ({ logGroupName: `/g/${tag}`, logStreamName: "s", limit: 10001 }),
    expect: invalid(
      "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000",
    ),
  },
  {
    op: "GetLogEvents",
    name: "a foreign token is refused",
    source: RECORDED("test_logs_events", "test_get_log_events_invalid_token"),
    setup: stream,
    input: (tag) => ({ logGroupName: `/g/${tag}`, logStreamName: "s", nextToken: "invalid-token" }),
    expect: invalid("The specified nextToken is invalid."),
  },
  {
    op: "GetLogEvents",
    name: "a missing stream is ResourceNotFoundException",
    source: RECORDED("test_logs_events", "test_resource_does_not_exist"),
    setup: group,
    input: (tag) => ({ logGroupName: `/g/${tag}`, logStreamName: "none" }),
    expect: streamNotFound,
  },
  {
    op: "FilterLogEvents",
    name: "answers matching events with their stream and id",
    source: REF("FilterLogEvents"),
    setup: withEvents,
    input: (tag) => ({ logGroupName: `/g/${tag}`, filterPattern: "{ $.a = 2 }" }),
    expect: (out) => {
      expect(out.events).toEqual([
        {
          logStreamName: "s",
          timestamp: expect.any(Number),
          message: '{"a":2}',
          ingestionTime: expect.any(Number),
          eventId: expect.stringMatching(/^\d+$/),
        },
      ]);
      expect(out.searchedLogStreams).toEqual([]);
    },
  },
  {
    op: "FilterLogEvents",
    name: "a limit above 10000 is a constraint failure",
    source: RECORDED("test_logs_filter_events", "test_filter_log_events_limit_validation"),
    setup: group,
    input: (tag) => ({ logGroupName: `/g/${tag}`, limit: 10001 }),
    expect: invalid(
      "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000",
    ),
  },
  {
    op: "FilterLogEvents",
    name: "an unknown token is refused",
    source: RECORDED("test_logs_filter_events", "test_filter_log_events_unknown_token"),
    setup: group,
    input: (tag) => ({ logGroupName: `/g/${tag}`, nextToken: "unknown" }),
    expect: invalid("The specified nextToken is invalid."),
  },
  {
    op: "FilterLogEvents",
    name: "a missing group is ResourceNotFoundException",
    source: REF("FilterLogEvents"),
    input: (tag) => ({ logGroupName: `/none/${tag}` }),
    expect: groupNotFound,
  },
  ...insightsCases(),
  ...constraintCases(),
];

/** The documented InvalidParameterException and ResourceNotFoundException of the calls not covered above. */
function constraintCases(): Case[] {
  const bad = (op: string, input: Record<string, unknown>): Case => ({
    op,
    name: "a group name outside the pattern is a constraint failure",
    source: `${MODEL} LogGroupName pattern; ${REF(op)}`,
    input: () => input,
    expect: invalid(BAD_NAME),
  });
  const missing = (op: string, input: (tag: string) => Record<string, unknown>): Case => ({
    op,
    name: "a missing group is ResourceNotFoundException",
    source: REF(op),
    input,
    expect: groupNotFound,
  });
  const starArn = (op: string, input: (tag: string) => Record<string, unknown>): Case => ({
    op,
    name: "a log group ARN ending in ':*' is refused",
    source: `${REF(op)} (resourceArn: the log group ARN without ':*')`,
    setup: group,
    input,
    expect: invalid(/^Invalid resourceArn: 'arn:aws:logs:us-east-1:123456789012:log-group:\/g\/\w+:\*'/),
  });
  return [
    bad("DeleteLogGroup", { logGroupName: "bad name" }),
    bad("DeleteRetentionPolicy", { logGroupName: "bad name" }),
    bad("TagLogGroup", { logGroupName: "bad name", tags: { a: "b" } }),
    bad("DescribeLogStreams", { logGroupName: "bad name" }),
    bad("DeleteLogStream", { logGroupName: "bad name", logStreamName: "s" }),
    {
      op: "CreateLogStream",
      name: "a stream name with ':' is a constraint failure",
      source: `${MODEL} LogStreamName pattern [^:*]*`,
      setup: group,
      input: (tag) => ({ logGroupName: `/g/${tag}`, logStreamName: "a:b" }),
      expect: invalid(
        "1 validation error detected: Value 'a:b' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*",
      ),
    },
    {
      op: "PutLogGroupDeletionProtection",
      name: "an identifier outside the pattern is a constraint failure",
      source: `${MODEL} LogGroupIdentifier pattern`,
      input: () => ({ logGroupIdentifier: "bad name", deletionProtectionEnabled: true }),
      expect: invalid(
        /^1 validation error detected: Value 'bad name' at 'logGroupIdentifier' failed to satisfy constraint/,
      ),
    },
    missing("PutRetentionPolicy", (tag) => ({ logGroupName: `/none/${tag}`, retentionInDays: 1 })),
    missing("TagLogGroup", (tag) => ({ logGroupName: `/none/${tag}`, tags: { a: "b" } })),
    missing("UntagLogGroup", (tag) => ({ logGroupName: `/none/${tag}`, tags: ["a"] })),
    missing("ListTagsForResource", (tag) => ({ resourceArn: ARN(`/none/${tag}`) })),
    missing("UntagResource", (tag) => ({ resourceArn: ARN(`/none/${tag}`), tagKeys: ["a"] })),
    starArn("TagResource", (tag) => ({ resourceArn: `${ARN(`/g/${tag}`)}:*`, tags: { a: "b" } })),
    starArn("UntagResource", (tag) => ({ resourceArn: `${ARN(`/g/${tag}`)}:*`, tagKeys: ["a"] })),
    starArn("ListTagsForResource", (tag) => ({ resourceArn: `${ARN(`/g/${tag}`)}:*` })),
  ];
}

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

/** Logs Insights' calls (the query language itself is tested in test/sandbox/insights). */
function insightsCases(): Case[] {
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
      setup: startedQuery,
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

export const LOGS_UNREACHABLE: Readonly<Record<string, string>> = {
  ServiceUnavailableException: "only with simulated faults (--faults 5xx=…, scope=all)",
  OperationAbortedException: "concurrent changes to one resource: the sandbox applies writes one at a time",
  LimitExceededException: "account quotas (log groups, concurrent queries) the sandbox does not impose",
  InvalidSequenceTokenException: "sequence tokens are ignored, as AWS has done since January 2023",
  DataAlreadyAcceptedException: "sequence tokens are ignored, as AWS has done since January 2023",
  UnrecognizedClientException: "answered by the signature check before any operation (see test/sandbox/auth)",
  AccessDeniedException: "the sandbox has no IAM authorisation of CloudWatch Logs calls",
  InvalidOperationException: "deletion protection is the only state PutLogGroupDeletionProtection changes",
  TooManyTagsException: "covered by test/sandbox/logs/groups-streams.test.ts (more than 50 tags)",
  MalformedQueryException: "covered by the query-language tests in test/sandbox/insights",
  "DeleteLogStream:ValidationException": "deletion protection guards log groups; the User Guide gives no stream case",
  "DescribeQueries:ResourceNotFoundException": "DescribeQueries belongs to the Logs Insights work (issue 13)",
  "GetQueryResults:InvalidParameterException": "covered: a query id over 256 characters (see GetQueryResults)",
};
