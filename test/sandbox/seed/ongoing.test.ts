/**
 * A seeded incident goes on after its history ends, as it would on AWS: a learner who creates an alarm ten minutes
 * after seeding (found by hand: the alarm stayed OK, the history having stopped at the seed) still sees the
 * incident in the newest data; the running sandbox writes the minutes that have passed before each call, from the
 * same seed, for two hours; a steady history is not continued; the seeded window itself does not move.
 */
import { GetMetricDataCommand, PutMetricAlarmCommand, DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import { DeleteLogGroupCommand, DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it } from "vitest";
import { catchUpWindow } from "../../../src/sandbox/seed/ongoing.js";
import { clients, startTestSandbox } from "../helpers.js";
import type { Clients } from "../helpers.js";

const NOW = Date.UTC(2026, 11, 2, 8, 0, 30);
const SONNET = "us.anthropic.claude-sonnet-4-6";

async function seed(endpoint: string, scenario: string): Promise<{ to: number; ongoingUntil?: number }> {
  const response = await fetch(`${endpoint}/_sandbox/seed`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ hours: 2, rate: 3, scenario, seed: 7 }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { to: number; ongoingUntil?: number };
}

/** Invocations and throttles of Sonnet 4.6's profile over [from, to), summed. */
async function sonnet(c: Clients, from: number, to: number): Promise<{ calls: number; throttles: number }> {
  const query = (id: string, metric: string) => ({
    Id: id,
    MetricStat: {
      Metric: { Namespace: "AWS/Bedrock", MetricName: metric, Dimensions: [{ Name: "ModelId", Value: SONNET }] },
      Period: 60,
      Stat: "Sum",
    },
  });
  const r = await c.cw.send(
    new GetMetricDataCommand({
      StartTime: new Date(from),
      EndTime: new Date(to),
      MetricDataQueries: [query("calls", "Invocations"), query("throttles", "InvocationThrottles")],
    }),
  );
  const sum = (id: string) =>
    (r.MetricDataResults ?? []).find((m) => m.Id === id)?.Values?.reduce((a, b) => a + b, 0) ?? 0;
  return { calls: sum("calls"), throttles: sum("throttles") };
}

describe("an ongoing seeded incident", () => {
  it("goes on after the seed: an alarm created 12 minutes later goes to ALARM on the newest data", async () => {
    let clock = NOW;
    const sandbox = await startTestSandbox({ now: () => clock });
    try {
      const seeded = await seed(sandbox.endpoint, "cost-spike");
      expect(seeded.ongoingUntil).toBe(NOW + 2 * 3600_000);
      clock = NOW + 12 * 60_000;
      const c = clients(sandbox, sandbox.credentials, sandbox.region, clock - Date.now());
      const after = await sonnet(c, NOW + 60_000, clock);
      expect(after.calls).toBeGreaterThan(5);
      expect(after.throttles).toBeGreaterThan(2);
      await c.cw.send(
        new PutMetricAlarmCommand({
          AlarmName: "sonnet-throttles",
          Namespace: "AWS/Bedrock",
          MetricName: "InvocationThrottles",
          Dimensions: [{ Name: "ModelId", Value: SONNET }],
          Statistic: "Sum",
          Period: 300,
          EvaluationPeriods: 1,
          Threshold: 2,
          ComparisonOperator: "GreaterThanThreshold",
          TreatMissingData: "notBreaching",
        }),
      );
      clock += 61_000;
      const offset = clock - Date.now();
      const later = clients(sandbox, sandbox.credentials, sandbox.region, offset);
      const { MetricAlarms } = await later.cw.send(new DescribeAlarmsCommand({ AlarmNames: ["sonnet-throttles"] }));
      expect(MetricAlarms?.[0]?.StateValue).toBe("ALARM");
      // The seeded window the investigation grades against stays where it was; only how far it reaches grows.
      const run = (await (await fetch(`${sandbox.endpoint}/_sandbox/seed`)).json()) as { to: number; through: number };
      expect(run.to).toBe(NOW);
      expect(run.through).toBe(Math.floor(clock / 60_000) * 60_000);
    } finally {
      await sandbox.close();
    }
  });

  it("stops two hours after the seed, or when cleanup deletes the group; a steady history is not continued", async () => {
    let clock = NOW;
    const sandbox = await startTestSandbox({ now: () => clock });
    try {
      await seed(sandbox.endpoint, "cost-spike");
      clock = NOW + 3 * 3600_000;
      const c = clients(sandbox, sandbox.credentials, sandbox.region, clock - Date.now());
      expect((await sonnet(c, NOW + 2 * 3600_000 + 60_000, clock)).calls).toBe(0);
      expect((await sonnet(c, NOW + 3600_000, NOW + 2 * 3600_000)).calls).toBeGreaterThan(30);

      // Cleanup deleted the log group: the incident ends, and the group does not come back.
      clock = NOW + 3 * 3600_000 + 5 * 60_000;
      await seed(sandbox.endpoint, "cost-spike");
      await c.logs.send(new DeleteLogGroupCommand({ logGroupName: "/aws/bedrock/model-invocations" }));
      clock += 10 * 60_000;
      const e = clients(sandbox, sandbox.credentials, sandbox.region, clock - Date.now());
      const groups = await e.logs.send(new DescribeLogGroupsCommand({}));
      expect(groups.logGroups ?? []).toEqual([]);
      expect((await sonnet(e, clock - 9 * 60_000, clock)).calls).toBe(0);

      clock = NOW + 4 * 3600_000;
      const steadyEnd = clock;
      await seed(sandbox.endpoint, "steady");
      clock = steadyEnd + 20 * 60_000;
      const d = clients(sandbox, sandbox.credentials, sandbox.region, clock - Date.now());
      expect((await sonnet(d, steadyEnd + 60_000, clock)).calls).toBe(0);
    } finally {
      await sandbox.close();
    }
  });

  it("writes the minutes due, whole, and at a high rate only the newest ones, so no call waits a minute", () => {
    const run = { to: NOW, through: NOW - 30_000, rate: 3 };
    expect(catchUpWindow(run, NOW + 20_000)).toBeUndefined();
    expect(catchUpWindow(run, NOW + 3 * 60_000 + 5_000)).toEqual({ from: NOW - 30_000, until: NOW + 150_000 });
    expect(catchUpWindow(run, NOW + 5 * 3600_000)?.until).toBe(NOW - 30_000 + 2 * 3600_000);
    // 600 calls a minute, started two hours later: the last 10 minutes (about 6,000 calls), not 72,000.
    const busy = catchUpWindow({ ...run, rate: 600 }, NOW + 2 * 3600_000);
    expect(busy).toEqual({ from: busy!.until - 10 * 60_000, until: NOW - 30_000 + 2 * 3600_000 });
  });
});
