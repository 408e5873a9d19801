import type { CallContext } from "../context.js";
import type { OperationHandler } from "../server/types.js";
import type { GroupRow, LogsStore } from "../storage/logs-store.js";
import { groupArn, groupNotFound, parseGroupArn } from "../storage/logs-store.js";
import {
  checkCreateLength,
  decodeToken,
  encodeToken,
  GROUP_IDENTIFIER,
  GROUP_NAME,
  invalidParameter,
  reader,
  RETENTION_DAYS,
  TAG_KEY,
  TAG_VALUE,
} from "./common.js";

const TAGS = { min: 1, max: 50, key: TAG_KEY, value: TAG_VALUE } as const;
const CLASSES = ["STANDARD", "INFREQUENT_ACCESS", "DELIVERY"] as const;

/**
 * A log group as DescribeLogGroups lists it. A name-pattern search answers fewer members (no storedBytes, no
 * deletionProtectionEnabled). Both recorded by LocalStack: tests/aws/services/logs/test_logs_groups.snapshot.json
 * (test_describe_log_groups_with_prefix, test_describe_log_groups_with_pattern). The sandbox has no metric filters.
 */
function describe(g: GroupRow, patternSearch: boolean, metricFilterCount: number): Record<string, unknown> {
  const common = {
    logGroupName: g.name,
    creationTime: g.created_at,
    metricFilterCount,
    arn: `${groupArn(g)}:*`,
    logGroupClass: g.log_group_class,
    logGroupArn: groupArn(g),
  };
  if (patternSearch) return common;
  return {
    ...common,
    retentionInDays: g.retention_days ?? undefined,
    storedBytes: g.stored_bytes,
    kmsKeyId: g.kms_key_id ?? undefined,
    deletionProtectionEnabled: g.deletion_protection === 1,
  };
}

function groupFromIdentifier(store: LogsStore, ctx: CallContext, identifier: string): GroupRow {
  const g = store.resolveGroup(ctx.accountId, ctx.region, identifier);
  if (g === undefined) throw groupNotFound();
  return g;
}

/** A tagging ARN names a log group without the trailing ":*" (AWS rejects the wildcard form here). */
function groupFromResourceArn(store: LogsStore, ctx: CallContext, arn: string): GroupRow {
  const parsed = arn.endsWith(":*") ? undefined : parseGroupArn(arn);
  if (parsed === undefined)
    throw invalidParameter(`Invalid resourceArn: '${arn}'. Use the log group ARN without a trailing ':*'.`);
  if (parsed.accountId !== ctx.accountId || parsed.region !== ctx.region) throw groupNotFound();
  const g = store.findGroup(ctx.accountId, ctx.region, parsed.name);
  if (g === undefined) throw groupNotFound();
  return g;
}

