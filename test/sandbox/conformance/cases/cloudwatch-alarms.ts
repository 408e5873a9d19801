/**
 * CloudWatch metric alarms: PutMetricAlarm, DescribeAlarms, DescribeAlarmsForMetric, DescribeAlarmHistory,
 * SetAlarmState, DeleteAlarms, EnableAlarmActions, DisableAlarmActions (sources: see cloudwatch.ts).
 */
import { PutMetricAlarmCommand, SetAlarmStateCommand } from "@aws-sdk/client-cloudwatch";
import type { DescribeAlarmsCommandOutput } from "@aws-sdk/client-cloudwatch";
import { DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import { expect } from "vitest";
import type { Protocolled } from "../runner.js";
import { noOutput } from "../runner.js";
import type { Clients } from "../../helpers.js";
import type { Case } from "./cloudwatch-common.js";
import { cwError, MODEL, RECORDED, REF } from "./cloudwatch-common.js";

const alarmInput = (tag: string) => ({
  AlarmName: `a-${tag}`,
  Namespace: `alarms/${tag}`,
  MetricName: "Errors",
  Statistic: "Sum",
  Period: 60,
  EvaluationPeriods: 1,
  Threshold: 30,
  ComparisonOperator: "GreaterThanThreshold",
});

/**
 * A one-minute alarm is evaluated on the minute (src/sandbox/cloudwatch/alarms/evaluator.ts), and an evaluation
 * replaces a state SetAlarmState set, as on AWS: a case that makes an alarm and reads back its state waits out the
 * last 3 s before a minute rather than straddle one (SetAlarmState's case once read INSUFFICIENT_DATA in a full run).
 */
async function clearOfEvaluation(): Promise<void> {
  const toNext = 60_000 - (Date.now() % 60_000);
  if (toNext < 3_000) await new Promise((resolve) => setTimeout(resolve, toNext + 50));
}

async function alarm(p: Protocolled<Clients>, tag: string): Promise<void> {
  await clearOfEvaluation();
  await p.client.send(new PutMetricAlarmCommand(alarmInput(tag) as never));
}

async function described(p: Protocolled<Clients>, tag: string): Promise<Record<string, unknown>> {
  const r = (await p.client.send(
    new DescribeAlarmsCommand({ AlarmNames: [`a-${tag}`] }),
  )) as DescribeAlarmsCommandOutput;
  return (r.MetricAlarms?.[0] ?? {}) as Record<string, unknown>;
}

export const ALARM_CASES: readonly Case[] = [
  {
    op: "PutMetricAlarm",
    name: "creates an alarm (no output), INSUFFICIENT_DATA until evaluated",
    source: `${MODEL} PutMetricAlarm has no output; ${RECORDED("test_describe_minimal_metric_alarm")}`,
    input: alarmInput,
    expect: async (out, p) => {
      noOutput(out);
      expect(await described(p, p.tag)).toMatchObject({
        StateValue: "INSUFFICIENT_DATA",
        StateReason: "Unchecked: Initial alarm creation",
        Dimensions: [],
        Threshold: 30,
      });
    },
  },
  {
    op: "PutMetricAlarm",
    name: "an unknown TreatMissingData is ValidationError",
    source: "LocalStack provider_v2.put_metric_alarm, AWS's wording for TreatMissingData",
    input: (tag) => ({ ...alarmInput(tag), TreatMissingData: "sometimes" }),
    expect: cwError(
      "ValidationError",
      "ValidationException",
      "The value sometimes is not supported for TreatMissingData parameter. Supported values are [breaching, notBreaching, ignore, missing].",
    ),
  },
  {
    op: "PutMetricAlarm",
    name: "Statistic with ExtendedStatistic is InvalidParameterCombination",
    source: `${REF("PutMetricAlarm")} (Statistic: "you must specify either Statistic or ExtendedStatistic, but not both")`,
    input: (tag) => ({ ...alarmInput(tag), ExtendedStatistic: "p90" }),
    expect: cwError("InvalidParameterCombination", "InvalidParameterCombinationException"),
  },
  {
    op: "DescribeAlarms",
    name: "lists metric alarms and an empty composite list",
    source: RECORDED("test_delete_alarm (describe-alarm)"),
    setup: (p, tag) => alarm(p, tag),
    input: (tag) => ({ AlarmNames: [`a-${tag}`] }),
    expect: (out) => {
      expect(out.CompositeAlarms).toEqual([]);
      expect((out.MetricAlarms as { AlarmArn: string }[])[0]?.AlarmArn).toMatch(
        /^arn:aws:cloudwatch:us-east-1:\d{12}:alarm:a-/,
      );
    },
  },
  {
    op: "DescribeAlarms",
    name: "a forged NextToken is InvalidNextToken",
    source: `${MODEL} DescribeAlarms errors: InvalidNextToken`,
    input: () => ({ NextToken: "forged" }),
    expect: cwError("InvalidNextToken", "InvalidNextToken"),
  },
  {
    op: "DescribeAlarmsForMetric",
    name: "finds the alarms of a metric",
    source: RECORDED("test_put_metric_alarm (describe-alarms-for-metric)"),
    setup: (p, tag) => alarm(p, tag),
    input: (tag) => ({ Namespace: `alarms/${tag}`, MetricName: "Errors" }),
    expect: (out, p) =>
      expect((out.MetricAlarms as { AlarmName: string }[]).map((a) => a.AlarmName)).toEqual([`a-${p.tag}`]),
  },
  {
    op: "DescribeAlarmHistory",
    name: "records the creation as a ConfigurationUpdate",
    source: `${REF("DescribeAlarmHistory")}; HistoryItemType values from ${MODEL}`,
    setup: (p, tag) => alarm(p, tag),
    input: (tag) => ({ AlarmName: `a-${tag}` }),
    expect: (out, p) =>
      expect(out.AlarmHistoryItems).toEqual([
        expect.objectContaining({
          AlarmName: `a-${p.tag}`,
          AlarmType: "MetricAlarm",
          HistoryItemType: "ConfigurationUpdate",
          HistorySummary: `Alarm "a-${p.tag}" created`,
        }),
      ]),
  },
  {
    op: "DescribeAlarmHistory",
    name: "a forged NextToken is InvalidNextToken",
    source: `${MODEL} DescribeAlarmHistory errors: InvalidNextToken`,
    input: () => ({ NextToken: "forged" }),
    expect: cwError("InvalidNextToken", "InvalidNextToken"),
  },
  {
    op: "SetAlarmState",
    name: "sets the state and reason (no output)",
    source: RECORDED("test_set_alarm (triggered-alarm)"),
    setup: (p, tag) => alarm(p, tag),
    input: (tag) => ({ AlarmName: `a-${tag}`, StateValue: "ALARM", StateReason: "testing alarm" }),
    expect: async (out, p) => {
      noOutput(out);
      expect(await described(p, p.tag)).toMatchObject({ StateValue: "ALARM", StateReason: "testing alarm" });
    },
  },
  {
    op: "SetAlarmState",
    name: "an unknown state is ValidationError",
    source: RECORDED("test_set_alarm_invalid_input (error-invalid-state)"),
    input: () => ({ AlarmName: "x", StateValue: "INVALID", StateReason: "r" }),
    expect: cwError(
      "ValidationError",
      "ValidationException",
      "1 validation error detected: Value 'INVALID' at 'stateValue' failed to satisfy constraint: Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]",
    ),
  },
  {
    op: "SetAlarmState",
    name: "an unknown alarm is ResourceNotFound (404, empty message)",
    source: RECORDED("test_set_alarm_invalid_input (error-resource-not-found)"),
    input: (tag) => ({ AlarmName: `missing-${tag}`, StateValue: "OK", StateReason: "r" }),
    expect: { error: { code: "ResourceNotFound", status: 404 } },
  },
  {
    op: "SetAlarmState",
    name: "StateReasonData that is not JSON is InvalidFormat",
    source: `${MODEL} SetAlarmState errors: InvalidFormatFault (code InvalidFormat); ${REF("SetAlarmState")} (StateReasonData is JSON)`,
    setup: (p, tag) => alarm(p, tag),
    input: (tag) => ({ AlarmName: `a-${tag}`, StateValue: "OK", StateReason: "r", StateReasonData: "{not json" }),
    expect: cwError("InvalidFormat", "InvalidFormatFault"),
  },
  {
    op: "DeleteAlarms",
    name: "deletes the named alarms and ignores unknown names (no output)",
    source: `${REF("DeleteAlarms")} ("If you specify any incorrect alarm names, the alarms you specify with correct names are still deleted")`,
    setup: (p, tag) => alarm(p, tag),
    input: (tag) => ({ AlarmNames: [`a-${tag}`, `never-${tag}`] }),
    expect: async (out, p) => {
      noOutput(out);
      expect(await described(p, p.tag)).toEqual({});
    },
  },
  {
    op: "DisableAlarmActions",
    name: "turns the actions off (no output)",
    source: RECORDED("test_enable_disable_alarm_actions (describe_alarm_disabled)"),
    setup: (p, tag) => alarm(p, tag),
    input: (tag) => ({ AlarmNames: [`a-${tag}`] }),
    expect: async (out, p) => {
      noOutput(out);
      expect((await described(p, p.tag)).ActionsEnabled).toBe(false);
    },
  },
  {
    op: "EnableAlarmActions",
    name: "turns the actions back on (no output)",
    source: RECORDED("test_enable_disable_alarm_actions"),
    setup: async (p, tag) => {
      await alarm(p, tag);
      await p.client.send(new SetAlarmStateCommand({ AlarmName: `a-${tag}`, StateValue: "OK", StateReason: "r" }));
    },
    input: (tag) => ({ AlarmNames: [`a-${tag}`] }),
    expect: async (out, p) => {
      noOutput(out);
      expect((await described(p, p.tag)).ActionsEnabled).toBe(true);
    },
  },
];
