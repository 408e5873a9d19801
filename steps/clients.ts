/**
 * The AWS clients this lab's steps use as `ctx.aws.NAME`, loaded with the steps when a session opens (not by
 * commands that read only the manifest, such as `genai-lab env`, which stay fast without the SDK). Bedrock
 * Runtime's replies carry latency and token counts in headers the SDK hides: a middleware keeps them
 * (lib/invocation-headers.ts).
 */
import { BedrockClient } from "@aws-sdk/client-bedrock";
import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { IAMClient } from "@aws-sdk/client-iam";
import { STSClient } from "@aws-sdk/client-sts";
import { awsClient, type AwsClientsOf } from "genai-lab/kit";
import { captureInvocationHeaders } from "./lib/invocation-headers.js";

export const clients = {
  bedrock: awsClient(BedrockClient),
  bedrockRuntime: awsClient(BedrockRuntimeClient, {
    setup: (client) => captureInvocationHeaders(client.middlewareStack),
  }),
  logs: awsClient(CloudWatchLogsClient),
  cloudwatch: awsClient(CloudWatchClient),
  sts: awsClient(STSClient),
  iam: awsClient(IAMClient, { global: true }),
};
export type LabAws = AwsClientsOf<typeof clients>;
