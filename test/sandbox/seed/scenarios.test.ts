/**
 * Each incident of `sandbox seed --scenario` starts at the time the result names and is still going on in the
 * history's last minutes (so an alarm created afterwards sees it), and before it the history is ordinary.
 * Measured the way a learner would: Logs Insights queries and AWS/Bedrock metrics through the SDK.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { afterAll, describe, expect, it } from "vitest";
import { seedHistory } from "../../../src/sandbox/index.js";
import type { ScenarioName, SeedResult } from "../../../src/sandbox/index.js";
import { clients, startTestSandbox } from "../helpers.js";
import type { Clients } from "../helpers.js";
import { insights, metricTotal } from "./query.js";

const dir = mkdtempSync(join(tmpdir(), "seed-scenario-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NOW = Date.UTC(2026, 11, 2, 8, 0, 0); // 15:00 in Vietnam, a busy afternoon
const MIN = 60_000;

async function withHistory(
  scenario: ScenarioName,
  test: (c: Clients, r: SeedResult, start: number) => Promise<void>,
): Promise<void> {
  const dbPath = join(dir, `${scenario}.db`);
  const result = await seedHistory({ dbPath, hours: 3, rate: 3, now: NOW, seed: 21, scenario });
  const sandbox = await startTestSandbox({ dbPath, now: () => NOW + MIN });
  try {
    expect(result.incidentStart).toBe(NOW - 45 * MIN);
    await test(
      clients(sandbox, sandbox.credentials, sandbox.region, NOW - Date.now()),
      result,
      result.incidentStart ?? 0,
    );
  } finally {
    await sandbox.close();
  }
}

/** The share of the records `base` selects that `hit` also selects, over [from, to). */
const share = async (c: Clients, base: string, hit: string, from: number, to: number): Promise<number> => {
  const count = async (query: string): Promise<number> =>
    Number((await insights(c, `${query} | stats count(*) as n`, { from, to }))[0]?.n ?? 0);
  const all = await count(base);
  expect(all).toBeGreaterThan(0);
  return (await count(`${base} | filter ${hit}`)) / all;
};
const THROTTLED = 'errorCode = "ThrottlingException"';

