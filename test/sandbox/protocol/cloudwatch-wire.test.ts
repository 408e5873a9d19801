import {
  DeleteDashboardsCommand,
  GetDashboardCommand,
  GetMetricDataCommand,
  GetMetricStatisticsCommand,
  ListDashboardsCommand,
  ListMetricsCommand,
  PutDashboardCommand,
  PutMetricDataCommand,
} from "@aws-sdk/client-cloudwatch";
import { cbor, dateToTag } from "@smithy/core/cbor";
import { describe, expect, it } from "vitest";
import { sandboxForFile } from "../helpers.js";
import { formHeaders, jsonHeaders, rfc3986, send } from "../signing.js";
import { cloudwatchCalls } from "./cloudwatch-calls.js";

const { sandbox, c } = await sandboxForFile();
const now = new Date();

const BODY = JSON.stringify({
  widgets: [
    {
      type: "metric",
      x: 0,
      y: 0,
      width: 12,
      height: 6,
      properties: {
        metrics: [["AWS/Bedrock", "Invocations", "ModelId", "m"]],
        region: "us-east-1",
        stat: "Sum",
        period: 300,
      },
    },
    {
      type: "log",
      x: 12,
      y: 0,
      width: 12,
      height: 6,
      properties: {
        query: "SOURCE '/aws/bedrock/model-invocations' | stats count() by bin(1h)",
        region: "us-east-1",
        view: "table",
      },
    },
  ],
});

