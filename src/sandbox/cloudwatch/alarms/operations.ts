/**
 * CloudWatch's metric-alarm operations on the sandbox: PutMetricAlarm, DescribeAlarms, DescribeAlarmsForMetric,
 * DescribeAlarmHistory, SetAlarmState, DeleteAlarms, EnableAlarmActions, DisableAlarmActions. Members and rules from
 * botocore's model and the API reference; behaviour worth knowing:
 *   - a new alarm is INSUFFICIENT_DATA, "Unchecked: Initial alarm creation", until its first evaluation; updating
 *     an alarm keeps its state and overwrites its configuration (and ignores Tags);
 *   - DescribeAlarms returns metric alarms only unless AlarmTypes asks for composite ones (the sandbox has none);
 *   - DeleteAlarms deletes the names that exist and ignores the others;
 *   - SetAlarmState lasts until the next evaluation; actions are recorded as enabled or not but never run (the
 *     sandbox has no SNS, EC2 or Auto Scaling to run them on).
 */
import type { CallContext } from "../../context.js";
import type { OperationHandler } from "../../server/types.js";
import { invalidNextToken, validationError } from "../errors.js";
import { decodeOffsetToken, encodeToken, optInteger, optList, optString, optTimestamp } from "../input.js";
import type { Input } from "../input.js";
import { readDimensions } from "../metric-datum.js";
import { readAlarmDefinition } from "./definition.js";
import type { AlarmState } from "./evaluate.js";
import { alarmNotFound, invalidFormat } from "./errors.js";
import type { AlarmEvaluator } from "./evaluator.js";
import { configurationData, renderAlarm } from "./render.js";
import type { AlarmRow, AlarmStore } from "./store.js";

const STATES: readonly AlarmState[] = ["INSUFFICIENT_DATA", "ALARM", "OK"];
const HISTORY_TYPES = [
  "ConfigurationUpdate",
  "StateUpdate",
  "Action",
  "AlarmContributorStateUpdate",
  "AlarmContributorAction",
];
export const INITIAL_REASON = "Unchecked: Initial alarm creation";

function enumValue<T extends string>(value: string | undefined, member: string, allowed: readonly T[]): T | undefined {
  if (value === undefined || (allowed as readonly string[]).includes(value)) return value as T | undefined;
  throw validationError(
    `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(", ")}]`,
  );
}

