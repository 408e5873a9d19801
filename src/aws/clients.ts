/**
 * The lab's AWS SDK clients, one per service it declares (its manifest's `clients`), each built lazily on first use
 * with genai-lab's configuration (Region, profile, endpoint, credentials, retries, timeouts) and shared by every step
 * (steps never construct clients). genai-lab itself needs only STS (who am I), which is always there. This module
 * loads the SDK's STS client; the CLI imports it only for commands that talk to AWS, so `--help` stays fast.
 */
import { STSClient } from "@aws-sdk/client-sts";
import type { AwsClientSpec, BuiltClient } from "../engine/contract.js";

// Re-exported for connect.ts, which loads this module lazily: a bundled CommonJS package imported dynamically
// would expose only its default export, so the SDK is always imported statically from a module that is.
export { GetCallerIdentityCommand } from "@aws-sdk/client-sts";

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

/** The clients of `specs` by name, plus STS (genai-lab's own), each built on first use. */
export type AwsClients<S extends Record<string, AwsClientSpec> = Record<string, AwsClientSpec>> = {
  readonly [K in keyof S]: ReturnType<S[K]["create"]>;
} & { readonly sts: STSClient; destroy(): void };

/** genai-lab's own client: STS, to learn the account and identity behind the credentials. */
const STS_SPEC: AwsClientSpec<STSClient> = { create: (config) => new STSClient(config) };

export function createAwsClients<S extends Record<string, AwsClientSpec>>(
  specs: S,
  options: AwsClientOptions,
  env: NodeJS.ProcessEnv = process.env,
): AwsClients<S> {
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
  const built = new Map<string, BuiltClient>();
  const clients = {
    destroy() {
      for (const client of built.values()) client.destroy();
      built.clear();
    },
  };
  for (const [name, spec] of Object.entries({ sts: STS_SPEC, ...specs })) {
    Object.defineProperty(clients, name, {
      enumerable: true,
      get() {
        let client = built.get(name);
        if (!client) {
          // A global service (IAM) lives in us-east-1 on real AWS; a single endpoint (the sandbox) serves all.
          const region = spec.global && !options.endpoint ? "us-east-1" : options.region;
          client = spec.create(common(region));
          built.set(name, client);
        }
        return client;
      },
    });
  }
  return clients as AwsClients<S>;
}

/**
 * The Region the SDK resolves when none is given (AWS_REGION, else the profile's in ~/.aws/config), as the AWS CLI
 * would use it; "" when nothing names one. `region` in `options` is ignored.
 */
export async function configuredRegion(options: AwsClientOptions): Promise<string> {
  const { region: _ignored, ...rest } = options;
  const probe = createAwsClients({}, rest);
  try {
    return await probe.sts.config.region();
  } catch {
    return "";
  } finally {
    probe.destroy();
  }
}
