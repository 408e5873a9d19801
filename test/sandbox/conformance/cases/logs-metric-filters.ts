/** CloudWatch Logs metric filters: PutMetricFilter, DescribeMetricFilters, DeleteMetricFilter, TestMetricFilter. */
import { DescribeMetricFiltersCommand, PutMetricFilterCommand } from "@aws-sdk/client-cloudwatch-logs";
import type { DescribeMetricFiltersCommandOutput } from "@aws-sdk/client-cloudwatch-logs";
import { expect } from "vitest";
import type { Clients } from "../../helpers.js";
import type { Protocolled } from "../runner.js";
import { noOutput } from "../runner.js";
import type { Case } from "./logs-common.js";
import { group, groupNotFound, invalid, MODEL, RECORDED, REF } from "./logs-common.js";

const FILE = "test_logs_metric_filters";
const transformation = { metricNamespace: "ns", metricName: "m", metricValue: "1" };

async function filtered(p: Protocolled<Clients>, tag: string, count = 1): Promise<void> {
  await group(p, tag);
  for (let i = 0; i < count; i += 1) {
    await p.client.send(
      new PutMetricFilterCommand({
        logGroupName: `/g/${tag}`,
        filterName: count === 1 ? "f" : `f${i}`,
        filterPattern: "{ $.a > 1 }",
        metricTransformations: [transformation],
      }),
    );
  }
}

const filters = async (p: Protocolled<Clients>, tag: string) =>
  (
    (await p.client.send(
      new DescribeMetricFiltersCommand({ logGroupName: `/g/${tag}` }),
    )) as DescribeMetricFiltersCommandOutput
  ).metricFilters ?? [];

export const METRIC_FILTER_CASES: readonly Case[] = [
  {
    op: "PutMetricFilter",
    name: "creates a filter (no output)",
    source: `${MODEL} PutMetricFilter has no output; ${RECORDED(FILE, "test_put_metric_filter_json_pattern")}`,
    setup: group,
    input: (tag) => ({
      logGroupName: `/g/${tag}`,
      filterName: "f",
      filterPattern: '{$.message = "test"}',
      metricTransformations: [{ ...transformation, defaultValue: 0 }],
    }),
    expect: async (out, p) => {
      noOutput(out);
      expect(await filters(p, p.tag)).toEqual([
        expect.objectContaining({
          filterName: "f",
          filterPattern: '{$.message = "test"}',
          applyOnTransformedLogs: false,
          metricTransformations: [{ ...transformation, defaultValue: 0 }],
        }),
      ]);
    },
  },
  {
    op: "PutMetricFilter",
    name: "a missing group is ResourceNotFoundException",
    source: REF("PutMetricFilter"),
    input: (tag) => ({
      logGroupName: `/none/${tag}`,
      filterName: "f",
      filterPattern: "p",
      metricTransformations: [transformation],
    }),
    expect: groupNotFound,
  },
  {
    op: "PutMetricFilter",
    name: "a filter pattern over 1024 characters is InvalidParameterException",
    source: RECORDED(FILE, "test_put_metric_filter_invalid_filter_pattern"),
    setup: group,
    input: (tag) => ({
      logGroupName: `/g/${tag}`,
      filterName: "f",
      filterPattern: "X".repeat(1025),
      metricTransformations: [transformation],
    }),
    expect: invalid(
      /^1 validation error detected: Value 'X+' at 'filterPattern' failed to satisfy constraint: Member must have length less than or equal to 1024$/,
    ),
  },
  {
    op: "PutMetricFilter",
    name: "a 101st filter in a group is LimitExceededException",
    source: "CloudWatch Logs quotas: 100 metric filters per log group (User Guide, CloudWatch Logs quotas)",
    setup: (p, tag) => filtered(p, tag, 100),
    input: (tag) => ({
      logGroupName: `/g/${tag}`,
      filterName: "one-more",
      filterPattern: "p",
      metricTransformations: [transformation],
    }),
    expect: { error: { code: "LimitExceededException", status: 400 } },
  },
  {
    op: "DescribeMetricFilters",
    name: "lists a group's filters",
    source: RECORDED(FILE, "test_describe_metric_filters_by_log_group"),
    setup: (p, tag) => filtered(p, tag),
    input: (tag) => ({ logGroupName: `/g/${tag}` }),
    expect: (out, p) =>
      expect(out.metricFilters).toEqual([
        expect.objectContaining({ filterName: "f", logGroupName: `/g/${p.tag}`, creationTime: expect.any(Number) }),
      ]),
  },
  {
    op: "DescribeMetricFilters",
    name: "a missing group is ResourceNotFoundException",
    source: REF("DescribeMetricFilters"),
    input: (tag) => ({ logGroupName: `/none/${tag}` }),
    expect: groupNotFound,
  },
  {
    op: "DescribeMetricFilters",
    name: "a name prefix over 512 characters is InvalidParameterException",
    source: RECORDED(FILE, "test_describe_metric_filters_invalid_parameters (error-invalid-filter-prefix)"),
    input: () => ({ filterNamePrefix: "X".repeat(513) }),
    expect: invalid(
      `1 validation error detected: Value '${"X".repeat(513)}' at 'filterNamePrefix' failed to satisfy constraint: Member must have length less than or equal to 512`,
    ),
  },
  {
    op: "DeleteMetricFilter",
    name: "deletes a filter (no output)",
    source: `${MODEL} DeleteMetricFilter has no output; ${RECORDED(FILE, "test_delete_metric_filter")}`,
    setup: (p, tag) => filtered(p, tag),
    input: (tag) => ({ logGroupName: `/g/${tag}`, filterName: "f" }),
    expect: async (out, p) => {
      noOutput(out);
      expect(await filters(p, p.tag)).toEqual([]);
    },
  },
  {
    op: "DeleteMetricFilter",
    name: "an unknown filter is ResourceNotFoundException",
    source: REF("DeleteMetricFilter"),
    setup: group,
    input: (tag) => ({ logGroupName: `/g/${tag}`, filterName: "nope" }),
    expect: { error: { code: "ResourceNotFoundException", status: 400 } },
  },
  {
    op: "DeleteMetricFilter",
    name: "a filter name over 512 characters is InvalidParameterException",
    source: RECORDED(FILE, "test_delete_metric_filter_invalid_filter_name"),
    setup: group,
    input: (tag) => ({ logGroupName: `/g/${tag}`, filterName: "X".repeat(513) }),
    expect: invalid(
      `1 validation error detected: Value '${"X".repeat(513)}' at 'filterName' failed to satisfy constraint: Member must have length less than or equal to 512`,
    ),
  },
  {
    op: "TestMetricFilter",
    name: "numbers the matching messages from 1",
    source: `${REF("TestMetricFilter")}; ${MODEL} MetricFilterMatchRecord`,
    input: () => ({ filterPattern: "{ $.a > 1 }", logEventMessages: ['{"a":1}', '{"a":2}'] }),
    expect: (out) => expect(out.matches).toEqual([{ eventNumber: 2, eventMessage: '{"a":2}', extractedValues: {} }]),
  },
  {
    op: "TestMetricFilter",
    name: "no messages is InvalidParameterException",
    source: `${MODEL} TestEventMessages min 1`,
    input: () => ({ filterPattern: "x", logEventMessages: [] }),
    expect: invalid(
      /at 'logEventMessages' failed to satisfy constraint: Member must have length greater than or equal to 1/,
    ),
  },
];