describe("seeded incidents", () => {
  it("throttling: the Claude profiles are throttled from the start to the end, not before", async () => {
    await withHistory("throttling", async (c, r, start) => {
      const claude = "filter modelId like /claude/";
      expect(await share(c, claude, THROTTLED, r.from, start)).toBeLessThan(0.03);
      expect(await share(c, claude, THROTTLED, start + 10 * MIN, NOW)).toBeGreaterThan(0.25);
      expect(await share(c, claude, THROTTLED, NOW - 5 * MIN, NOW)).toBeGreaterThan(0.25);
      const dims = [{ Name: "ModelId", Value: "us.anthropic.claude-haiku-4-5-20251001-v1:0" }];
      expect(
        await metricTotal(c, "InvocationThrottles", dims, { from: NOW - 10 * MIN, to: NOW + MIN }),
      ).toBeGreaterThan(5);
      const [before] = await insights(c, "stats count(*) as n", { from: start - 30 * MIN, to: start });
      const [after] = await insights(c, "stats count(*) as n", { from: NOW - 30 * MIN, to: NOW });
      expect(Number(after?.n)).toBeGreaterThan(1.8 * Number(before?.n));
    });
  });

  it("cost-spike: one small tenant's documents dominate the tokens, then Sonnet throttles", async () => {
    await withHistory("cost-spike", async (c, r, start) => {
      const byTenant =
        "stats sum(input.inputTokenCount) as tokens by requestMetadata.tenant_id | sort tokens desc | limit 1";
      const [top] = await insights(c, byTenant, { from: start, to: NOW });
      expect(top?.["requestMetadata.tenant_id"]).toBe("mekong-travel");
      const [usual] = await insights(c, byTenant, { from: r.from, to: start });
      expect(usual?.["requestMetadata.tenant_id"]).not.toBe("mekong-travel");
      const sonnet = "filter modelId like /us.anthropic.claude-sonnet-4-6/";
      expect(await share(c, sonnet, THROTTLED, start, start + 7 * MIN)).toBeLessThan(0.05);
      expect(await share(c, sonnet, THROTTLED, start + 14 * MIN, NOW)).toBeGreaterThan(0.35);
      const dims = [{ Name: "ModelId", Value: "us.anthropic.claude-sonnet-4-6" }];
      const spike = await metricTotal(c, "InputTokenCount", dims, { from: NOW - 30 * MIN, to: NOW + MIN });
      const calm = await metricTotal(c, "InputTokenCount", dims, { from: start - 60 * MIN, to: start - 30 * MIN });
      expect(spike).toBeGreaterThan(3 * calm);
    });
  });

  it("truncation: most summaries stop at max_tokens after the deployment", async () => {
    await withHistory("truncation", async (c, r, start) => {
      const summaries = "filter identity.arn like /doc-summarizer/ and !ispresent(errorCode)";
      const cut = 'output.outputBodyJson.stop_reason = "max_tokens"';
      expect(await share(c, summaries, cut, r.from, start)).toBeLessThan(0.25);
      expect(await share(c, summaries, cut, start, NOW)).toBeGreaterThan(0.8);
      expect(await share(c, summaries, cut, NOW - 10 * MIN, NOW)).toBeGreaterThan(0.8);
    });
  });

  it("delivery-failure: records stop arriving while calls and delivery failures go on", async () => {
    await withHistory("delivery-failure", async (c, r, start) => {
      const [late] = await insights(c, "stats count(*) as n", { from: start + MIN, to: NOW + MIN });
      expect(late?.n).toBe("0");
      const recent = { from: NOW - 10 * MIN, to: NOW + MIN };
      expect(await metricTotal(c, "ModelInvocationLogsCloudWatchDeliveryFailure", [], recent)).toBeGreaterThan(20);
      expect(await metricTotal(c, "ModelInvocationLogsCloudWatchDeliverySuccess", [], recent)).toBe(0);
      const before = { from: r.from, to: start - MIN };
      expect(await metricTotal(c, "ModelInvocationLogsCloudWatchDeliveryFailure", [], before)).toBe(0);
    });
  });

  it("steady: no incident, no incident time", async () => {
    const r = await seedHistory({ dbPath: join(dir, "steady.db"), hours: 1, rate: 2, now: NOW, seed: 21 });
    expect(r.scenario).toBe("steady");
    expect(r.incidentStart).toBeUndefined();
  });

  it("cost-spike at any hour of the day: more than 2 throttles of Sonnet 4.6 in a recent 5-minute period, never before", async () => {
    // What the investigation's alarm (Sum > 2 over 5 minutes, 1 of 3 periods) relies on, whatever the learner's hour.
    const sonnet = [{ Name: "ModelId", Value: "us.anthropic.claude-sonnet-4-6" }];
    for (let hour = 0; hour < 24; hour += 3) {
      const now = Date.UTC(2026, 11, 2, hour, 7, 0);
      const dbPath = join(dir, `spike-${hour}.db`);
      const r = await seedHistory({ dbPath, hours: 6, rate: 3, now, scenario: "cost-spike" });
      const sandbox = await startTestSandbox({ dbPath, now: () => now + MIN });
      try {
        const c = clients(sandbox, sandbox.credentials, sandbox.region, now - Date.now());
        const start = r.incidentStart ?? 0;
        const sums = async (from: number, to: number): Promise<number[]> => {
          const out = await c.cw.send(
            new GetMetricDataCommand({
              StartTime: new Date(from),
              EndTime: new Date(to),
              MetricDataQueries: [
                {
                  Id: "t",
                  MetricStat: {
                    Metric: { Namespace: "AWS/Bedrock", MetricName: "InvocationThrottles", Dimensions: sonnet },
                    Period: 300,
                    Stat: "Sum",
                  },
                },
              ],
            }),
          );
          return out.MetricDataResults?.[0]?.Values ?? [];
        };
        expect(Math.max(0, ...(await sums(start - 60 * MIN, start))), `${hour}:07 before`).toBeLessThanOrEqual(2);
        expect(Math.max(0, ...(await sums(now - 15 * MIN, now))), `${hour}:07 during`).toBeGreaterThan(2);
      } finally {
        await sandbox.close();
      }
    }
  }, 60_000);
});
