import { it } from "vitest";
import { CloudWatchClient, PutDashboardCommand, GetDashboardCommand, PutMetricDataCommand, GetMetricDataCommand, ListMetricsCommand, GetMetricStatisticsCommand, ListDashboardsCommand } from "@aws-sdk/client-cloudwatch";
import { startSandbox } from "../../../src/sandbox/index.js";
it("e2e", async () => {
  const sb = await startSandbox({ port: 0, dbPath: ":memory:", deliveryDelayMs: 0, faults: { iamPropagationMs: 0 } });
  const cw = new CloudWatchClient({ endpoint: sb.endpoint, region: "us-east-1", credentials: sb.credentials });
  try {
    console.log(JSON.stringify(await cw.send(new PutDashboardCommand({ DashboardName: "d", DashboardBody: JSON.stringify({ widgets: [{ type: "text", foo: 1, properties: { markdown: "x" } }] }) }))));
    try { await cw.send(new PutDashboardCommand({ DashboardName: "d", DashboardBody: JSON.stringify({ widgets: [{ type: "metric", properties: { metrics: [["a", "b"]] } }] }) })); } catch (e: any) { console.log("ERR", e.name, e.$metadata?.httpStatusCode, JSON.stringify(e.dashboardValidationMessages), e.message.slice(0, 80)); }
    try { await cw.send(new GetDashboardCommand({ DashboardName: "nope" })); } catch (e: any) { console.log("ERR", e.name, e.$metadata?.httpStatusCode, e.message); }
    console.log(JSON.stringify(await cw.send(new ListDashboardsCommand({}))));
    await cw.send(new PutMetricDataCommand({ Namespace: "Lab", MetricData: [{ MetricName: "m", Value: 3, Timestamp: new Date(Date.now() - 120000) }, { MetricName: "m", Values: [1, 2], Counts: [1, 3] }] }));
    try { await cw.send(new PutMetricDataCommand({ Namespace: "AWS/X", MetricData: [{ MetricName: "m", Value: 3 }] })); } catch (e: any) { console.log("ERR", e.name, e.$metadata?.httpStatusCode, e.message); }
    console.log(JSON.stringify(await cw.send(new GetMetricDataCommand({ MetricDataQueries: [{ Id: "a", MetricStat: { Metric: { Namespace: "Lab", MetricName: "m" }, Period: 60, Stat: "p50" } }], StartTime: new Date(Date.now() - 600000), EndTime: new Date(Date.now() + 60000) }))));
    try { await cw.send(new GetMetricDataCommand({ MetricDataQueries: [{ Id: "A" }], StartTime: new Date(Date.now() - 600000), EndTime: new Date() })); } catch (e: any) { console.log("ERR", e.name, e.$metadata?.httpStatusCode, JSON.stringify(e.message)); }
    console.log(JSON.stringify(await cw.send(new GetMetricStatisticsCommand({ Namespace: "Lab", MetricName: "m", Period: 60, Statistics: ["Sum"], ExtendedStatistics: ["p90"], StartTime: new Date(Date.now() - 600000), EndTime: new Date(Date.now() + 60000) }))));
    console.log(JSON.stringify(await cw.send(new ListMetricsCommand({}))));
  } finally { await sb.close(); }
});