function names(input: Input, key: string, member: string, required: boolean): string[] {
  const list = optList(input, key);
  if (list === undefined) {
    if (required)
      throw validationError(
        `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
      );
    return [];
  }
  if (list.length > 100)
    throw validationError(
      `1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must have length less than or equal to 100`,
    );
  return list.map(String);
}

function maxRecords(input: Input, fallback: number): number {
  const value = optInteger(input, "MaxRecords") ?? fallback;
  if (value < 1 || value > 100) {
    throw validationError(
      `1 validation error detected: Value '${value}' at 'maxRecords' failed to satisfy constraint: Member must have value between 1 and 100`,
    );
  }
  return value;
}

function page<T>(items: readonly T[], input: Input, kind: string, fallback: number): { items: T[]; next?: string } {
  const limit = maxRecords(input, fallback);
  const token = optString(input, "NextToken");
  let offset = 0;
  try {
    offset = decodeOffsetToken(kind, token);
  } catch {
    throw invalidNextToken();
  }
  const slice = items.slice(offset, offset + limit);
  return offset + limit < items.length
    ? { items: slice, next: encodeToken(kind, String(offset + limit)) }
    : { items: slice };
}

export function alarmOperations(store: AlarmStore, evaluator: AlarmEvaluator): Record<string, OperationHandler> {
  const require = (ctx: CallContext, name: string): AlarmRow => {
    const row = store.get(ctx.accountId, ctx.region, name);
    if (row === undefined) throw alarmNotFound();
    return row;
  };
  const configured = (ctx: CallContext, type: "Create" | "Update" | "Delete", row: AlarmRow): void =>
    store.addHistory(ctx.accountId, ctx.region, {
      alarmName: row.name,
      timestamp: ctx.now,
      type: "ConfigurationUpdate",
      summary: `Alarm "${row.name}" ${{ Create: "created", Update: "updated", Delete: "deleted" }[type]}`,
      data: configurationData(type, row),
    });
  const setActions = (enabled: boolean) => (input: Input, ctx: CallContext) => {
    for (const name of names(input, "AlarmNames", "alarmNames", true)) {
      const row = store.get(ctx.accountId, ctx.region, name);
      if (row !== undefined)
        store.updateDefinition(row, { ...row.definition, actionsEnabled: enabled }, row.configUpdatedAt);
    }
    return {};
  };
  return {
    PutMetricAlarm(input, ctx) {
      const definition = readAlarmDefinition(input);
      store.transaction(() => {
        const existing = store.get(ctx.accountId, ctx.region, definition.name);
        if (existing !== undefined) {
          const updated = { ...definition, tags: existing.definition.tags };
          store.updateDefinition(existing, updated, ctx.now);
          configured(ctx, "Update", { ...existing, definition: updated, configUpdatedAt: ctx.now });
          return;
        }
        const row: AlarmRow = {
          accountId: ctx.accountId,
          region: ctx.region,
          name: definition.name,
          definition,
          configUpdatedAt: ctx.now,
          state: "INSUFFICIENT_DATA",
          stateReason: INITIAL_REASON,
          stateReasonData: null,
          stateUpdatedAt: ctx.now,
          stateTransitionedAt: ctx.now,
          evaluatedAt: ctx.now,
        };
        store.insert(row);
        configured(ctx, "Create", row);
      });
      return {};
    },

    DescribeAlarms(input, ctx) {
      const wanted = names(input, "AlarmNames", "alarmNames", false);
      const prefix = optString(input, "AlarmNamePrefix");
      const state = enumValue(optString(input, "StateValue"), "stateValue", STATES);
      const actionPrefix = optString(input, "ActionPrefix");
      const types = (optList(input, "AlarmTypes") ?? ["MetricAlarm"]).map(String);
      for (const type of types) enumValue(type, "alarmTypes.member", ["CompositeAlarm", "MetricAlarm"] as const);
      const rows = types.includes("MetricAlarm")
        ? store.list(ctx.accountId, ctx.region).filter((row) => {
            const d = row.definition;
            return (
              (wanted.length === 0 || wanted.includes(row.name)) &&
              (prefix === undefined || row.name.startsWith(prefix)) &&
              (state === undefined || row.state === state) &&
              (actionPrefix === undefined ||
                [...d.okActions, ...d.alarmActions, ...d.insufficientDataActions].some((a) =>
                  a.startsWith(actionPrefix),
                ))
            );
          })
        : [];
      const { items, next } = page(rows, input, "alarms", 50);
      return {
        CompositeAlarms: [],
        MetricAlarms: items.map(renderAlarm),
        ...(next === undefined ? {} : { NextToken: next }),
      };
    },

    DescribeAlarmsForMetric(input, ctx) {
      const metricName = optString(input, "MetricName");
      const namespace = optString(input, "Namespace");
      if (metricName === undefined)
        throw validationError(
          "1 validation error detected: Value null at 'metricName' failed to satisfy constraint: Member must not be null",
        );
      if (namespace === undefined)
        throw validationError(
          "1 validation error detected: Value null at 'namespace' failed to satisfy constraint: Member must not be null",
        );
      const statistic = optString(input, "Statistic");
      const extended = optString(input, "ExtendedStatistic");
      const period = optInteger(input, "Period");
      const unit = optString(input, "Unit");
      const dimensions = input.Dimensions === undefined ? undefined : JSON.stringify(readDimensions(input, ""));
      const rows = store.list(ctx.accountId, ctx.region).filter(({ definition: { single } }) => {
        if (single === undefined || single.metric.metricName !== metricName || single.metric.namespace !== namespace)
          return false;
        return (
          (statistic === undefined || single.statistic === statistic) &&
          (extended === undefined || single.extendedStatistic === extended) &&
          (period === undefined || single.periodSec === period) &&
          (unit === undefined || single.unit === unit) &&
          (dimensions === undefined || JSON.stringify(single.metric.dimensions) === dimensions)
        );
      });
      return { MetricAlarms: rows.map(renderAlarm) };
    },

    DescribeAlarmHistory(input, ctx) {
      const name = optString(input, "AlarmName");
      const type = enumValue(optString(input, "HistoryItemType"), "historyItemType", HISTORY_TYPES);
      const from = optTimestamp(input, "StartDate") ?? Number.NEGATIVE_INFINITY;
      const to = optTimestamp(input, "EndDate") ?? Number.POSITIVE_INFINITY;
      const scanBy = enumValue(optString(input, "ScanBy"), "scanBy", [
        "TimestampDescending",
        "TimestampAscending",
      ] as const);
      const types = (optList(input, "AlarmTypes") ?? ["MetricAlarm"]).map(String);
      const items = types.includes("MetricAlarm")
        ? store
            .history(ctx.accountId, ctx.region)
            .filter(
              (item) => (name === undefined || item.alarmName === name) && (type === undefined || item.type === type),
            )
            .filter((item) => item.timestamp >= from && item.timestamp <= to)
        : [];
      if (scanBy !== "TimestampAscending") items.reverse();
      const { items: shown, next } = page(items, input, "history", 100);
      return {
        AlarmHistoryItems: shown.map((item) => ({
          AlarmName: item.alarmName,
          AlarmType: "MetricAlarm",
          Timestamp: new Date(item.timestamp),
          HistoryItemType: item.type,
          HistorySummary: item.summary,
          HistoryData: item.data,
        })),
        ...(next === undefined ? {} : { NextToken: next }),
      };
    },

    SetAlarmState(input, ctx) {
      const name = optString(input, "AlarmName");
      if (name === undefined)
        throw validationError(
          "1 validation error detected: Value null at 'alarmName' failed to satisfy constraint: Member must not be null",
        );
      const state = enumValue(optString(input, "StateValue"), "stateValue", STATES);
      if (state === undefined)
        throw validationError(
          "1 validation error detected: Value null at 'stateValue' failed to satisfy constraint: Member must not be null",
        );
      const reason = optString(input, "StateReason");
      if (reason === undefined)
        throw validationError(
          "1 validation error detected: Value null at 'stateReason' failed to satisfy constraint: Member must not be null",
        );
      const data = optString(input, "StateReasonData");
      if (data !== undefined) {
        try {
          JSON.parse(data);
        } catch {
          throw invalidFormat("Unknown");
        }
      }
      store.transaction(() => {
        const row = require(ctx, name);
        if (row.state === state) store.setState(row, state, reason, data ?? null, ctx.now);
        else evaluator.transition(row, state, reason, data ?? null, ctx.now);
      });
      return {};
    },

    DeleteAlarms(input, ctx) {
      const list = names(input, "AlarmNames", "alarmNames", true);
      store.transaction(() => {
        for (const name of list) {
          const row = store.get(ctx.accountId, ctx.region, name);
          if (row !== undefined && store.remove(ctx.accountId, ctx.region, name)) configured(ctx, "Delete", row);
        }
      });
      return {};
    },

    EnableAlarmActions: setActions(true),
    DisableAlarmActions: setActions(false),
  };
}
