/**
 * A seeded history's logs and its AWS/Bedrock metrics tell the same story: per model, successful records = the
 * Invocations metric, their tokens = InputTokenCount / OutputTokenCount, ThrottlingException records =
 * InvocationThrottles, ValidationException = InvocationClientErrors, 5xx codes = InvocationServerErrors, and every
 * delivered record is one ModelInvocationLogsCloudWatchDeliverySuccess (docs/aws-behaviour.md); streamed records
 * = TimeToFirstToken's sample count, and EstimatedTPMQuotaUsage = input + cache-write + output × burndown tokens. With the
 * delivery-failure incident, the undelivered records are DeliveryFailure instead, and missing from the group.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { seedHistory } from "../../../src/sandbox/index.js";
import type { SeedResult } from "../../../src/sandbox/index.js";
import { clients, startTestSandbox } from "../helpers.js";
import { insights, metricModelId, metricTotal } from "./query.js";

const dir = mkdtempSync(join(tmpdir(), "seed-agree-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NOW = Date.UTC(2026, 11, 2, 9, 0, 0);

async function seeded(
  scenario: "steady" | "delivery-failure" | "throttling",
): Promise<{ result: SeedResult; c: ReturnType<typeof clients>; close: () => Promise<void> }> {
  const dbPath = join(dir, `${scenario}.db`);
  const result = await seedHistory({ dbPath, hours: 4, rate: 3, now: NOW, seed: 11, scenario });
  // Within the minute after the history: an ongoing incident's next minute (ongoing.ts) is not written yet, so the
  // sandbox holds exactly what the seed reported.
  const sandbox = await startTestSandbox({ dbPath, now: () => NOW + 59_000 });
  return {
    result,
    c: clients(sandbox, sandbox.credentials, sandbox.region, NOW - Date.now()),
    close: () => sandbox.close(),
  };
}

describe.each(["steady", "throttling", "delivery-failure"] as const)("a %s history", (scenario) => {
  it("has logs and metrics that agree, model by model", async () => {
    const { result, c, close } = await seeded(scenario);
    try {
      const window = { from: result.from, to: NOW + 60_000 };
      const rows = await insights(
        c,
        `stats count(*) as records, sum(!ispresent(errorCode)) as ok, sum(errorCode = "ThrottlingException") as throttled,
           sum(errorCode = "ValidationException") as client,
           sum(errorCode = "ServiceUnavailableException" or errorCode = "InternalServerException") as server,
           sum(input.inputTokenCount) as inTok, sum(output.outputTokenCount) as outTok,
           sum(!ispresent(errorCode) and (operation = "ConverseStream" or operation = "InvokeModelWithResponseStream")) as streamed,
           sum(input.cacheWriteInputTokenCount) as cacheWrite by modelId`,
        window,
      );
      expect(rows.length).toBeGreaterThanOrEqual(5);
      let records = 0;
      for (const row of rows) {
        const dims = [{ Name: "ModelId", Value: metricModelId(row.modelId ?? "") }];
        const metric = (name: string) => metricTotal(c, name, dims, window);
        records += Number(row.records);
        if (scenario === "delivery-failure") {
          // Undelivered records are missing from the logs, so the logs count at most what the metrics count.
          expect(Number(row.ok)).toBeLessThanOrEqual(await metric("Invocations"));
          continue;
        }
        expect({
          model: row.modelId,
          ok: Number(row.ok),
          inTok: Number(row.inTok),
          outTok: Number(row.outTok),
        }).toEqual({
          model: row.modelId,
          ok: await metric("Invocations"),
          inTok: await metric("InputTokenCount"),
          outTok: await metric("OutputTokenCount"),
        });
        // Streaming calls publish TimeToFirstToken; every successful call EstimatedTPMQuotaUsage: input + cache
        // writes + output × the model's burndown (5 for Claude 3.7 Sonnet and later, else 1).
        expect(Number(row.streamed)).toBe(await metricTotal(c, "TimeToFirstToken", dims, window, "SampleCount"));
        const burndown = /claude-(sonnet|opus|haiku)-4|claude-3-7/.test(row.modelId ?? "") ? 5 : 1;
        expect(await metric("EstimatedTPMQuotaUsage")).toBe(
          Number(row.inTok) + Number(row.cacheWrite || 0) + Number(row.outTok) * burndown,
        );
        expect(Number(row.throttled)).toBe(await metric("InvocationThrottles"));
        expect(Number(row.client)).toBe(await metric("InvocationClientErrors"));
        expect(Number(row.server)).toBe(await metric("InvocationServerErrors"));
      }
      const success = await metricTotal(c, "ModelInvocationLogsCloudWatchDeliverySuccess", [], window);
      const failure = await metricTotal(c, "ModelInvocationLogsCloudWatchDeliveryFailure", [], window);
      expect(records).toBe(result.invocations - result.undelivered);
      expect(success).toBe(records);
      expect(failure).toBe(result.undelivered);
      if (scenario === "delivery-failure") {
        expect(result.undelivered).toBeGreaterThan(50);
        const late = await insights(c, "stats count(*) as n", {
          from: (result.incidentStart ?? 0) + 60_000,
          to: NOW + 60_000,
        });
        expect(late).toEqual([{ n: "0" }]);
      } else {
        expect(failure).toBe(0);
      }
    } finally {
      await close();
    }
  });
});
