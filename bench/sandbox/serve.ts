/**
 * A standalone sandbox for trying the AWS CLI and boto3 by hand (until `genai-lab sandbox` is wired):
 *   npm run build && node dist/bench/sandbox/serve.js [port] [dbPath]
 */
import { runSandboxServer } from "../../src/sandbox/index.js";

const controller = new AbortController();
process.on("SIGINT", () => controller.abort());
process.on("SIGTERM", () => controller.abort());
await runSandboxServer(
  { port: Number(process.argv[2] ?? 4566), dbPath: process.argv[3] ?? ":memory:", deliveryDelayMs: Number(process.env.DELAY ?? 3000) },
  process.stdout,
  controller.signal,
);
