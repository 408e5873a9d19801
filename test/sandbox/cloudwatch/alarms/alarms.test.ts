/**
 * Metric alarms through the real SDK (AWS JSON 1.0), on the sandbox's clock: created INSUFFICIENT_DATA, evaluated
 * every minute on the data in their evaluation range, with AWS's reasons and history, metric math, SetAlarmState,
 * actions switched on and off, deletion. Sources: API reference pages of each operation; recorded AWS responses in
 * LocalStack's tests/aws/services/cloudwatch/test_cloudwatch.snapshot.json (RECORDED); the User Guide's
 * "Evaluating an alarm" (GUIDE).
 */
import {
  DeleteAlarmsCommand,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  DescribeAlarmsForMetricCommand,
  DisableAlarmActionsCommand,
  EnableAlarmActionsCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  SetAlarmStateCommand,
} from "@aws-sdk/client-cloudwatch";
import type { MetricAlarm, PutMetricAlarmCommandInput } from "@aws-sdk/client-cloudwatch";
import { describe, expect, it } from "vitest";
import { rejection, sandboxForFile } from "../../helpers.js";

const START = Date.UTC(2026, 2, 2, 12, 0, 0);
let clock = START;
const { c } = await sandboxForFile({ now: () => clock }, START - Date.now());
const MIN = 60_000;
/** The start of the current test's hour: every test moves the sandbox clock forward to a new hour, as time goes. */
let t0 = START;
/** "HH" of the current test's hour (UTC), for the dates in reasons. */
const hh = (): string => String(new Date(t0).getUTCHours()).padStart(2, "0");
const iso = (minute: number): string => new Date(t0 + minute * MIN).toISOString();
/** Moves the sandbox's clock, and the SDK's signing clock with it. */
function setClock(ms: number): void {
  clock = ms;
  c.cw.config.systemClockOffset = ms - Date.now();
}
function nextHour(): number {
  t0 = Math.floor(clock / 3600_000) * 3600_000 + 3600_000;
  setClock(t0);
  return t0;
}

async function put(namespace: string, name: string, points: [minute: number, value: number][]): Promise<void> {
  await c.cw.send(
    new PutMetricDataCommand({
      Namespace: namespace,
      MetricData: points.map(([minute, value]) => ({
        MetricName: name,
        Value: value,
        Unit: "Count",
        Timestamp: new Date(t0 + minute * MIN + 5_000),
      })),
    }),
  );
}

async function alarm(name: string): Promise<MetricAlarm> {
  const r = await c.cw.send(new DescribeAlarmsCommand({ AlarmNames: [name] }));
  expect(r.MetricAlarms).toHaveLength(1);
  return r.MetricAlarms![0]!;
}

const base = (name: string, namespace: string, extra: Partial<PutMetricAlarmCommandInput> = {}) => ({
  AlarmName: name,
  Namespace: namespace,
  MetricName: "Errors",
  Statistic: "Sum" as const,
  Period: 60,
  EvaluationPeriods: 1,
  Threshold: 5,
  ComparisonOperator: "GreaterThanThreshold" as const,
  ...extra,
});

