/**
 * Metric filters through the SDK: the filter-pattern syntax of "Filter pattern syntax for metric filters" (CloudWatch
 * Logs User Guide) — JSON selectors with comparisons, metricValue from a selector, dimensions, default values —
 * publishing to the filter's namespace as events arrive (PutLogEvents, the Bedrock delivery pipeline, the history
 * seeder), metricFilterCount on the group, and the recorded AWS errors (LocalStack's
 * tests/aws/services/logs/test_logs_metric_filters.snapshot.json: RECORDED).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteLogGroupCommand,
  DeleteMetricFilterCommand,
  DescribeLogGroupsCommand,
  DescribeMetricFiltersCommand,
  PutLogEventsCommand,
  PutMetricFilterCommand,
  TestMetricFilterCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { afterAll, describe, expect, it } from "vitest";
import { seedHistory } from "../../../src/sandbox/index.js";
import { clients, rejection, sandboxForFile, startTestSandbox } from "../helpers.js";
import type { Clients } from "../helpers.js";
import { insights } from "../seed/query.js";

const { c } = await sandboxForFile();
const now = Date.now();

const record = (modelId: string, outputTokens: number): string =>
  JSON.stringify({ operation: "InvokeModel", modelId, output: { outputTokenCount: outputTokens } });

async function group(name: string): Promise<void> {
  await c.logs.send(new CreateLogGroupCommand({ logGroupName: name }));
  await c.logs.send(new CreateLogStreamCommand({ logGroupName: name, logStreamName: "s" }));
}

async function events(name: string, messages: string[]): Promise<void> {
  await c.logs.send(
    new PutLogEventsCommand({
      logGroupName: name,
      logStreamName: "s",
      logEvents: messages.map((message, i) => ({ timestamp: now - 60_000 + i, message })),
    }),
  );
}

async function metric(
  client: Clients,
  namespace: string,
  name: string,
  dims: Record<string, string>,
  stat = "Sum",
  at = now,
) {
  const r = await client.cw.send(
    new GetMetricDataCommand({
      StartTime: new Date(at - 48 * 3600_000),
      EndTime: new Date(at + 120_000),
      MetricDataQueries: [
        {
          Id: "m",
          MetricStat: {
            Metric: {
              Namespace: namespace,
              MetricName: name,
              Dimensions: Object.entries(dims).map(([Name, Value]) => ({ Name, Value })),
            },
            Period: 3600 * 49,
            Stat: stat,
          },
        },
      ],
    }),
  );
  return r.MetricDataResults?.[0]?.Values ?? [];
}

describe("metric filters", () => {
  it("publish a JSON selector's value, with dimensions, for the events that match", async () => {
    await group("/mf/json");
    await c.logs.send(
      new PutMetricFilterCommand({
        logGroupName: "/mf/json",
        filterName: "long-answers",
        filterPattern: "{ $.output.outputTokenCount > 1000 }",
        metricTransformations: [
          {
            metricNamespace: "GenAI/Lab",
            metricName: "LongAnswerTokens",
            metricValue: "$.output.outputTokenCount",
            dimensions: { ModelId: "$.modelId" },
            unit: "Count",
          },
        ],
      }),
    );
    await events("/mf/json", [record("a", 1500), record("a", 900), record("b", 2500), record("a", 1200), "not json"]);
    expect(await metric(c, "GenAI/Lab", "LongAnswerTokens", { ModelId: "a" })).toEqual([2700]);
    expect(await metric(c, "GenAI/Lab", "LongAnswerTokens", { ModelId: "b" })).toEqual([2500]);
    expect(await metric(c, "GenAI/Lab", "LongAnswerTokens", { ModelId: "a" }, "SampleCount")).toEqual([2]);
  });

  it("publish the default value for events that do not match (User Guide: 'Configuring metric values')", async () => {
    await group("/mf/default");
    await c.logs.send(
      new PutMetricFilterCommand({
        logGroupName: "/mf/default",
        filterName: "errors",
        filterPattern: "ERROR",
        metricTransformations: [
          { metricNamespace: "GenAI/Lab", metricName: "Errors", metricValue: "1", defaultValue: 0 },
        ],
      }),
    );
    await events("/mf/default", ["ERROR one", "fine", "ERROR two", "fine"]);
    expect(await metric(c, "GenAI/Lab", "Errors", {}, "Sum")).toEqual([2]);
    expect(await metric(c, "GenAI/Lab", "Errors", {}, "SampleCount")).toEqual([4]);
  });

  it("are described by group, name prefix and metric, counted on the group, deleted, and gone with their group", async () => {
    await group("/mf/describe");
    for (const name of ["tokens-in", "tokens-out"]) {
      await c.logs.send(
        new PutMetricFilterCommand({
          logGroupName: "/mf/describe",
          filterName: name,
          filterPattern: " ",
          metricTransformations: [
            { metricNamespace: "GenAI/Describe", metricName: name, metricValue: "1", defaultValue: 0 },
          ],
        }),
      );
    }
    const all = await c.logs.send(new DescribeMetricFiltersCommand({ logGroupName: "/mf/describe" }));
    expect(all.metricFilters?.[0]).toMatchObject({
      filterName: "tokens-in",
      filterPattern: " ",
      logGroupName: "/mf/describe",
      applyOnTransformedLogs: false,
      metricTransformations: [
        { metricNamespace: "GenAI/Describe", metricName: "tokens-in", metricValue: "1", defaultValue: 0 },
      ],
    });
    expect(typeof all.metricFilters?.[0]?.creationTime).toBe("number");
    const byMetric = await c.logs.send(
      new DescribeMetricFiltersCommand({ metricName: "tokens-out", metricNamespace: "GenAI/Describe" }),
    );
    expect(byMetric.metricFilters?.map((f) => f.filterName)).toEqual(["tokens-out"]);
    const byPrefix = await c.logs.send(new DescribeMetricFiltersCommand({ filterNamePrefix: "tokens-", limit: 1 }));
    expect(byPrefix.metricFilters).toHaveLength(1);
    expect(byPrefix.nextToken).toBeDefined();
    const groups = await c.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/mf/describe" }));
    expect(groups.logGroups?.[0]?.metricFilterCount).toBe(2);
    await c.logs.send(new DeleteMetricFilterCommand({ logGroupName: "/mf/describe", filterName: "tokens-in" }));
    expect(
      (await c.logs.send(new DescribeMetricFiltersCommand({ logGroupName: "/mf/describe" }))).metricFilters,
    ).toHaveLength(1);
    await c.logs.send(new DeleteLogGroupCommand({ logGroupName: "/mf/describe" }));
    await group("/mf/describe");
    expect(
      (await c.logs.send(new DescribeMetricFiltersCommand({ logGroupName: "/mf/describe" }))).metricFilters,
    ).toEqual([]);
  });

  it("TestMetricFilter lists the messages a pattern matches, numbered from 1", async () => {
    const r = await c.logs.send(
      new TestMetricFilterCommand({
        filterPattern: '{ $.errorCode = "ThrottlingException" }',
        logEventMessages: [
          '{"errorCode":"ThrottlingException"}',
          '{"modelId":"m"}',
          '{"errorCode":"ThrottlingException","x":1}',
        ],
      }),
    );
    expect(r.matches?.map((m) => [m.eventNumber, m.eventMessage])).toEqual([
      [1, '{"errorCode":"ThrottlingException"}'],
      [3, '{"errorCode":"ThrottlingException","x":1}'],
    ]);
  });
});

describe("metric filter errors", () => {
  const transformation = { metricNamespace: "n", metricName: "m", metricValue: "1" };
  it("two transformations (RECORDED: test_put_metric_filter_too_many_transformations)", async () => {
    await group("/mf/errors");
    const r = await rejection(
      c.logs.send(
        new PutMetricFilterCommand({
          logGroupName: "/mf/errors",
          filterName: "f",
          filterPattern: "pattern",
          metricTransformations: [
            { metricName: "metric1", metricNamespace: "namespace1", metricValue: "1" },
            { metricName: "metric2", metricNamespace: "namespace2", metricValue: "1" },
          ],
        }),
      ),
    );
    expect(r).toEqual({
      name: "InvalidParameterException",
      status: 400,
      message:
        "1 validation error detected: Value '[MetricTransformation(metricName=metric1, metricNamespace=namespace1, metricValue=1, defaultValue=null, unit=null, dimensions=null), MetricTransformation(metricName=metric2, metricNamespace=namespace2, metricValue=1, defaultValue=null, unit=null, dimensions=null)]' at 'metricTransformations' failed to satisfy constraint: Member must have length less than or equal to 1",
    });
  });

  it("a filter name over 512 characters (RECORDED: test_put_metric_filter_invalid_filter_name)", async () => {
    const name = "X".repeat(513);
    const r = await rejection(
      c.logs.send(
        new PutMetricFilterCommand({
          logGroupName: "/mf/errors",
          filterName: name,
          filterPattern: "p",
          metricTransformations: [transformation],
        }),
      ),
    );
    expect(r.message).toBe(
      `1 validation error detected: Value '${name}' at 'filterName' failed to satisfy constraint: Member must have length less than or equal to 512`,
    );
  });

  it("an unknown group, an unknown filter, dimensions with a default value", async () => {
    expect(
      await rejection(
        c.logs.send(
          new PutMetricFilterCommand({
            logGroupName: "/mf/none",
            filterName: "f",
            filterPattern: "p",
            metricTransformations: [transformation],
          }),
        ),
      ),
    ).toMatchObject({ name: "ResourceNotFoundException", message: "The specified log group does not exist." });
    expect(
      await rejection(c.logs.send(new DeleteMetricFilterCommand({ logGroupName: "/mf/errors", filterName: "nope" }))),
    ).toMatchObject({
      name: "ResourceNotFoundException",
    });
    const both = { ...transformation, defaultValue: 0, dimensions: { ModelId: "$.modelId" } };
    expect(
      await rejection(
        c.logs.send(
          new PutMetricFilterCommand({
            logGroupName: "/mf/errors",
            filterName: "f",
            filterPattern: "{ $.x = 1 }",
            metricTransformations: [both],
          }),
        ),
      ),
    ).toMatchObject({
      name: "InvalidParameterException",
      message: "A metric filter with dimensions cannot have a default value.",
    });
  });
});

describe("metric filters and Bedrock's invocation logs", () => {
  const dir = mkdtempSync(join(tmpdir(), "mf-seed-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("count what a Logs Insights query counts, for a history seeded after the filter was created", async () => {
    const dbPath = join(dir, "s.db");
    const NOW = Date.UTC(2026, 11, 2, 8, 0, 0);
    const before = await startTestSandbox({ dbPath, now: () => NOW - 7 * 3600_000 });
    const early = clients(before, before.credentials, before.region, NOW - 7 * 3600_000 - Date.now());
    await early.logs.send(new CreateLogGroupCommand({ logGroupName: "/aws/bedrock/model-invocations" }));
    await early.logs.send(
      new PutMetricFilterCommand({
        logGroupName: "/aws/bedrock/model-invocations",
        filterName: "throttles-by-model",
        filterPattern: '{ $.errorCode = "ThrottlingException" }',
        metricTransformations: [
          {
            metricNamespace: "GenAI/Filters",
            metricName: "Throttles",
            metricValue: "1",
            dimensions: { ModelId: "$.modelId" },
          },
        ],
      }),
    );
    await before.close();
    const seeded = await seedHistory({ dbPath, hours: 3, rate: 3, now: NOW, seed: 8, scenario: "throttling" });
    const sandbox = await startTestSandbox({ dbPath, now: () => NOW + 60_000 });
    try {
      const s = clients(sandbox, sandbox.credentials, sandbox.region, NOW - Date.now());
      const rows = await insights(s, 'filter errorCode = "ThrottlingException" | stats count(*) as n by modelId', {
        from: seeded.from,
        to: NOW + 60_000,
      });
      expect(rows.length).toBeGreaterThan(2);
      for (const row of rows) {
        expect(await metric(s, "GenAI/Filters", "Throttles", { ModelId: row.modelId ?? "" }, "Sum", NOW)).toEqual([
          Number(row.n),
        ]);
      }
    } finally {
      await sandbox.close();
    }
  });
});