describe("CloudWatch over AWS JSON 1.0 (the JS SDK)", () => {
  it("runs every dashboard operation", async () => {
    const put = await c.cw.send(new PutDashboardCommand({ DashboardName: "GenAI-Monitoring", DashboardBody: BODY }));
    expect(put.DashboardValidationMessages).toEqual([]);
    const got = await c.cw.send(new GetDashboardCommand({ DashboardName: "GenAI-Monitoring" }));
    expect(got.DashboardArn).toBe("arn:aws:cloudwatch::123456789012:dashboard/GenAI-Monitoring");
    expect(JSON.parse(got.DashboardBody!)).toEqual(JSON.parse(BODY));
    const list = await c.cw.send(new ListDashboardsCommand({}));
    expect(list.DashboardEntries?.[0]?.LastModified).toBeInstanceOf(Date);
    await c.cw.send(new DeleteDashboardsCommand({ DashboardNames: ["GenAI-Monitoring"] }));
    expect((await c.cw.send(new ListDashboardsCommand({}))).DashboardEntries).toEqual([]);
  });

  it("runs every metric operation", async () => {
    await c.cw.send(
      new PutMetricDataCommand({
        Namespace: "Lab/Test",
        MetricData: [
          { MetricName: "Calls", Dimensions: [{ Name: "App", Value: "a" }], Value: 3, Unit: "Count", Timestamp: now },
        ],
      }),
    );
    const data = await c.cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(now.getTime() - 600_000),
        EndTime: new Date(now.getTime() + 600_000),
        MetricDataQueries: [
          {
            Id: "q",
            MetricStat: {
              Metric: { Namespace: "Lab/Test", MetricName: "Calls", Dimensions: [{ Name: "App", Value: "a" }] },
              Period: 60,
              Stat: "Sum",
            },
          },
        ],
      }),
    );
    expect(data.MetricDataResults?.[0]?.Values).toEqual([3]);
    expect(data.MetricDataResults?.[0]?.Timestamps?.[0]).toBeInstanceOf(Date);
    const stats = await c.cw.send(
      new GetMetricStatisticsCommand({
        Namespace: "Lab/Test",
        MetricName: "Calls",
        Dimensions: [{ Name: "App", Value: "a" }],
        StartTime: new Date(now.getTime() - 600_000),
        EndTime: new Date(now.getTime() + 600_000),
        Period: 60,
        Statistics: ["Sum", "SampleCount"],
      }),
    );
    expect(stats.Datapoints?.[0]).toMatchObject({ Sum: 3, SampleCount: 1 });
    const metrics = await c.cw.send(new ListMetricsCommand({ Namespace: "Lab/Test" }));
    expect(metrics.Metrics).toEqual([
      { Namespace: "Lab/Test", MetricName: "Calls", Dimensions: [{ Name: "App", Value: "a" }] },
    ]);
  });

  it("answers errors with the query-compatible header the SDK uses", async () => {
    const r = await send(sandbox, {
      service: "monitoring",
      headers: { ...jsonHeaders("GraniteServiceVersion20100801.PutDashboard", "1.0"), "x-amzn-query-mode": "true" },
      body: JSON.stringify({
        DashboardName: "x",
        DashboardBody: '{"widgets":[{"type":"metric","properties":{"metrics":[]}}]}',
      }),
    });
    expect(r.status).toBe(400);
    expect(r.headers.get("x-amzn-query-error")).toBe("InvalidParameterInput;Sender");
    const body = JSON.parse(r.text) as {
      __type: string;
      message: string;
      dashboardValidationMessages: { dataPath: string; message: string }[];
    };
    expect(body.__type).toBe("DashboardInvalidInputError");
    expect(body.dashboardValidationMessages.length).toBeGreaterThan(0);
    await expect(c.cw.send(new GetDashboardCommand({ DashboardName: "missing" }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
  });
});

describe("CloudWatch over AWS Query (older clients)", () => {
  const form = (params: Record<string, string>): string =>
    Object.entries({ Version: "2010-08-01", ...params })
      .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
      .join("&");

  it("decodes member lists and numbers, and answers XML", async () => {
    const put = await send(sandbox, {
      service: "monitoring",
      headers: formHeaders,
      body: form({
        Action: "PutMetricData",
        Namespace: "Lab/Query",
        "MetricData.member.1.MetricName": "Tokens",
        "MetricData.member.1.Value": "42.5",
        "MetricData.member.1.Unit": "Count",
        "MetricData.member.1.Timestamp": now.toISOString(),
        "MetricData.member.1.Dimensions.member.1.Name": "ModelId",
        "MetricData.member.1.Dimensions.member.1.Value": "123",
      }),
    });
    expect(put.status).toBe(200);
    expect(put.text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<PutMetricDataResponse xmlns="http:\/\/monitoring.amazonaws.com\/doc\/2010-08-01\/"><ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata><\/PutMetricDataResponse>/,
    );
    const stats = await send(sandbox, {
      service: "monitoring",
      headers: formHeaders,
      body: form({
        Action: "GetMetricStatistics",
        Namespace: "Lab/Query",
        MetricName: "Tokens",
        "Dimensions.member.1.Name": "ModelId",
        "Dimensions.member.1.Value": "123",
        StartTime: new Date(now.getTime() - 600_000).toISOString(),
        EndTime: new Date(now.getTime() + 600_000).toISOString(),
        Period: "60",
        "Statistics.member.1": "Sum",
      }),
    });
    expect(stats.status).toBe(200);
    expect(stats.text).toContain("<GetMetricStatisticsResult><Label>Tokens</Label><Datapoints><member>");
    expect(stats.text).toContain("<Sum>42.5</Sum>");
    expect(stats.text).toMatch(/<Timestamp>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z<\/Timestamp>/);
  });

  it("answers errors with the Query code in an ErrorResponse", async () => {
    const r = await send(sandbox, {
      service: "monitoring",
      headers: formHeaders,
      body: form({ Action: "GetDashboard", DashboardName: "nope" }),
    });
    expect(r.status).toBe(404);
    expect(r.text).toContain(
      '<ErrorResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><Error><Type>Sender</Type><Code>ResourceNotFound</Code>',
    );
    const bad = await send(sandbox, {
      service: "monitoring",
      headers: formHeaders,
      body: form({ Action: "PutDashboard", DashboardName: "x", DashboardBody: "{" }),
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("<Code>InvalidParameterInput</Code>");
  });
});

describe("CloudWatch over Smithy RPC v2 CBOR (Go and Ruby SDKs)", () => {
  const cborCall = cloudwatchCalls(sandbox).cbor;

  it("round-trips metrics with tag-1 timestamps", async () => {
    const put = await cborCall("PutMetricData", {
      Namespace: "Lab/Cbor",
      MetricData: [{ MetricName: "X", Value: 7, Timestamp: dateToTag(now) }],
    });
    expect(put.status).toBe(200);
    expect(put.headers.get("smithy-protocol")).toBe("rpc-v2-cbor");
    const data = await cborCall("GetMetricData", {
      StartTime: dateToTag(new Date(now.getTime() - 600_000)),
      EndTime: dateToTag(new Date(now.getTime() + 600_000)),
      MetricDataQueries: [
        { Id: "q", MetricStat: { Metric: { Namespace: "Lab/Cbor", MetricName: "X" }, Period: 60, Stat: "Maximum" } },
      ],
    });
    expect(data.status).toBe(200);
    const out = cbor.deserialize(data.bytes) as {
      MetricDataResults: { Values: number[]; Timestamps: { tag: number; value: number }[] }[];
    };
    expect(out.MetricDataResults[0]!.Values).toEqual([7]);
    expect(out.MetricDataResults[0]!.Timestamps[0]!.tag).toBe(1);
  });

  it("answers errors as CBOR maps with __type", async () => {
    const r = await cborCall("GetDashboard", { DashboardName: "nope" });
    expect(r.status).toBe(404);
    expect(r.headers.get("x-amzn-query-error")).toBe("ResourceNotFound;Sender");
    expect(cbor.deserialize(r.bytes)).toMatchObject({ __type: "DashboardNotFoundError" });
    const junk = await send(sandbox, {
      service: "monitoring",
      path: "/service/GraniteServiceVersion20100801/operation/ListMetrics",
      headers: { "content-type": "application/cbor", "smithy-protocol": "rpc-v2-cbor" },
      body: new Uint8Array([0xff, 0x00, 0x1c]),
    });
    expect(junk.status).toBe(400);
    expect(cbor.deserialize(junk.bytes)).toMatchObject({ __type: "SerializationException" });
  });
});
