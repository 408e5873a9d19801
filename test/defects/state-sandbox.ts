/**
 * The sandbox of a state directory, opened after the CLI has finished with it: its clients for a look at what is
 * there, and how many model calls it has served (AWS/Bedrock Invocations, summed over models).
 */
import { GetMetricDataCommand, ListMetricsCommand } from "@aws-sdk/client-cloudwatch";
import { createAwsClients, type AwsClients } from "../../src/aws/clients.js";
import { startStateSandbox } from "../../src/cli/connect.js";
import { clients as labClients } from "../../steps/clients.js";

type LabAws = AwsClients<typeof labClients>;

export async function withStateSandbox<T>(stateDir: string, use: (aws: LabAws) => Promise<T>): Promise<T> {
  const sandbox = await startStateSandbox(stateDir, {});
  const aws = createAwsClients(labClients, {
    region: sandbox.region,
    endpoint: sandbox.endpoint,
    credentials: { ...sandbox.credentials },
  });
  try {
    return await use(aws);
  } finally {
    aws.destroy();
    await sandbox.close();
  }
}

export function invocationCount(stateDir: string): Promise<number> {
  return withStateSandbox(stateDir, async (aws) => {
    const listed = await aws.cloudwatch.send(
      new ListMetricsCommand({ Namespace: "AWS/Bedrock", MetricName: "Invocations" }),
    );
    const metrics = listed.Metrics ?? [];
    if (metrics.length === 0) return 0;
    const now = Date.now();
    const out = await aws.cloudwatch.send(
      new GetMetricDataCommand({
        StartTime: new Date(now - 24 * 3_600_000),
        EndTime: new Date(now + 3_600_000),
        MetricDataQueries: metrics.map((metric, i) => ({
          Id: `m${i}`,
          MetricStat: { Metric: metric, Period: 86_400, Stat: "Sum" },
        })),
      }),
    );
    return (out.MetricDataResults ?? []).reduce(
      (total, result) => total + (result.Values ?? []).reduce((a, b) => a + b, 0),
      0,
    );
  });
}
