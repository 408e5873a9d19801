import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  PutLogEventsCommand,
  PutRetentionPolicyCommand,
  paginateFilterLogEvents,
} from "@aws-sdk/client-cloudwatch-logs";
import { beforeAll, describe, expect, it } from "vitest";
import { rejection, sandboxForFile } from "../helpers.js";

const NOW = Date.UTC(2025, 7, 15, 12, 0, 0);
// The SDK signs with the real clock; keep it within the sandbox's 15-minute window.
const { c } = await sandboxForFile({ now: () => NOW }, NOW - Date.now());
beforeAll(async () => {
  await c.logs.send(new CreateLogGroupCommand({ logGroupName: "/ev" }));
  await c.logs.send(new CreateLogStreamCommand({ logGroupName: "/ev", logStreamName: "s" }));
});

const put = (logEvents: { timestamp: number; message: string }[], stream = "s", group = "/ev") =>
  c.logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents }));

describe("PutLogEvents batch rules", () => {
  it("accepts a batch and returns a sequence token (sequence tokens in requests are ignored)", async () => {
    const r = await c.logs.send(
      new PutLogEventsCommand({
        logGroupName: "/ev",
        logStreamName: "s",
        sequenceToken: "whatever",
        logEvents: [{ timestamp: NOW, message: "first" }],
      }),
    );
    expect(r.nextSequenceToken).toMatch(/^\d{56}$/);
    expect(r.rejectedLogEventsInfo).toBeUndefined();
  });

  it("rejects more than 10,000 events, oversize batches, disorder and spans over 24 h", async () => {
    const many = Array.from({ length: 10_001 }, () => ({ timestamp: NOW, message: "x" }));
    expect((await rejection(put(many))).message).toMatch(
      /Value '\[.*\]' at 'logEvents' failed to satisfy constraint: Member must have length less than or equal to 10000$/s,
    );
    const big = Array.from({ length: 4 }, () => ({ timestamp: NOW, message: "y".repeat(262_144) }));
    expect(await rejection(put(big))).toMatchObject({
      name: "InvalidParameterException",
      message: "Upload too large: 1048680 bytes exceeds limit of 1048576",
    });
    const exact = [{ timestamp: NOW, message: "z".repeat(1_048_576 - 26) }];
    await expect(put(exact)).resolves.toBeDefined();
    expect(
      (
        await rejection(
          put([
            { timestamp: NOW, message: "b" },
            { timestamp: NOW - 1, message: "a" },
          ]),
        )
      ).message,
    ).toBe("Log events in a single PutLogEvents request must be in chronological order.");
    expect(
      (
        await rejection(
          put([
            { timestamp: NOW - 25 * 3600_000, message: "a" },
            { timestamp: NOW, message: "b" },
          ]),
        )
      ).message,
    ).toBe("The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
    expect((await rejection(put([{ timestamp: NOW, message: "" }]))).message).toMatch(
      /at 'message' failed to satisfy constraint: Member must have length greater than or equal to 1/,
    );
    expect((await rejection(put([{ timestamp: NOW, message: "a" }], "nope"))).message).toBe(
      "The specified log stream does not exist.",
    );
    expect((await rejection(put([{ timestamp: NOW, message: "a" }], "s", "/nope"))).message).toBe(
      "The specified log group does not exist.",
    );
  });

  it("reports too-old, expired and too-new events in rejectedLogEventsInfo and stores the rest", async () => {
    await c.logs.send(new CreateLogGroupCommand({ logGroupName: "/rej" }));
    await c.logs.send(new CreateLogStreamCommand({ logGroupName: "/rej", logStreamName: "s" }));
    const day = 24 * 3600_000;
    const old = NOW - 14 * day - 2 * 3600_000;
    let r = await put(
      [
        { timestamp: old, message: "old" },
        { timestamp: old + 3600_000, message: "old2" },
        { timestamp: old + 12 * 3600_000, message: "ok" },
      ],
      "s",
      "/rej",
    );
    expect(r.rejectedLogEventsInfo).toEqual({ tooOldLogEventEndIndex: 2 });
    r = await put(
      [
        { timestamp: NOW, message: "ok" },
        { timestamp: NOW + 3 * 3600_000, message: "future" },
      ],
      "s",
      "/rej",
    );
    expect(r.rejectedLogEventsInfo).toEqual({ tooNewLogEventStartIndex: 1 });
    await c.logs.send(new PutRetentionPolicyCommand({ logGroupName: "/rej", retentionInDays: 1 }));
    r = await put(
      [
        { timestamp: NOW - day - 60_000, message: "expired" },
        { timestamp: NOW - 23 * 3600_000, message: "fresh" },
      ],
      "s",
      "/rej",
    );
    expect(r.rejectedLogEventsInfo).toEqual({ expiredLogEventEndIndex: 1 });
    const got = await c.logs.send(
      new GetLogEventsCommand({ logGroupName: "/rej", logStreamName: "s", startFromHead: true }),
    );
    // The first "ok" (13 days old) is now past the 1-day retention, so reads no longer return it.
    expect(got.events?.map((e) => e.message)).toEqual(["fresh", "ok"]);
  });
});

describe("GetLogEvents paging", () => {
  it("pages forward and backward and returns the same token at either end", async () => {
    await c.logs.send(new CreateLogStreamCommand({ logGroupName: "/ev", logStreamName: "paged" }));
    await put(
      Array.from({ length: 7 }, (_, i) => ({ timestamp: NOW - 7000 + i * 1000, message: `m${i}` })),
      "paged",
    );
    const base = { logGroupName: "/ev", logStreamName: "paged", limit: 3 };
    const tail = await c.logs.send(new GetLogEventsCommand(base));
    expect(tail.events?.map((e) => e.message)).toEqual(["m4", "m5", "m6"]);
    const back = await c.logs.send(new GetLogEventsCommand({ ...base, nextToken: tail.nextBackwardToken }));
    expect(back.events?.map((e) => e.message)).toEqual(["m1", "m2", "m3"]);
    const back2 = await c.logs.send(new GetLogEventsCommand({ ...base, nextToken: back.nextBackwardToken }));
    expect(back2.events?.map((e) => e.message)).toEqual(["m0"]);
    const back3 = await c.logs.send(new GetLogEventsCommand({ ...base, nextToken: back2.nextBackwardToken }));
    expect(back3.events).toEqual([]);
    expect(back3.nextBackwardToken).toBe(back2.nextBackwardToken);

    const head: string[] = [];
    let token: string | undefined;
    for (let i = 0; i < 10; i += 1) {
      const page = await c.logs.send(
        new GetLogEventsCommand({ ...base, startFromHead: true, ...(token ? { nextToken: token } : {}) }),
      );
      head.push(...(page.events ?? []).map((e) => e.message!));
      if (page.nextForwardToken === token) break;
      token = page.nextForwardToken;
    }
    expect(head).toEqual(["m0", "m1", "m2", "m3", "m4", "m5", "m6"]);
    await put([{ timestamp: NOW, message: "m7" }], "paged");
    const more = await c.logs.send(new GetLogEventsCommand({ ...base, nextToken: token }));
    expect(more.events?.map((e) => e.message)).toEqual(["m7"]);
    expect(more.events?.[0]?.ingestionTime).toBe(NOW);

    const window = await c.logs.send(
      new GetLogEventsCommand({
        logGroupName: "/ev",
        logStreamName: "paged",
        startTime: NOW - 5000,
        endTime: NOW - 3000,
        startFromHead: true,
      }),
    );
    expect(window.events?.map((e) => e.message)).toEqual(["m2", "m3"]);
    expect((await rejection(c.logs.send(new GetLogEventsCommand({ ...base, nextToken: "f/123" })))).message).toBe(
      "The specified nextToken is invalid.",
    );
  });
});

describe("FilterLogEvents", () => {
  beforeAll(async () => {
    await c.logs.send(new CreateLogGroupCommand({ logGroupName: "/f" }));
    for (const s of ["app-1", "app-2", "db"])
      await c.logs.send(new CreateLogStreamCommand({ logGroupName: "/f", logStreamName: s }));
    await put(
      [
        { timestamp: NOW - 5000, message: "ERROR timeout calling bedrock" },
        { timestamp: NOW - 3000, message: '{"level":"INFO","input":{"tokens":12},"model":"us.anthropic.claude"}' },
      ],
      "app-1",
      "/f",
    );
    await put(
      [
        { timestamp: NOW - 4000, message: "WARN slow response" },
        { timestamp: NOW - 2000, message: '{"level":"ERROR","input":{"tokens":400},"model":"amazon.nova-lite"}' },
      ],
      "app-2",
      "/f",
    );
    await put([{ timestamp: NOW - 1000, message: "ERROR healthcheck failed" }], "db", "/f");
  });
  const filter = async (extra: Record<string, unknown>) =>
    (await c.logs.send(new FilterLogEventsCommand({ logGroupName: "/f", ...extra }))).events?.map((e) => e.message);

  it("interleaves streams by time and returns event metadata", async () => {
    const r = await c.logs.send(new FilterLogEventsCommand({ logGroupName: "/f" }));
    expect(r.events?.map((e) => e.logStreamName)).toEqual(["app-1", "app-2", "app-1", "app-2", "db"]);
    expect(r.events?.[0]).toMatchObject({
      timestamp: NOW - 5000,
      ingestionTime: NOW,
      eventId: expect.stringMatching(/^\d{56}$/),
    });
    expect(r.nextToken).toBeUndefined();
  });

  it("matches terms, phrases, exclusions and optional terms", async () => {
    expect(await filter({ filterPattern: "ERROR" })).toEqual([
      "ERROR timeout calling bedrock",
      '{"level":"ERROR","input":{"tokens":400},"model":"amazon.nova-lite"}',
      "ERROR healthcheck failed",
    ]);
    expect(await filter({ filterPattern: '"slow response"' })).toEqual(["WARN slow response"]);
    expect(await filter({ filterPattern: "ERROR -healthcheck -level" })).toEqual(["ERROR timeout calling bedrock"]);
    expect(await filter({ filterPattern: "?WARN ?timeout" })).toEqual([
      "ERROR timeout calling bedrock",
      "WARN slow response",
    ]);
  });

  it("matches JSON patterns", async () => {
    expect(await filter({ filterPattern: '{ $.level = "ERROR" }' })).toHaveLength(1);
    expect(await filter({ filterPattern: "{ $.input.tokens > 100 }" })).toEqual([
      '{"level":"ERROR","input":{"tokens":400},"model":"amazon.nova-lite"}',
    ]);
    expect(await filter({ filterPattern: '{ $.model = "us.*" || $.input.tokens >= 400 }' })).toHaveLength(2);
    expect(await filter({ filterPattern: '{ ($.level != "INFO") && $.input.tokens < 1000 }' })).toHaveLength(1);
    expect(await filter({ filterPattern: "{ $.missing NOT EXISTS && $.level = INFO }" })).toHaveLength(1);
    expect(
      (await rejection(c.logs.send(new FilterLogEventsCommand({ logGroupName: "/f", filterPattern: "{ $.a = " }))))
        .name,
    ).toBe("InvalidParameterException");
  });

  it("limits by time (ms, end inclusive) and streams", async () => {
    expect(await filter({ startTime: NOW - 4000, endTime: NOW - 2000 })).toHaveLength(3);
    expect(await filter({ logStreamNames: ["db", "app-2"] })).toHaveLength(3);
    expect(await filter({ logStreamNamePrefix: "app" })).toHaveLength(4);
    expect(
      (
        await rejection(
          c.logs.send(
            new FilterLogEventsCommand({ logGroupName: "/f", logStreamNames: ["db"], logStreamNamePrefix: "a" }),
          ),
        )
      ).name,
    ).toBe("InvalidParameterException");
  });

  it("paginates with nextToken", async () => {
    const seen: string[] = [];
    for await (const page of paginateFilterLogEvents({ client: c.logs, pageSize: 2 }, { logGroupName: "/f" })) {
      expect(page.events!.length).toBeLessThanOrEqual(2);
      seen.push(...page.events!.map((e) => e.message!));
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });
});
