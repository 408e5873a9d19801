/** Starts a sandbox on an ephemeral loopback port and builds real AWS SDK clients pointed at it. */
import { BedrockClient } from "@aws-sdk/client-bedrock";
import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { IAMClient } from "@aws-sdk/client-iam";
import { STSClient } from "@aws-sdk/client-sts";
import { afterAll } from "vitest";
import { startSandbox } from "../../src/sandbox/index.js";
import type { RunningSandbox, SandboxOptions } from "../../src/sandbox/index.js";

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** `clockOffsetMs` moves the SDK's signing clock, for sandboxes started with a fixed `now`. */
export function clients(
  sandbox: RunningSandbox,
  credentials: Credentials = sandbox.credentials,
  region = sandbox.region,
  clockOffsetMs = 0,
) {
  const config = { endpoint: sandbox.endpoint, region, credentials, maxAttempts: 1, systemClockOffset: clockOffsetMs };
  return {
    logs: new CloudWatchLogsClient(config),
    cw: new CloudWatchClient(config),
    bedrock: new BedrockClient(config),
    runtime: new BedrockRuntimeClient(config),
    sts: new STSClient(config),
    iam: new IAMClient({ ...config, region: "us-east-1" }),
  };
}

export type Clients = ReturnType<typeof clients>;

/** A sandbox for tests: in memory, immediate delivery, no IAM propagation delay, quiet. */
export function startTestSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({
    port: 0,
    dbPath: ":memory:",
    deliveryDelayMs: 0,
    env: {},
    onWarning: () => undefined,
    ...options,
    faults:
      typeof options.faults === "string" ? `iam-delay=0,${options.faults}` : { iamPropagationMs: 0, ...options.faults },
  });
}

/**
 * One sandbox for a whole test file, with clients, at the file's top level:
 *   const { sandbox, c } = await sandboxForFile({ now: () => clock });
 * It starts while the file loads and closes after the file's last test. `clockOffsetMs` as for `clients`.
 */
export async function sandboxForFile(
  options: SandboxOptions = {},
  clockOffsetMs = 0,
): Promise<{ sandbox: RunningSandbox; c: Clients }> {
  const sandbox = await startTestSandbox(options);
  afterAll(() => sandbox.close());
  return { sandbox, c: clients(sandbox, sandbox.credentials, sandbox.region, clockOffsetMs) };
}

export const LOGGING_TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { Service: "bedrock.amazonaws.com" },
      Action: "sts:AssumeRole",
      Condition: {
        StringEquals: { "aws:SourceAccount": "123456789012" },
        ArnLike: { "aws:SourceArn": "arn:aws:bedrock:us-east-1:123456789012:*" },
      },
    },
  ],
});

export const loggingPolicy = (group: string, region = "us-east-1", account = "123456789012"): string =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: `arn:aws:logs:${region}:${account}:log-group:${group}:log-stream:aws/bedrock/modelinvocations`,
      },
    ],
  });

/** Polls `fn` until it returns a defined value (or throws after `timeoutMs`). */
export async function eventually<T>(fn: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** What a call that must fail failed with: the error code, message and HTTP status. */
export async function rejection(p: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await p;
  } catch (e) {
    const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: err.name, message: err.message, status: err.$metadata?.httpStatusCode };
  }
  throw new Error("expected the call to fail");
}
