/**
 * Alarms on the wire in the three protocols CloudWatch speaks (docs/aws-behaviour.md): AWS Query (form in, XML out), AWS
 * JSON 1.0 with the query-compatible error header, and Smithy RPC v2 CBOR. Error codes from botocore's model
 * (ResourceNotFound: Query code ResourceNotFound, HTTP 404) and LocalStack's recorded AWS responses
 * (test_set_alarm_invalid_input: ValidationError in every protocol).
 */
import { cbor } from "@smithy/core/cbor";
import { describe, expect, it } from "vitest";
import { sandboxForFile } from "../helpers.js";
import { cloudwatchCalls } from "./cloudwatch-calls.js";

const { sandbox } = await sandboxForFile();

const { query, json, cbor: cborCall } = cloudwatchCalls(sandbox);
const STATE_ERROR =
  "1 validation error detected: Value 'INVALID' at 'stateValue' failed to satisfy constraint: Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]";

describe("alarms over AWS Query", () => {
  it("creates a metric-math alarm from member lists and describes it in XML", async () => {
    const put = await query({
      Action: "PutMetricAlarm",
      AlarmName: "q-math",
      "Metrics.member.1.Id": "t",
      "Metrics.member.1.MetricStat.Metric.Namespace": "AWS/Bedrock",
      "Metrics.member.1.MetricStat.Metric.MetricName": "InvocationThrottles",
      "Metrics.member.1.MetricStat.Metric.Dimensions.member.1.Name": "ModelId",
      "Metrics.member.1.MetricStat.Metric.Dimensions.member.1.Value": "us.anthropic.claude-sonnet-4-6",
      "Metrics.member.1.MetricStat.Period": "300",
      "Metrics.member.1.MetricStat.Stat": "Sum",
      "Metrics.member.1.ReturnData": "false",
      "Metrics.member.2.Id": "e",
      "Metrics.member.2.Expression": "FILL(t, 0)",
      "Metrics.member.2.ReturnData": "true",
      EvaluationPeriods: "2",
      DatapointsToAlarm: "1",
      Threshold: "10",
      ComparisonOperator: "GreaterThanThreshold",
      "AlarmActions.member.1": "arn:aws:sns:us-east-1:123456789012:oncall",
    });
    expect(put.status).toBe(200);
    expect(put.text).toContain("<PutMetricAlarmResponse");
    expect(put.text).not.toContain("<PutMetricAlarmResult");
    const described = await query({ Action: "DescribeAlarms", "AlarmNames.member.1": "q-math" });
    expect(described.status).toBe(200);
    expect(described.text).toMatch(
      /<DescribeAlarmsResult><CompositeAlarms(\/>|><\/CompositeAlarms>)<MetricAlarms><member><AlarmName>q-math<\/AlarmName>/,
    );
    expect(described.text).toContain(
      "<AlarmActions><member>arn:aws:sns:us-east-1:123456789012:oncall</member></AlarmActions>",
    );
    expect(described.text).toContain("<Expression>FILL(t, 0)</Expression>");
    expect(described.text).toContain("<StateValue>INSUFFICIENT_DATA</StateValue>");
  });

  it("answers errors as ErrorResponse with the Query code", async () => {
    const bad = await query({ Action: "SetAlarmState", AlarmName: "q-math", StateValue: "INVALID", StateReason: "r" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("<Code>ValidationError</Code>");
    expect(bad.text.replaceAll("&apos;", "'")).toContain(`<Message>${STATE_ERROR}</Message>`);
    const missing = await query({ Action: "SetAlarmState", AlarmName: "nope", StateValue: "OK", StateReason: "r" });
    expect(missing.status).toBe(404);
    expect(missing.text).toContain("<Code>ResourceNotFound</Code>");
  });
});

describe("alarms over AWS JSON 1.0 (query mode)", () => {
  it("names the Query code in x-amzn-query-error", async () => {
    const bad = await json("SetAlarmState", { AlarmName: "x", StateValue: "INVALID", StateReason: "r" });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("x-amzn-query-error")).toBe("ValidationError;Sender");
    expect((JSON.parse(bad.text) as { message: string }).message).toBe(STATE_ERROR);
    const missing = await json("SetAlarmState", { AlarmName: "nope", StateValue: "OK", StateReason: "r" });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-amzn-query-error")).toBe("ResourceNotFound;Sender");
    expect(JSON.parse(missing.text)).toMatchObject({ __type: "ResourceNotFound", message: "" });
  });
});

describe("alarms over Smithy RPC v2 CBOR", () => {
  it("round-trips an alarm, with timestamps as tag-1 values", async () => {
    const put = await cborCall("PutMetricAlarm", {
      AlarmName: "c-alarm",
      Namespace: "AWS/Bedrock",
      MetricName: "InvocationLatency",
      Dimensions: [{ Name: "ModelId", Value: "us.amazon.nova-lite-v1:0" }],
      ExtendedStatistic: "p95",
      Period: 300,
      EvaluationPeriods: 3,
      Threshold: 2000,
      ComparisonOperator: "GreaterThanThreshold",
      TreatMissingData: "notBreaching",
    });
    expect(put.status).toBe(200);
    const r = await cborCall("DescribeAlarmsForMetric", { Namespace: "AWS/Bedrock", MetricName: "InvocationLatency" });
    expect(r.status).toBe(200);
    const out = cbor.deserialize(r.bytes) as { MetricAlarms: Record<string, unknown>[] };
    expect(out.MetricAlarms[0]).toMatchObject({ AlarmName: "c-alarm", ExtendedStatistic: "p95", Threshold: 2000 });
    expect((out.MetricAlarms[0]?.StateUpdatedTimestamp as { tag: number }).tag).toBe(1);
    const missing = await cborCall("SetAlarmState", { AlarmName: "nope", StateValue: "OK", StateReason: "r" });
    expect(missing.status).toBe(404);
    expect(cbor.deserialize(missing.bytes)).toMatchObject({ __type: "ResourceNotFound" });
  });
});
