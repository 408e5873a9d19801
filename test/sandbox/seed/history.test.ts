import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { FilterLogEventsCommand, paginateFilterLogEvents } from "@aws-sdk/client-cloudwatch-logs";
import { afterAll, describe, expect, it } from "vitest";
import { seedHistory } from "../../../src/sandbox/index.js";
import { clients, startTestSandbox } from "../helpers.js";

const dir = mkdtempSync(join(tmpdir(), "sandbox-seed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("seedHistory", () => {
  it("backfills a week at one call a minute in seconds, with real-shaped records and AWS/Bedrock metrics", async () => {
    const dbPath = join(dir, "week.db");
    const now = Date.UTC(2025, 7, 15, 12, 0, 0);
    const progress: number[] = [];
    const t0 = Date.now();
    const result = await seedHistory({ dbPath, hours: 24 * 7, rate: 1, now, seed: 1 }, (done) => progress.push(done));
    const elapsed = Date.now() - t0;
    expect(result.invocations).toBe(10_080);
    expect(result.logGroupName).toBe("/aws/bedrock/model-invocations");
    expect(result.throttled).toBeGreaterThan(100);
    expect(progress[progress.length - 1]).toBe(10_080);
    expect(elapsed).toBeLessThan(30_000);

    const sandbox = await startTestSandbox({ dbPath, now: () => now });
    try {
      const c = clients(sandbox, sandbox.credentials, sandbox.region, now - Date.now());
      const page = await c.logs.send(
        new FilterLogEventsCommand({
          logGroupName: "/aws/bedrock/model-invocations",
          startTime: now - 3600_000,
          endTime: now,
        }),
      );
      expect(page.events!.length).toBeGreaterThan(40);
      expect(page.events!.every((e) => e.logStreamName === "aws/bedrock/modelinvocations")).toBe(true);
      const record = JSON.parse(page.events!.find((e) => !e.message!.includes("errorCode"))!.message!) as Record<
        string,
        unknown
      >;
      expect(Object.keys(record)).toEqual([
        "timestamp",
        "accountId",
        "identity",
        "region",
        "requestId",
        "operation",
        "modelId",
        "input",
        "output",
        "inferenceRegion",
        "schemaType",
        "schemaVersion",
      ]);
      expect(record.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

      const week = await c.cw.send(
        new GetMetricDataCommand({
          StartTime: new Date(now - 7 * 24 * 3600_000),
          EndTime: new Date(now),
          MetricDataQueries: [
            {
              Id: "calls",
              MetricStat: {
                Metric: {
                  Namespace: "AWS/Bedrock",
                  MetricName: "Invocations",
                  Dimensions: [{ Name: "ModelId", Value: "us.anthropic.claude-sonnet-4-6" }],
                },
                Period: 86_400,
                Stat: "Sum",
              },
            },
            {
              Id: "throttles",
              MetricStat: {
                Metric: {
                  Namespace: "AWS/Bedrock",
                  MetricName: "InvocationThrottles",
                  Dimensions: [{ Name: "ModelId", Value: "us.anthropic.claude-sonnet-4-6" }],
                },
                Period: 86_400,
                Stat: "Sum",
              },
            },
          ],
        }),
      );
      const sum = (id: string) =>
        (week.MetricDataResults?.find((r) => r.Id === id)?.Values ?? []).reduce((a, b) => a + b, 0);
      expect(sum("calls")).toBeGreaterThan(2000); // one of four models: about a quarter of 10,080 calls
      expect(sum("calls")).toBeLessThan(4000);
      expect(sum("throttles")).toBeGreaterThan(10);
    } finally {
      await sandbox.close();
    }
  }, 60_000);

  it("is deterministic for a seed", async () => {
    const a = await seedHistory({ dbPath: join(dir, "a.db"), hours: 1, rate: 2, now: 1_755_259_200_000, seed: 5 });
    const b = await seedHistory({ dbPath: join(dir, "b.db"), hours: 1, rate: 2, now: 1_755_259_200_000, seed: 5 });
    expect(a).toEqual(b);
    expect(a.invocations).toBe(120);
  });

  it("streams about one call in four: logged as InvokeModelWithResponseStream, with TimeToFirstToken", async () => {
    const dbPath = join(dir, "streams.db");
    const now = Date.UTC(2026, 2, 12, 12, 0, 0);
    await seedHistory({ dbPath, hours: 2, rate: 4, now, seed: 3, modelIds: ["us.anthropic.claude-sonnet-4-6"] });
    const sandbox = await startTestSandbox({ dbPath, now: () => now });
    try {
      const c = clients(sandbox, sandbox.credentials, sandbox.region, now - Date.now());
      const messages: string[] = [];
      for await (const page of paginateFilterLogEvents(
        { client: c.logs },
        { logGroupName: "/aws/bedrock/model-invocations", startTime: now - 3 * 3600_000 },
      )) {
        for (const e of page.events ?? []) messages.push(e.message!);
      }
      const records = messages.map(
        (m) => JSON.parse(m) as { operation: string; errorCode?: string; output?: { outputBodyJson: unknown } },
      );
      const streams = records.filter((r) => r.operation === "InvokeModelWithResponseStream");
      expect(streams.length / records.length).toBeGreaterThan(0.15);
      expect(streams.length / records.length).toBeLessThan(0.35);
      const ok = streams.find((r) => r.errorCode === undefined)!;
      expect((ok.output!.outputBodyJson as { type: string }[]).at(-1)!.type).toBe("message_stop");
      const metric = async (name: string) => {
        const r = await c.cw.send(
          new GetMetricDataCommand({
            StartTime: new Date(now - 3 * 3600_000),
            EndTime: new Date(now + 60_000),
            MetricDataQueries: [
              {
                Id: "m",
                MetricStat: {
                  Metric: {
                    Namespace: "AWS/Bedrock",
                    MetricName: name,
                    Dimensions: [{ Name: "ModelId", Value: "us.anthropic.claude-sonnet-4-6" }],
                  },
                  Period: 3 * 3600,
                  Stat: "SampleCount",
                },
              },
            ],
          }),
        );
        return (r.MetricDataResults?.[0]?.Values ?? []).reduce((a, b) => a + b, 0);
      };
      expect(await metric("TimeToFirstToken")).toBe(streams.filter((r) => r.errorCode === undefined).length);
      expect(await metric("EstimatedTPMQuotaUsage")).toBe(await metric("Invocations"));
    } finally {
      await sandbox.close();
    }
  });
});
