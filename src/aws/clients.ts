/**
 * One AWS SDK client per service, built lazily on first use and shared by every step (steps never construct
 * clients). This module loads the SDK; the CLI imports it only for commands that talk to AWS, so `--help` and
 * `--version` stay fast.
 */
import { BedrockClient } from "@aws-sdk/client-bedrock";
import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { IAMClient } from "@aws-sdk/client-iam";
import { STSClient } from "@aws-sdk/client-sts";
import { captureInvocationHeaders } from "./invocation-headers.js";

export interface AwsClientOptions {
  /** Undefined: the SDK reads it from the environment or the profile, as the AWS CLI does. */
  region?: string;
  profile?: string;
  /** One endpoint for every service (the sandbox, LocalStack, …). */
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  retryMode?: "standard" | "adaptive";
  maxAttempts?: number;
  /** Per HTTP request; default 60 s (model calls can be slow). */
  requestTimeoutMs?: number;
  userAgent?: string;
}

export interface AwsClients {
  readonly bedrock: BedrockClient;
  readonly bedrockRuntime: BedrockRuntimeClient;
  readonly logs: CloudWatchLogsClient;
  readonly cloudwatch: CloudWatchClient;
  readonly sts: STSClient;
  readonly iam: IAMClient;
  destroy(): void;
}

type Built = { destroy(): void };

export function createAwsClients(options: AwsClientOptions, env: NodeJS.ProcessEnv = process.env): AwsClients {
  // The SDK warns on Node 20 about its own future releases; genai-lab pins versions that support Node 20, so the
  // notice is for us, not for learners. An explicit setting still wins.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const common = (region: string | undefined) => ({
    ...(region ? { region } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    // The SDK reads AWS_RETRY_MODE / AWS_MAX_ATTEMPTS itself; these are our defaults when they are not set.
    retryMode: options.retryMode ?? (env.AWS_RETRY_MODE as "standard" | "adaptive" | undefined) ?? "standard",
    maxAttempts: options.maxAttempts ?? (Number(env.AWS_MAX_ATTEMPTS) || 5),
    // throwOnRequestTimeout: without it, this SDK version only *warns* when requestTimeout passes and waits on.
    requestHandler: {
      requestTimeout: options.requestTimeoutMs ?? 60_000,
      connectionTimeout: 5_000,
      throwOnRequestTimeout: true,
    },
    customUserAgent: options.userAgent ?? "genai-lab",
  });
  const built = new Map<string, Built>();
  const lazy = <T extends Built>(name: string, make: () => T): T => {
    let client = built.get(name) as T | undefined;
    if (!client) {
      client = make();
      built.set(name, client);
    }
    return client;
  };
  return {
    get bedrock() {
      return lazy("bedrock", () => new BedrockClient(common(options.region)));
    },
    get bedrockRuntime() {
      return lazy("bedrockRuntime", () => {
        const client = new BedrockRuntimeClient(common(options.region));
        captureInvocationHeaders(client.middlewareStack);
        return client;
      });
    },
    get logs() {
      return lazy("logs", () => new CloudWatchLogsClient(common(options.region)));
    },
    get cloudwatch() {
      return lazy("cloudwatch", () => new CloudWatchClient(common(options.region)));
    },
    get sts() {
      return lazy("sts", () => new STSClient(common(options.region)));
    },
    get iam() {
      // IAM is global: its endpoint lives in us-east-1 (for the aws partition).
      return lazy("iam", () => new IAMClient(common(options.endpoint ? options.region : "us-east-1")));
    },
    destroy() {
      for (const client of built.values()) client.destroy();
      built.clear();
    },
  };
}

/**
 * The Region the SDK resolves when none is given (AWS_REGION, else the profile's in ~/.aws/config), as the AWS CLI
 * would use it; "" when nothing names one. `region` in `options` is ignored.
 */
export async function configuredRegion(options: AwsClientOptions): Promise<string> {
  const { region: _ignored, ...rest } = options;
  const probe = createAwsClients(rest);
  try {
    return await probe.sts.config.region();
  } catch {
    return "";
  } finally {
    probe.destroy();
  }
}
