import { it } from "vitest";
import type { MetricDatum } from "../../../src/sandbox/cloudwatch/index.js";
import { ACCOUNT, NOW, call, newService } from "./service.js";
it("prof", () => {
  const { service } = newService();
  const dims = [{ Name: "ModelId", Value: "m" }];
  const data: MetricDatum[] = [];
  for (let i = 0; i < 10080; i += 1) {
    const Timestamp = new Date(NOW - (10080 - i) * 60_000);
    data.push({ MetricName: "Invocations", Dimensions: dims, Value: 1, Unit: "Count", Timestamp }, { MetricName: "InvocationLatency", Dimensions: dims, Value: 800 + (i % 400), Unit: "Milliseconds", Timestamp });
  }
  let t = performance.now();
  service.putMetricData(ACCOUNT, "us-east-1", "AWS/Bedrock", data, NOW);
  console.log("insert 20160", (performance.now() - t).toFixed(1));
  for (const [name, stat] of [["Invocations", "Sum"], ["InvocationLatency", "p90"], ["InvocationLatency", "Average"]]) {
    for (let r = 0; r < 3; r++) {
      t = performance.now();
      call(service, "GetMetricData", { MetricDataQueries: [{ Id: "a", MetricStat: { Metric: { Namespace: "AWS/Bedrock", MetricName: name, Dimensions: dims }, Period: 300, Stat: stat } }], StartTime: new Date(NOW - 10080 * 60_000), EndTime: new Date(NOW) });
      console.log(name, stat, (performance.now() - t).toFixed(1));
    }
  }
});
