/** The dashboard preview shows alarm states: beside a metric widget's chart, and as an alarm widget's table. */
import { PutMetricAlarmCommand } from "@aws-sdk/client-cloudwatch";
import { describe, expect, it } from "vitest";
import type { ReadCtx } from "../../steps/lib/model.js";
import { alarmWidgetTable, chartAlarms } from "../../steps/lib/dashboard-alarms.js";
import { metricRow } from "../../steps/lib/dashboard-body.js";
import { sandboxForFile } from "../sandbox/helpers.js";

const { c } = await sandboxForFile();
const ctx = { aws: { cloudwatch: c.cw }, signal: new AbortController().signal } as unknown as ReadCtx;

describe("alarms in the dashboard preview", () => {
  it("finds the alarms set on a charted metric and those an annotation names (a missing one too)", async () => {
    await c.cw.send(
      new PutMetricAlarmCommand({
        AlarmName: "invocations-low",
        Namespace: "AWS/Bedrock",
        MetricName: "Invocations",
        Dimensions: [{ Name: "ModelId", Value: "m" }],
        Statistic: "Sum",
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: "LessThanThreshold",
      }),
    );
    const alarms = await chartAlarms(
      ctx,
      [metricRow("Invocations", "m", "Sum")],
      ["arn:aws:cloudwatch:us-east-1:123456789012:alarm:not-there"],
    );
    expect(alarms).toEqual([
      { name: "invocations-low", threshold: 1, state: "INSUFFICIENT_DATA" },
      { name: "not-there", state: "missing" },
    ]);
  });

  it("turns an alarm widget into a table of states", async () => {
    const output = await alarmWidgetTable(ctx, "Alarms", [
      "arn:aws:cloudwatch:us-east-1:123456789012:alarm:invocations-low",
      "arn:aws:cloudwatch:us-east-1:123456789012:alarm:not-there",
    ]);
    expect(output.kind === "table" && output.rows.map((row) => [row.name, row.state])).toEqual([
      ["invocations-low", "INSUFFICIENT_DATA"],
      ["not-there", { vi: "không tìm thấy", en: "not found" }],
    ]);
  });
});
