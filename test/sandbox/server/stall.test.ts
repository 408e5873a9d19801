/**
 * One request must not freeze the sandbox. The sandbox runs in its own process here so that the test keeps its clock
 * while the server's event loop is busy: a FilterLogEvents whose glob once backtracked for minutes (`*a*a*a*b` over
 * 3,000 characters) now answers in milliseconds, and the health endpoint answers meanwhile.
 */
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  FilterLogEventsCommand,
  PutLogEventsCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { afterAll, describe, expect, it } from "vitest";
import { sandboxKeys, startSandboxChild, worstHealthLatency } from "../child.js";

const { child, endpoint } = await startSandboxChild();
afterAll(() => child.kill("SIGKILL"));
const logs = new CloudWatchLogsClient({ endpoint, region: "us-east-1", maxAttempts: 1, credentials: sandboxKeys });
afterAll(() => logs.destroy());

describe("a worst-case filter pattern", () => {
  it("is matched in linear time while the health endpoint keeps answering", async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: "/stall" }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: "/stall", logStreamName: "s" }));
    const message = JSON.stringify({ m: "a".repeat(3000) });
    for (let batch = 0; batch < 4; batch += 1) {
      const now = Date.now();
      await logs.send(
        new PutLogEventsCommand({
          logGroupName: "/stall",
          logStreamName: "s",
          logEvents: Array.from({ length: 250 }, () => ({ timestamp: now, message })),
        }),
      );
    }
    const started = performance.now();
    const filter = logs.send(
      new FilterLogEventsCommand({ logGroupName: "/stall", filterPattern: '{ $.m = "*a*a*a*b" }' }),
      { abortSignal: AbortSignal.timeout(10_000) },
    );
    const health = await worstHealthLatency(endpoint, filter);
    const page = await filter;
    const elapsed = performance.now() - started;
    expect(page.events).toEqual([]);
    expect(health.worstMs).toBeLessThan(1000);
    // 1,000 events × 3,000 characters: the backtracking regex needed minutes for one of them.
    expect(elapsed).toBeLessThan(5000);
    const matching = await logs.send(
      new FilterLogEventsCommand({ logGroupName: "/stall", filterPattern: '{ $.m = "*a*a*a*a" }', limit: 3 }),
    );
    expect(matching.events).toHaveLength(3);
  }, 30_000);
});
