/**
 * CloudWatch Logs metric filters: PutMetricFilter (create or replace by name), DescribeMetricFilters (by group, name
 * prefix, or metric), DeleteMetricFilter, TestMetricFilter. Limits and members from botocore's logs model and the
 * API reference: one transformation per filter, at most 100 filters per group, names without ':' or '*'.
 */
import { STANDARD_UNITS } from "../../cloudwatch/metric-datum.js";
import type { OperationHandler } from "../../server/types.js";
import type { LogsStore } from "../../storage/logs-store.js";
import { groupNotFound } from "../../storage/logs-store.js";
import { decodeToken, encodeToken, GROUP_NAME, invalidParameter, reader } from "../common.js";
import { compileFilterPattern } from "../filter-pattern.js";
import { AwsError } from "../../errors.js";
import type { MetricFilterPublisher } from "./publisher.js";
import type { FilterRow, MetricFilterStore } from "./store.js";
import type { Transformation } from "./transform.js";
import { compileMetricFilter } from "./transform.js";

const FILTER_NAME = { min: 1, max: 512, pattern: /^[^:*]*$/, patternText: "[^:*]*" } as const;
const METRIC_NAME = { max: 255, pattern: /^[^:*$]*$/, patternText: "[^:*$]*" } as const;
const MAX_FILTERS_PER_GROUP = 100;

function readTransformation(item: unknown): Transformation {
  const record =
    item !== null && typeof item === "object" && !Array.isArray(item) ? (item as Record<string, unknown>) : {};
  const r = reader(record);
  const metricName = r.string("metricName", { ...METRIC_NAME, required: true }) ?? "";
  const metricNamespace = r.string("metricNamespace", { ...METRIC_NAME, required: true }) ?? "";
  const metricValue = r.string("metricValue", { max: 100, required: true }) ?? "";
  const defaultValue = r.number("defaultValue");
  const dimensions = r.stringMap("dimensions", { key: { min: 1, max: 255 }, value: { min: 1, max: 255 } });
  const unit = r.string("unit", { enum: STANDARD_UNITS });
  r.done();
  return {
    metricName,
    metricNamespace,
    metricValue,
    ...(defaultValue === undefined ? {} : { defaultValue }),
    ...(dimensions === undefined || Object.keys(dimensions).length === 0 ? {} : { dimensions }),
    ...(unit === undefined ? {} : { unit }),
  };
}

/** A transformation as AWS's front end prints it in a validation message (recorded by LocalStack's snapshot tests). */
function javaText(item: unknown): string {
  const t = (item ?? {}) as Record<string, unknown>;
  const field = (key: string): string => (t[key] === undefined ? "null" : String(t[key]));
  return `MetricTransformation(metricName=${field("metricName")}, metricNamespace=${field("metricNamespace")}, metricValue=${field("metricValue")}, defaultValue=${field("defaultValue")}, unit=${field("unit")}, dimensions=${field("dimensions")})`;
}

function render(row: FilterRow): Record<string, unknown> {
  return {
    filterName: row.filterName,
    filterPattern: row.filterPattern,
    metricTransformations: [row.transformation],
    creationTime: row.createdAt,
    logGroupName: row.groupName,
    applyOnTransformedLogs: row.applyOnTransformedLogs,
  };
}

export function metricFilterOperations(
  logs: LogsStore,
  filters: MetricFilterStore,
  publisher: MetricFilterPublisher,
): Record<string, OperationHandler> {
  return {
    PutMetricFilter(input, ctx) {
      const r = reader(input);
      const groupName = r.string("logGroupName", { ...GROUP_NAME, required: true }) ?? "";
      const filterName = r.string("filterName", { ...FILTER_NAME, required: true }) ?? "";
      const filterPattern = r.string("filterPattern", { min: 0, max: 1024, required: true }) ?? "";
      const transformations = r.list("metricTransformations", { required: true, min: 1 }) ?? [];
      if (transformations.length > 1) {
        r.fail(
          `Value '[${transformations.map(javaText).join(", ")}]' at 'metricTransformations' failed to satisfy constraint: Member must have length less than or equal to 1`,
        );
      }
      const apply = r.boolean("applyOnTransformedLogs") ?? false;
      r.string("fieldSelectionCriteria", { min: 0, max: 2000 });
      r.list("emitSystemFieldDimensions");
      r.done();
      const transformation = readTransformation(transformations[0]);
      compileMetricFilter(filterPattern, transformation);
      const group = logs.requireGroup(ctx.accountId, ctx.region, groupName);
      const existing = filters.ofGroup(group.id);
      if (existing.length >= MAX_FILTERS_PER_GROUP && !existing.some((f) => f.filterName === filterName)) {
        throw new AwsError("LimitExceededException", "Resource limit exceeded.");
      }
      filters.put(group, {
        filterName,
        filterPattern,
        transformation,
        applyOnTransformedLogs: apply,
        createdAt: ctx.now,
      });
      publisher.invalidate(group.id);
      return {};
    },

    DescribeMetricFilters(input, ctx) {
      const r = reader(input);
      const groupName = r.string("logGroupName", GROUP_NAME);
      const prefix = r.string("filterNamePrefix", FILTER_NAME);
      const limit = r.integer("limit", { min: 1, max: 50 }) ?? 50;
      const nextToken = r.string("nextToken", { min: 1 });
      const metricName = r.string("metricName", METRIC_NAME);
      const metricNamespace = r.string("metricNamespace", METRIC_NAME);
      r.done();
      if ((metricName === undefined) !== (metricNamespace === undefined)) {
        throw invalidParameter("metricName and metricNamespace must be specified together.");
      }
      let rows: FilterRow[];
      if (groupName !== undefined) {
        const group = logs.findGroup(ctx.accountId, ctx.region, groupName);
        if (group === undefined) throw groupNotFound();
        rows = filters.ofGroup(group.id);
      } else {
        rows = filters.inAccount(ctx.accountId, ctx.region);
      }
      rows = rows.filter(
        (row) =>
          (prefix === undefined || row.filterName.startsWith(prefix)) &&
          (metricName === undefined ||
            (row.transformation.metricName === metricName && row.transformation.metricNamespace === metricNamespace)),
      );
      const offset =
        nextToken === undefined
          ? 0
          : decodeToken("metricFilters", nextToken, (d): d is number => typeof d === "number");
      const page = rows.slice(offset, offset + limit);
      return {
        metricFilters: page.map(render),
        ...(offset + limit < rows.length ? { nextToken: encodeToken("metricFilters", offset + limit) } : {}),
      };
    },

    DeleteMetricFilter(input, ctx) {
      const r = reader(input);
      const groupName = r.string("logGroupName", { ...GROUP_NAME, required: true }) ?? "";
      const filterName = r.string("filterName", { ...FILTER_NAME, required: true }) ?? "";
      r.done();
      const group = logs.requireGroup(ctx.accountId, ctx.region, groupName);
      if (!filters.remove(group, filterName)) {
        throw new AwsError("ResourceNotFoundException", "The specified metric filter does not exist.");
      }
      publisher.invalidate(group.id);
      return {};
    },

    TestMetricFilter(input) {
      const r = reader(input);
      const filterPattern = r.string("filterPattern", { min: 0, max: 1024, required: true }) ?? "";
      const messages = r.stringList("logEventMessages", { required: true, min: 1, max: 50, item: { min: 1 } }) ?? [];
      r.done();
      const matches = compileFilterPattern(filterPattern);
      return {
        matches: messages.flatMap((message, i) =>
          matches(message) ? [{ eventNumber: i + 1, eventMessage: message, extractedValues: {} }] : [],
        ),
      };
    },
  };
}
