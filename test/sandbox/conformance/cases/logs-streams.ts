/** CloudWatch Logs streams and events (sources: see logs.ts). */
import { expect } from "vitest";
import { exactly, noOutput } from "../runner.js";
import type { Case } from "./logs-common.js";
import {
  ARN,
  group,
  groupNotFound,
  invalid,
  MODEL,
  RECORDED,
  REF,
  stream,
  streamNotFound,
  withEvents,
} from "./logs-common.js";

export const STREAM_CASES: readonly Case[] = [
  {
    op: "CreateLogStream",
    name: "creates a stream (no output)",
    source: `${MODEL} CreateLogStream has no output`,
    setup: group,
    input: (tag) => ({ logGroupName: `/g/${tag}`, logStreamName: "s" }),
    expect: noOutput,
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
    expect: noOutput,
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
];
