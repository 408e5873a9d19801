/** Invocation logging set up the way the lab does it, and the readers pipeline tests check it with. */
import { PutModelInvocationLoggingConfigurationCommand } from "@aws-sdk/client-bedrock";
import { GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { CreateLogGroupCommand, FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { CreateRoleCommand, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { LOGGING_TRUST, loggingPolicy } from "../helpers.js";
import type { Clients } from "../helpers.js";

export const GROUP = "/aws/bedrock/model-invocations";

export async function configureLogging(c: Clients): Promise<void> {
  await c.logs.send(new CreateLogGroupCommand({ logGroupName: GROUP }));
  await c.iam.send(new CreateRoleCommand({ RoleName: "BedrockLogging", AssumeRolePolicyDocument: LOGGING_TRUST }));
  await c.iam.send(
    new PutRolePolicyCommand({ RoleName: "BedrockLogging", PolicyName: "logs", PolicyDocument: loggingPolicy(GROUP) }),
  );
  await c.bedrock.send(
    new PutModelInvocationLoggingConfigurationCommand({
      loggingConfig: {
        cloudWatchConfig: { logGroupName: GROUP, roleArn: "arn:aws:iam::123456789012:role/BedrockLogging" },
        textDataDeliveryEnabled: true,
      },
    }),
  );
}

export async function logRecords(c: Clients): Promise<Record<string, unknown>[]> {
  const r = await c.logs.send(new FilterLogEventsCommand({ logGroupName: GROUP }));
  return (r.events ?? []).map((e) => JSON.parse(e.message!) as Record<string, unknown>);
}

/** One statistic of an AWS/Bedrock metric over ±1 h around `around`, summed over the periods. */
export async function bedrockMetric(
  c: Clients,
  around: number,
  metricName: string,
  modelId?: string,
  stat = "Sum",
): Promise<number> {
  const r = await c.cw.send(
    new GetMetricDataCommand({
      StartTime: new Date(around - 3600_000),
      EndTime: new Date(around + 3600_000),
      MetricDataQueries: [
        {
          Id: "m",
          MetricStat: {
            Metric: {
              Namespace: "AWS/Bedrock",
              MetricName: metricName,
              Dimensions: modelId ? [{ Name: "ModelId", Value: modelId }] : [],
            },
            Period: 3600,
            Stat: stat,
          },
        },
      ],
    }),
  );
  return (r.MetricDataResults?.[0]?.Values ?? []).reduce((a, b) => a + b, 0);
}
