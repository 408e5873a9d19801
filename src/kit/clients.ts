/**
 * The AWS clients a lab declares in its manifest: genai-lab builds each one lazily, on first use, with the target's
 * Region, endpoint, credentials and retry settings, and hands them to every step as `ctx.aws.NAME`.
 *
 *   clients: {
 *     logs: awsClient(CloudWatchLogsClient),
 *     iam: awsClient(IAMClient, { global: true }),                 // IAM's endpoint lives in us-east-1
 *     runtime: awsClient(BedrockRuntimeClient, { setup: (client) => watch(client.middlewareStack) }),
 *   }
 */
import type { AwsClientSpec, BuiltClient } from "../engine/contract.js";

export function awsClient<C extends BuiltClient>(
  // Any SDK client class: their constructors take a checked optional config tuple, hence the loose parameters.
  Client: new (...config: [] | [never]) => C,
  options: { global?: boolean; setup?: (client: C) => void } = {},
): AwsClientSpec<C> {
  return {
    create(config) {
      const client = new Client(config as never);
      options.setup?.(client);
      return client;
    },
    ...(options.global ? { global: true } : {}),
  };
}

/** The clients `ctx.aws` holds for a lab that declares `specs`. */
export type AwsClientsOf<S extends Record<string, AwsClientSpec>> = {
  readonly [K in keyof S]: ReturnType<S[K]["create"]>;
};
