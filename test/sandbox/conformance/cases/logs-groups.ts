/** CloudWatch Logs log groups and tags (sources: see logs.ts). */
import { CreateLogGroupCommand } from "@aws-sdk/client-cloudwatch-logs";
import { expect } from "vitest";
import { exactly, noOutput } from "../runner.js";
import type { Case } from "./logs-common.js";
import { ARN, BAD_NAME, group, groupNotFound, invalid, MODEL, RECORDED, REF } from "./logs-common.js";

export const GROUP_CASES: readonly Case[] = [
  {
    op: "CreateLogGroup",
    name: "creates a group (no output)",
    source: `${MODEL} CreateLogGroup has no output`,
    input: (tag) => ({ logGroupName: `/g/${tag}`, logGroupClass: "STANDARD" }),
    expect: noOutput,
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
    expect: noOutput,
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
    expect: noOutput,
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
    expect: noOutput,
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
    expect: noOutput,
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
    expect: noOutput,
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
    expect: noOutput,
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
    expect: noOutput,
  },
  {
    op: "UntagLogGroup",
    name: "removes tags by name (deprecated call)",
    source: RECORDED("test_logs_groups", "test_untag_log_group"),
    setup: group,
    input: (tag) => ({ logGroupName: `/g/${tag}`, tags: ["env"] }),
    expect: noOutput,
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
];

/** The documented InvalidParameterException and ResourceNotFoundException of the calls not covered above. */
export function constraintCases(): Case[] {
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
