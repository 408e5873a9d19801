/**
 * A day of seeded history answers the Logs Insights queries people publish for Bedrock invocation logs with
 * plausible, non-empty results that agree with the AWS/Bedrock metrics. The queries are written here in our own
 * words after "Creating Custom Dashboards for GenAI Telemetry" in AWS's Observability Best Practices guide
 * (aws-observability.github.io/observability-best-practices, guides/genai; GUIDE n = its query n) and AWS's
 * per-request metadata tagging page (bedrock/latest/userguide/cost-mgmt-request-metadata.html, TAGGING).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ListMetricsCommand } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedHistory } from "../../../src/sandbox/index.js";
import type { RunningSandbox, SeedResult } from "../../../src/sandbox/index.js";
import { clients, startTestSandbox } from "../helpers.js";
import type { Clients } from "../helpers.js";
import { insights, metricModelId, metricTotal, metricTotalAllModels } from "./query.js";
import type { Row } from "./query.js";

const dir = mkdtempSync(join(tmpdir(), "seed-published-"));
const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
let result: SeedResult;
let sandbox: RunningSandbox;
let c: Clients;
beforeAll(async () => {
  const dbPath = join(dir, "day.db");
  result = await seedHistory({ dbPath, hours: 24, rate: 2, now: NOW, seed: 4 });
  sandbox = await startTestSandbox({ dbPath, now: () => NOW + 60_000 });
  c = clients(sandbox, sandbox.credentials, sandbox.region, NOW - Date.now());
}, 60_000);
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (query: string): Promise<Row[]> => insights(c, query, { from: result.from, to: NOW + 60_000 });
const window = (): { from: number; to: number } => ({ from: result.from, to: NOW + 60_000 });
const sum = (rows: Row[], column: string): number => rows.reduce((total, row) => total + Number(row[column] ?? 0), 0);

/** Per-token list prices the guide's cost queries use (USD), for the models the seed calls. */
const PRICES: Record<string, [input: number, output: number]> = {
  "nova-micro": [0.000000035, 0.00000014],
  "nova-lite": [0.00000006, 0.00000024],
  "nova-pro": [0.0000008, 0.0000032],
  "claude-sonnet-4-6": [0.000003, 0.000015],
  "claude-haiku": [0.000001, 0.000005],
  "claude-3-5-sonnet": [0.000003, 0.000015],
};
const priced = (side: 0 | 1): string =>
  Object.entries(PRICES)
    .map(([key, price]) => `strcontains(modelId, "${key}") * ${price[side].toFixed(12)}`)
    .join(" + ");
const COST = `fields input.inputTokenCount * (${priced(0)}) + output.outputTokenCount * (${priced(1)}) as usd`;