export function groupOperations(
  store: LogsStore,
  metricFilterCount: (groupId: number) => number = () => 0,
): Record<string, OperationHandler> {
  return {
    CreateLogGroup(input, ctx) {
      const r = reader(input);
      const name = r.string("logGroupName", { ...GROUP_NAME, max: undefined, required: true }) ?? "";
      const kmsKeyId = r.string("kmsKeyId", { max: 256 });
      const tags = r.stringMap("tags", TAGS);
      const logGroupClass = r.string("logGroupClass", { enum: CLASSES });
      const protect = r.boolean("deletionProtectionEnabled");
      r.done();
      checkCreateLength(name);
      if (/^aws\//.test(name)) throw invalidParameter("Log group names starting with 'aws/' are reserved.");
      store.createGroup(ctx.accountId, ctx.region, name, ctx.now, { tags, kmsKeyId, logGroupClass, protect });
      return {};
    },

    DeleteLogGroup(input, ctx) {
      const r = reader(input);
      const name = r.string("logGroupName", { ...GROUP_NAME, required: true }) ?? "";
      r.done();
      store.deleteGroup(ctx.accountId, ctx.region, name);
      return {};
    },

    DescribeLogGroups(input, ctx) {
      const r = reader(input);
      const prefix = r.string("logGroupNamePrefix", GROUP_NAME);
      const pattern = r.string("logGroupNamePattern", {
        max: 512,
        pattern: /^[.\-_/#A-Za-z0-9]*$/,
        patternText: "[\\.\\-_/#A-Za-z0-9]*",
      });
      const limit = r.integer("limit", { min: 1, max: 50 }) ?? 50;
      const nextToken = r.string("nextToken", { min: 1 });
      const logGroupClass = r.string("logGroupClass", { enum: CLASSES });
      const identifiers = r.stringList("logGroupIdentifiers", { min: 1, max: 50, item: GROUP_IDENTIFIER });
      r.boolean("includeLinkedAccounts");
      r.stringList("accountIdentifiers", { min: 0, max: 20 });
      r.done();
      if (prefix !== undefined && pattern !== undefined) {
        throw invalidParameter("LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
      }
      const after =
        nextToken === undefined ? "" : decodeToken("groups", nextToken, (d): d is string => typeof d === "string");
      // Identifiers may be names or ARNs (with or without ":*"); they name groups of this account and Region only.
      const wanted =
        identifiers === undefined
          ? undefined
          : new Set(identifiers.map((id) => (id.startsWith("arn:") ? (parseGroupArn(id)?.name ?? "") : id)));
      const keep = (g: GroupRow): boolean =>
        (prefix === undefined || g.name.startsWith(prefix)) &&
        (pattern === undefined || g.name.includes(pattern)) &&
        (logGroupClass === undefined || g.log_group_class === logGroupClass) &&
        (wanted === undefined || wanted.has(g.name));
      const rows = store.listGroups(ctx.accountId, ctx.region, after, limit + 1, keep);
      const page = rows.slice(0, limit);
      return {
        logGroups: page.map((g) => describe(g, pattern !== undefined, metricFilterCount(g.id))),
        nextToken: rows.length > limit ? encodeToken("groups", page[page.length - 1]?.name ?? "") : undefined,
      };
    },

    PutLogGroupDeletionProtection(input, ctx) {
      const r = reader(input);
      const identifier = r.string("logGroupIdentifier", { ...GROUP_IDENTIFIER, required: true }) ?? "";
      const on = r.boolean("deletionProtectionEnabled", { required: true }) ?? false;
      r.done();
      store.setDeletionProtection(groupFromIdentifier(store, ctx, identifier).id, on);
      return {};
    },

    PutRetentionPolicy(input, ctx) {
      const r = reader(input);
      const name = r.string("logGroupName", { ...GROUP_NAME, required: true }) ?? "";
      const days = r.integer("retentionInDays", { required: true, enum: RETENTION_DAYS });
      r.done();
      store.setRetention(store.requireGroup(ctx.accountId, ctx.region, name).id, days ?? null);
      return {};
    },

    DeleteRetentionPolicy(input, ctx) {
      const r = reader(input);
      const name = r.string("logGroupName", { ...GROUP_NAME, required: true }) ?? "";
      r.done();
      store.setRetention(store.requireGroup(ctx.accountId, ctx.region, name).id, null);
      return {};
    },

    TagResource(input, ctx) {
      const r = reader(input);
      const arn = r.string("resourceArn", { required: true, min: 1, max: 1011 }) ?? "";
      const tags = r.stringMap("tags", { ...TAGS, required: true }) ?? {};
      r.done();
      store.tag(groupFromResourceArn(store, ctx, arn).id, tags);
      return {};
    },

    UntagResource(input, ctx) {
      const r = reader(input);
      const arn = r.string("resourceArn", { required: true, min: 1, max: 1011 }) ?? "";
      const keys = r.stringList("tagKeys", { required: true, min: 0, max: 50, item: TAG_KEY }) ?? [];
      r.done();
      store.untag(groupFromResourceArn(store, ctx, arn).id, keys);
      return {};
    },

    ListTagsForResource(input, ctx) {
      const r = reader(input);
      const arn = r.string("resourceArn", { required: true, min: 1, max: 1011 }) ?? "";
      r.done();
      return { tags: store.tags(groupFromResourceArn(store, ctx, arn).id) };
    },

    /** The deprecated name-based tagging calls, still used by older scripts. */
    TagLogGroup(input, ctx) {
      const r = reader(input);
      const name = r.string("logGroupName", { ...GROUP_NAME, required: true }) ?? "";
      const tags = r.stringMap("tags", { ...TAGS, required: true }) ?? {};
      r.done();
      store.tag(store.requireGroup(ctx.accountId, ctx.region, name).id, tags);
      return {};
    },

    UntagLogGroup(input, ctx) {
      const r = reader(input);
      const name = r.string("logGroupName", { ...GROUP_NAME, required: true }) ?? "";
      const keys = r.stringList("tags", { required: true, min: 1, max: 50, item: TAG_KEY }) ?? [];
      r.done();
      store.untag(store.requireGroup(ctx.accountId, ctx.region, name).id, keys);
      return {};
    },

    ListTagsLogGroup(input, ctx) {
      const r = reader(input);
      const name = r.string("logGroupName", { ...GROUP_NAME, required: true }) ?? "";
      r.done();
      return { tags: store.tags(store.requireGroup(ctx.accountId, ctx.region, name).id) };
    },
  };
}