describe("metric alarms", () => {
  it("start INSUFFICIENT_DATA and described as AWS describes a minimal alarm (RECORDED)", async () => {
    nextHour();
    await c.cw.send(new PutMetricAlarmCommand(base("minimal", "Lab/Minimal")));
    const a = await alarm("minimal");
    expect(a).toMatchObject({
      AlarmName: "minimal",
      AlarmArn: "arn:aws:cloudwatch:us-east-1:123456789012:alarm:minimal",
      ActionsEnabled: true,
      OKActions: [],
      AlarmActions: [],
      InsufficientDataActions: [],
      StateValue: "INSUFFICIENT_DATA",
      StateReason: "Unchecked: Initial alarm creation",
      MetricName: "Errors",
      Namespace: "Lab/Minimal",
      Statistic: "Sum",
      Dimensions: [],
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 5,
      ComparisonOperator: "GreaterThanThreshold",
    });
    expect(a.StateReasonData).toBeUndefined();
    expect(a.DatapointsToAlarm).toBeUndefined();
    expect(a.TreatMissingData).toBeUndefined();
    expect(a.AlarmConfigurationUpdatedTimestamp).toEqual(new Date(t0));
    expect(a.StateTransitionedTimestamp).toEqual(new Date(t0));
  });

  it("go to ALARM when the threshold is crossed, with AWS's reason and reason data, and back to OK", async () => {
    nextHour();
    await put("Lab/Cross", "Errors", [[0, 9]]);
    await c.cw.send(new PutMetricAlarmCommand(base("cross", "Lab/Cross", { Unit: "Count" })));
    setClock(t0 + MIN + 1_000);
    const a = await alarm("cross");
    expect(a.StateValue).toBe("ALARM");
    expect(a.StateReason).toBe(
      `Threshold Crossed: 1 datapoint [9.0 (02/03/26 ${hh()}:00:00)] was greater than the threshold (5.0).`,
    );
    expect(JSON.parse(a.StateReasonData!)).toEqual({
      version: "1.0",
      queryDate: iso(1).replace("Z", "+0000"),
      startDate: iso(0).replace("Z", "+0000"),
      unit: "Count",
      statistic: "Sum",
      period: 60,
      recentDatapoints: [9],
      threshold: 5,
      evaluatedDatapoints: [{ timestamp: iso(0).replace("Z", "+0000"), sampleCount: 1, value: 9 }],
    });
    expect(a.StateReasonData).toContain('"threshold":5.0');
    expect(a.StateTransitionedTimestamp).toEqual(new Date(t0 + MIN));
    await put("Lab/Cross", "Errors", [
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 1],
    ]);
    setClock(t0 + 5 * MIN + 1_000);
    const ok = await alarm("cross");
    expect(ok.StateValue).toBe("OK");
    expect(ok.StateReason).toMatch(
      new RegExp(
        `^Threshold Crossed: 1 datapoint \\[1\\.0 \\(02/03/26 ${hh()}:0\\d:00\\)\\] was not greater than the threshold \\(5\\.0\\)\\.$`,
      ),
    );
    const history = await c.cw.send(
      new DescribeAlarmHistoryCommand({ AlarmName: "cross", HistoryItemType: "StateUpdate" }),
    );
    expect(history.AlarmHistoryItems?.map((h) => h.HistorySummary)).toEqual([
      "Alarm updated from ALARM to OK",
      "Alarm updated from INSUFFICIENT_DATA to ALARM",
    ]);
    const data = JSON.parse(history.AlarmHistoryItems![1]!.HistoryData!) as Record<string, unknown>;
    expect(data).toMatchObject({
      version: "1.0",
      oldState: { stateValue: "INSUFFICIENT_DATA", stateReason: "Unchecked: Initial alarm creation" },
      newState: { stateValue: "ALARM", stateReasonData: { statistic: "Sum", recentDatapoints: [9] } },
    });
  });

  it("M out of N: 2 of 3 breaching periods (GUIDE), evaluated minute by minute while the sandbox sat idle", async () => {
    nextHour();
    await c.cw.send(
      new PutMetricAlarmCommand(base("m-of-n", "Lab/MofN", { EvaluationPeriods: 3, DatapointsToAlarm: 2 })),
    );
    await put("Lab/MofN", "Errors", [
      [0, 9],
      [1, 1],
      [2, 9],
      [3, 1],
      [4, 1],
      [5, 1],
    ]);
    setClock(t0 + 10 * MIN);
    const history = await c.cw.send(
      new DescribeAlarmHistoryCommand({
        AlarmName: "m-of-n",
        ScanBy: "TimestampAscending",
        HistoryItemType: "StateUpdate",
      }),
    );
    expect(history.AlarmHistoryItems?.map((h) => [h.HistorySummary, h.Timestamp?.toISOString()])).toEqual([
      ["Alarm updated from INSUFFICIENT_DATA to OK", iso(1)],
      ["Alarm updated from OK to ALARM", iso(3)],
      ["Alarm updated from ALARM to OK", iso(4)],
    ]);
    const alarmed = JSON.parse(history.AlarmHistoryItems![1]!.HistoryData!) as { newState: { stateReason: string } };
    expect(alarmed.newState.stateReason).toBe(
      `Threshold Crossed: 2 out of the last 3 datapoints [9.0 (02/03/26 ${hh()}:02:00), 1.0 (02/03/26 ${hh()}:01:00), 9.0 (02/03/26 ${hh()}:00:00)] were greater than the threshold (5.0) (minimum 2 datapoints for OK -> ALARM transition).`,
    );
  });

  it("treat missing data as AWS documents: missing stays INSUFFICIENT_DATA, breaching alarms, notBreaching is OK", async () => {
    nextHour();
    for (const treat of ["missing", "breaching", "notBreaching", "ignore"] as const) {
      await c.cw.send(new PutMetricAlarmCommand(base(`nodata-${treat}`, "Lab/Nothing", { TreatMissingData: treat })));
    }
    setClock(t0 + 3 * MIN);
    const states = await Promise.all(
      ["missing", "breaching", "notBreaching", "ignore"].map(async (t) => [t, (await alarm(`nodata-${t}`)).StateValue]),
    );
    expect(Object.fromEntries(states)).toEqual({
      missing: "INSUFFICIENT_DATA",
      breaching: "ALARM",
      notBreaching: "OK",
      ignore: "INSUFFICIENT_DATA",
    });
    expect((await alarm("nodata-breaching")).StateReason).toBe(
      "Threshold Crossed: no datapoints were received for 1 period and 1 missing datapoint was treated as [Breaching].",
    );
  });

  it("watch a metric math expression (the throttled share of calls)", async () => {
    nextHour();
    await put("Lab/Math", "Throttles", [
      [0, 1],
      [1, 6],
      [2, 8],
    ]);
    await put("Lab/Math", "Calls", [
      [0, 100],
      [1, 14],
      [2, 12],
    ]);
    const stat = (id: string, name: string) => ({
      Id: id,
      MetricStat: { Metric: { Namespace: "Lab/Math", MetricName: name }, Period: 60, Stat: "Sum" },
      ReturnData: false,
    });
    await c.cw.send(
      new PutMetricAlarmCommand({
        AlarmName: "throttle-share",
        Metrics: [
          stat("t", "Throttles"),
          stat("n", "Calls"),
          { Id: "share", Expression: "100 * t / (t + n)", Label: "Throttled %", ReturnData: true },
        ],
        EvaluationPeriods: 2,
        Threshold: 25,
        ComparisonOperator: "GreaterThanOrEqualToThreshold",
        TreatMissingData: "notBreaching",
      }),
    );
    const created = await alarm("throttle-share");
    expect(created.Metrics?.map((m) => m.Id)).toEqual(["t", "n", "share"]);
    expect(created.Metrics?.[2]).toEqual({
      Id: "share",
      Expression: "100 * t / (t + n)",
      Label: "Throttled %",
      ReturnData: true,
    });
    expect(created.MetricName).toBeUndefined();
    setClock(t0 + 3 * MIN);
    const a = await alarm("throttle-share");
    expect(a.StateValue).toBe("ALARM");
    expect(a.StateReason).toContain(
      `2 out of the last 2 datapoints [40.0 (02/03/26 ${hh()}:02:00), 30.0 (02/03/26 ${hh()}:01:00)]`,
    );
  });

  it("SetAlarmState holds until the next evaluation (GUIDE: 'lasts only until the next alarm comparison')", async () => {
    nextHour();
    await put("Lab/Set", "Errors", [
      [0, 1],
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
    await c.cw.send(new PutMetricAlarmCommand(base("set", "Lab/Set")));
    setClock(t0 + 2 * MIN);
    expect((await alarm("set")).StateValue).toBe("OK");
    await c.cw.send(new SetAlarmStateCommand({ AlarmName: "set", StateValue: "ALARM", StateReason: "testing alarm" }));
    const forced = await alarm("set");
    expect(forced).toMatchObject({ StateValue: "ALARM", StateReason: "testing alarm" });
    setClock(t0 + 3 * MIN);
    expect((await alarm("set")).StateValue).toBe("OK");
  });

  it("describe by prefix, state, action prefix and metric; page with MaxRecords and NextToken", async () => {
    nextHour();
    const topic = "arn:aws:sns:us-east-1:123456789012:oncall";
    await c.cw.send(new PutMetricAlarmCommand(base("page-a", "Lab/Page", { AlarmActions: [topic] })));
    await c.cw.send(new PutMetricAlarmCommand(base("page-b", "Lab/Page", { Statistic: "Maximum" })));
    await c.cw.send(new PutMetricAlarmCommand(base("page-c", "Lab/Page", { Period: 300 })));
    const first = await c.cw.send(new DescribeAlarmsCommand({ AlarmNamePrefix: "page-", MaxRecords: 2 }));
    expect(first.MetricAlarms?.map((a) => a.AlarmName)).toEqual(["page-a", "page-b"]);
    expect(first.CompositeAlarms).toEqual([]);
    const second = await c.cw.send(
      new DescribeAlarmsCommand({ AlarmNamePrefix: "page-", MaxRecords: 2, NextToken: first.NextToken }),
    );
    expect(second.MetricAlarms?.map((a) => a.AlarmName)).toEqual(["page-c"]);
    expect(second.NextToken).toBeUndefined();
    const byAction = await c.cw.send(
      new DescribeAlarmsCommand({ ActionPrefix: "arn:aws:sns:us-east-1:123456789012:on" }),
    );
    expect(byAction.MetricAlarms?.map((a) => a.AlarmName)).toEqual(["page-a"]);
    const composite = await c.cw.send(
      new DescribeAlarmsCommand({ AlarmNamePrefix: "page-", AlarmTypes: ["CompositeAlarm"] }),
    );
    expect(composite.MetricAlarms).toEqual([]);
    const forMetric = await c.cw.send(
      new DescribeAlarmsForMetricCommand({ Namespace: "Lab/Page", MetricName: "Errors", Statistic: "Sum", Period: 60 }),
    );
    expect(forMetric.MetricAlarms?.map((a) => a.AlarmName)).toEqual(["page-a"]);
  });

  it("switch actions off and on, update keeping the state, and delete (unknown names are ignored)", async () => {
    nextHour();
    await c.cw.send(new PutMetricAlarmCommand(base("life", "Lab/Life", { TreatMissingData: "breaching" })));
    setClock(t0 + MIN);
    expect((await alarm("life")).StateValue).toBe("ALARM");
    await c.cw.send(new DisableAlarmActionsCommand({ AlarmNames: ["life", "nope"] }));
    expect((await alarm("life")).ActionsEnabled).toBe(false);
    await c.cw.send(new EnableAlarmActionsCommand({ AlarmNames: ["life"] }));
    expect((await alarm("life")).ActionsEnabled).toBe(true);
    await c.cw.send(
      new PutMetricAlarmCommand(base("life", "Lab/Life", { Threshold: 50, TreatMissingData: "breaching" })),
    );
    expect(await alarm("life")).toMatchObject({ StateValue: "ALARM", Threshold: 50 });
    await c.cw.send(new DeleteAlarmsCommand({ AlarmNames: ["life", "never-existed"] }));
    expect((await c.cw.send(new DescribeAlarmsCommand({ AlarmNames: ["life"] }))).MetricAlarms).toEqual([]);
    const history = await c.cw.send(
      new DescribeAlarmHistoryCommand({ AlarmName: "life", HistoryItemType: "ConfigurationUpdate" }),
    );
    expect(history.AlarmHistoryItems?.map((h) => h.HistorySummary)).toEqual([
      'Alarm "life" deleted',
      'Alarm "life" updated',
      'Alarm "life" created',
    ]);
    expect(JSON.parse(history.AlarmHistoryItems![2]!.HistoryData!)).toMatchObject({
      type: "Create",
      createdAlarm: { alarmName: "life" },
    });
  });
});

describe("alarm errors", () => {
  it("SetAlarmState: an unknown state and an unknown alarm (RECORDED)", async () => {
    expect(
      await rejection(
        c.cw.send(new SetAlarmStateCommand({ AlarmName: "x", StateValue: "INVALID" as never, StateReason: "r" })),
      ),
    ).toMatchObject({
      message:
        "1 validation error detected: Value 'INVALID' at 'stateValue' failed to satisfy constraint: Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]",
      status: 400,
    });
    expect(
      await rejection(c.cw.send(new SetAlarmStateCommand({ AlarmName: "nope", StateValue: "OK", StateReason: "r" }))),
    ).toMatchObject({
      name: "ResourceNotFound",
      status: 404,
    });
  });

  it.each([
    [
      "an unknown TreatMissingData (LocalStack provider, AWS's wording)",
      { TreatMissingData: "sometimes" },
      "The value sometimes is not supported for TreatMissingData parameter. Supported values are [breaching, notBreaching, ignore, missing].",
    ],
    [
      "a period that is not 10, 20, 30 or a multiple of 60 (API reference: Period)",
      { Period: 90 },
      "Period must be 10, 20, 30 or a multiple of 60",
    ],
    [
      "M greater than N (API reference: DatapointsToAlarm)",
      { EvaluationPeriods: 2, DatapointsToAlarm: 3 },
      "DatapointsToAlarm must be between 1 and EvaluationPeriods.",
    ],
    [
      "an unknown EvaluateLowSampleCountPercentile",
      { EvaluateLowSampleCountPercentile: "maybe" },
      "Option maybe is not supported. Supported options for parameter EvaluateLowSampleCountPercentile are evaluate and ignore.",
    ],
  ])("PutMetricAlarm refuses %s", async (_what, extra, message) => {
    const r = await rejection(
      c.cw.send(new PutMetricAlarmCommand({ ...base("bad", "Lab/Bad"), ...(extra as object) })),
    );
    expect(r).toMatchObject({ message, status: 400 });
  });

  it("PutMetricAlarm refuses both Statistic and ExtendedStatistic, and Metrics with MetricName (API reference)", async () => {
    expect(
      await rejection(c.cw.send(new PutMetricAlarmCommand({ ...base("bad", "Lab/Bad"), ExtendedStatistic: "p90" }))),
    ).toMatchObject({
      name: "InvalidParameterCombinationException",
      status: 400,
    });
    const math = { Id: "e", Expression: "1", ReturnData: true };
    expect(
      await rejection(c.cw.send(new PutMetricAlarmCommand({ ...base("bad", "Lab/Bad"), Metrics: [math] }))),
    ).toMatchObject({
      name: "InvalidParameterCombinationException",
    });
  });

  it("PutMetricAlarm refuses a math list without exactly one ReturnData, an unknown id and a syntax error", async () => {
    const common = {
      AlarmName: "bad-math",
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: "GreaterThanThreshold" as const,
    };
    const m1 = { Id: "m1", MetricStat: { Metric: { Namespace: "Lab/Bad", MetricName: "X" }, Period: 60, Stat: "Sum" } };
    for (const Metrics of [
      [m1, { Id: "e1", Expression: "m1 * 2" }],
      [
        { ...m1, ReturnData: false },
        { Id: "e1", Expression: "m2 * 2", ReturnData: true },
      ],
      [
        { ...m1, ReturnData: false },
        { Id: "e1", Expression: "m1 * (2", ReturnData: true },
      ],
    ]) {
      expect(await rejection(c.cw.send(new PutMetricAlarmCommand({ ...common, Metrics })))).toMatchObject({
        status: 400,
      });
    }
  });

  it("DescribeAlarms refuses a forged NextToken (model: InvalidNextToken)", async () => {
    expect(await rejection(c.cw.send(new DescribeAlarmsCommand({ NextToken: "forged" })))).toMatchObject({
      name: "InvalidNextToken",
      status: 400,
    });
  });
});
