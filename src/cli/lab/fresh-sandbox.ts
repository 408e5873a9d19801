/**
 * A fresh, quick sandbox with the lab's clients on it: in memory, invocation logs delivered at once, new IAM roles
 * usable at once. What `lab check` runs a lab on, and what the benchmarks measure the lab on.
 */
import { createAwsClients, type AwsClients } from "../../aws/clients.js";
import type { AwsClientSpec } from "../../engine/contract.js";
import { startSandbox, type RunningSandbox } from "../../sandbox/index.js";

export async function freshSandbox<S extends Record<string, AwsClientSpec>>(
  clients: S,
  options: { maxAttempts?: number } = {},
): Promise<{ sandbox: RunningSandbox; aws: AwsClients<S>; close(): Promise<void> }> {
  const sandbox = await startSandbox({
    port: 0,
    dbPath: ":memory:",
    deliveryDelayMs: 0,
    faults: { iamPropagationMs: 0 },
    env: {},
    // Streams (a lab may stream an answer) come at once: nobody watches them here.
    streamTimeScale: 0,
  });
  const aws = createAwsClients(
    clients,
    {
      region: sandbox.region,
      endpoint: sandbox.endpoint,
      credentials: { ...sandbox.credentials },
      ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    },
    {},
  );
  return {
    sandbox,
    aws,
    close: async () => {
      aws.destroy();
      await sandbox.close();
    },
  };
}