describe("published-style Logs Insights queries over a seeded day", () => {
  it("GUIDE 1: stop reasons by model include truncations and guardrail stops", async () => {
    const rows = await run(
      "fields coalesce(output.outputBodyJson.stopReason, output.outputBodyJson.stop_reason) as stop | filter ispresent(stop) | stats count(*) as calls by stop, modelId",
    );
    const stops = new Set(rows.map((row) => row.stop));
    expect(stops).toContain("end_turn");
    expect(stops).toContain("max_tokens");
    expect(stops).toContain("guardrail_intervened");
    expect(sum(rows, "calls")).toBeLessThanOrEqual(result.succeeded);
    expect(sum(rows, "calls")).toBeGreaterThan(result.succeeded / 2);
  });

  it("GUIDE 2: completions and truncations per hour, for every hour of the day", async () => {
    const rows = await run(
      'filter ispresent(output.outputBodyJson.stopReason) | stats sum(output.outputBodyJson.stopReason = "end_turn") as completed, sum(output.outputBodyJson.stopReason = "max_tokens") as truncated by bin(1h) as hour | sort hour desc',
    );
    expect(rows.length).toBe(24);
    expect(rows[0]?.hour).toBe("2026-12-02 11:00:00.000");
    expect(sum(rows, "completed")).toBeGreaterThan(10 * sum(rows, "truncated"));
    expect(sum(rows, "truncated")).toBeGreaterThan(0);
  });

  it("GUIDE 3: callers that send many tokens for short answers", async () => {
    const rows = await run(
      "fields input.inputTokenCount as sent, output.outputTokenCount as got | filter sent > 2000 and got < 200 | stats count(*) as calls, sum(sent) as wasted by identity.arn | sort wasted desc",
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(Number(row.wasted) / Number(row.calls)).toBeGreaterThan(2000);
  });

  it("GUIDE 4: latency by serving Region: cross-Region calls are slower", async () => {
    const rows = await run(
      "filter ispresent(inferenceRegion) | fields output.outputBodyJson.metrics.latencyMs as latency | filter latency > 0 | stats count(*) as calls, avg(latency) as mean, pct(latency, 95) as p95 by modelId, region, inferenceRegion | sort modelId asc, mean asc",
    );
    const sonnet = rows.filter((row) => row.modelId?.endsWith("/global.anthropic.claude-sonnet-4-6"));
    expect(sonnet.length).toBeGreaterThanOrEqual(4);
    const home = sonnet.find((row) => row.inferenceRegion === "us-east-1");
    const far = sonnet.find((row) => row.inferenceRegion?.startsWith("ap-"));
    expect(Number(far?.mean)).toBeGreaterThan(Number(home?.mean));
    for (const row of rows) expect(Number(row.p95)).toBeGreaterThanOrEqual(Number(row.mean) * 0.9);
    const calls = await metricTotal(
      c,
      "Invocations",
      [{ Name: "ModelId", Value: "global.anthropic.claude-sonnet-4-6" }],
      window(),
    );
    expect(sum(sonnet, "calls")).toBeLessThanOrEqual(calls);
  });

  it("GUIDE 5: repeated prompts and what the prompt cache already saves", async () => {
    const rows = await run(
      "fields input.inputBodyJson.messages.0.content.0.text as prompt | filter input.inputTokenCount > 0 | stats count(*) as calls, sum(input.inputTokenCount) as sent, sum(input.cacheReadInputTokenCount) as fromCache, sum(input.cacheWriteInputTokenCount) as toCache by prompt, modelId | filter calls > 1 | sort sent desc",
    );
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.some((row) => Number(row.fromCache) > Number(row.sent))).toBe(true);
  });

  it("GUIDE 9: the day's estimated spend equals the metrics' tokens at list price", async () => {
    const [row] = await run(`${COST} | stats sum(usd) as total`);
    const listed = await c.cw.send(new ListMetricsCommand({ Namespace: "AWS/Bedrock", MetricName: "InputTokenCount" }));
    let expected = 0;
    for (const metric of listed.Metrics ?? []) {
      const id = metric.Dimensions?.[0]?.Value ?? "";
      const price = Object.entries(PRICES).find(([key]) => id.includes(key))?.[1] ?? [0, 0];
      const dims = [{ Name: "ModelId", Value: id }];
      expected += (await metricTotal(c, "InputTokenCount", dims, window())) * price[0];
      expected += (await metricTotal(c, "OutputTokenCount", dims, window())) * price[1];
    }
    expect(Number(row?.total)).toBeGreaterThan(1);
    expect(Number(row?.total)).toBeCloseTo(expected, 2);
  });

  it("GUIDE 11: spend by caller adds up to the total", async () => {
    const rows = await run(
      `fields replace(identity.arn, "arn:aws:sts::123456789012:assumed-role/", "") as caller | ${COST} | stats sum(usd) as spend, count(*) as calls by caller | sort spend desc`,
    );
    expect(rows.length).toBe(5);
    const [total] = await run(`${COST} | stats sum(usd) as total`);
    expect(sum(rows, "spend")).toBeCloseTo(Number(total?.total), 2);
    expect(sum(rows, "calls")).toBe(result.invocations);
  });

  it("GUIDE 13: calls per 15 minutes add up to every call the metrics count", async () => {
    const rows = await run("stats count(*) as calls by bin(15m) as period | sort period asc");
    expect(rows.length).toBeGreaterThanOrEqual(95);
    const counted =
      (await metricTotalAllModels(c, "Invocations", window())) +
      (await metricTotalAllModels(c, "InvocationThrottles", window())) +
      (await metricTotalAllModels(c, "InvocationClientErrors", window())) +
      (await metricTotalAllModels(c, "InvocationServerErrors", window()));
    expect(sum(rows, "calls")).toBe(counted);
  });

  it("GUIDE 14: input and output tokens per 5 minutes match InputTokenCount and OutputTokenCount", async () => {
    const rows = await run(
      "stats sum(input.inputTokenCount) as sent, sum(output.outputTokenCount) as received by bin(5m) as period",
    );
    expect(sum(rows, "sent")).toBe(await metricTotalAllModels(c, "InputTokenCount", window()));
    expect(sum(rows, "received")).toBe(await metricTotalAllModels(c, "OutputTokenCount", window()));
    expect(sum(rows, "sent")).toBeGreaterThan(sum(rows, "received"));
  });

  it("GUIDE 17: the heaviest single calls, biggest first", async () => {
    const rows = await run(
      "filter !ispresent(errorCode) | fields input.inputTokenCount + output.outputTokenCount as total | sort total desc | limit 10 | display requestId, modelId, total",
    );
    expect(rows.length).toBe(10);
    const totals = rows.map((row) => Number(row.total));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(totals[0]).toBeGreaterThan(3000);
  });

  it("TAGGING: tokens by tenant, from requestMetadata", async () => {
    const rows = await run(
      "filter ispresent(requestMetadata.tenant_id) | stats sum(input.inputTokenCount + output.outputTokenCount) as tokens, count(*) as calls by requestMetadata.tenant_id as tenant | sort tokens desc",
    );
    expect(rows.map((row) => row.tenant)).toHaveLength(8);
    expect(rows[0]?.tenant).toBe("acme-retail");
    const [untagged] = await run(
      "filter !ispresent(requestMetadata.application_name) | stats count(*) as calls by identity.arn",
    );
    expect(untagged?.["identity.arn"]).toBe("arn:aws:iam::123456789012:user/linh.nguyen");
  });

  it("errors by code match the throttle and error metrics", async () => {
    const rows = await run("filter ispresent(errorCode) | stats count(*) as calls by errorCode, modelId");
    for (const code of ["ThrottlingException", "ValidationException"]) {
      expect(rows.some((row) => row.errorCode === code)).toBe(true);
    }
    const throttles = rows.filter((row) => row.errorCode === "ThrottlingException");
    let metric = 0;
    for (const row of throttles) {
      metric += await metricTotal(
        c,
        "InvocationThrottles",
        [{ Name: "ModelId", Value: metricModelId(row.modelId ?? "") }],
        window(),
      );
    }
    expect(sum(throttles, "calls")).toBe(metric);
    expect(metric).toBe(result.throttled);
  });

  it("guardrail interventions, by caller", async () => {
    const rows = await run(
      "filter output.outputBodyJson.stopReason = 'guardrail_intervened' or `output.outputBodyJson.amazon-bedrock-guardrailAction` = 'INTERVENED' | stats count(*) as calls by identity.arn",
    );
    expect(rows.length).toBeGreaterThan(0);
    // Streams carry their stop reason inside the list of events, which this query does not look into.
    expect(sum(rows, "calls")).toBeLessThanOrEqual(result.intervened);
    expect(sum(rows, "calls")).toBeGreaterThan(result.intervened / 3);
    for (const row of rows) expect(row["identity.arn"]).toMatch(/support-chatbot|doc-summarizer/);
  });
});
