import { describe, expect, it } from "vitest";
import type { Countdown, Reporter } from "../../src/engine/contract.js";
import { poll, type PollProbe } from "../../src/engine/poll.js";
import { advanceUntilSettled, createFakeClock } from "../helpers/fake-clock.js";

function recorder() {
  const countdowns: Countdown[] = [];
  const messages: string[] = [];
  const report: Reporter = {
    progress: (message, extra) => {
      messages.push(message.en);
      if (extra?.countdown) countdowns.push(extra.countdown);
    },
    output: () => undefined,
    note: () => undefined,
  };
  return { report, countdowns, messages };
}

const label = { vi: "Đang chờ log", en: "Waiting for logs" };

describe("poll", () => {
  it("keeps waiting while the probe says not-yet, with a countdown, and returns the value once ready", async () => {
    const clock = createFakeClock();
    const { report, countdowns, messages } = recorder();
    let calls = 0;
    const probe = async (): Promise<PollProbe<string>> =>
      ++calls < 4
        ? { state: "not-yet", detail: { vi: "chưa", en: "not yet" } }
        : { state: "ready", value: "five records" };
    const result = await advanceUntilSettled(
      clock,
      poll(
        { label, timeoutMs: 60_000, intervalMs: 3000, probe },
        { clock, report, signal: new AbortController().signal },
      ),
    );
    expect(result).toEqual({ state: "ready", value: "five records", waitedMs: 9000, attempts: 4 });
    // One countdown tick per second while waiting, counting down from the timeout.
    expect(countdowns[0]).toEqual({ remainingMs: 60_000, totalMs: 60_000 });
    expect(countdowns.at(-1)).toEqual({ remainingMs: 52_000, totalMs: 60_000 });
    expect(countdowns).toHaveLength(9);
    expect(messages[0]).toBe("Waiting for logs — 60 s left");
  });

  it("stops at once when the probe says wrong, with the evidence (waiting would not fix it)", async () => {
    const clock = createFakeClock();
    const { report } = recorder();
    let calls = 0;
    const probe = async (): Promise<PollProbe<string>> =>
      ++calls < 2
        ? { state: "not-yet" }
        : { state: "wrong", evidence: { expected: "/aws/bedrock/model-invocations", actual: "/other" }, hint: label };
    const result = await advanceUntilSettled(
      clock,
      poll(
        { label, timeoutMs: 60_000, intervalMs: 1000, probe },
        { clock, report, signal: new AbortController().signal },
      ),
    );
    expect(result.state).toBe("wrong");
    expect(result).toMatchObject({ attempts: 2, evidence: { actual: "/other" } });
  });

  it("times out as not-yet (never as wrong), keeping the last detail", async () => {
    const clock = createFakeClock();
    const { report } = recorder();
    const probe = async (): Promise<PollProbe<string>> => ({
      state: "not-yet",
      detail: { vi: "0/5", en: "0 of 5 found" },
    });
    const result = await advanceUntilSettled(
      clock,
      poll(
        { label, timeoutMs: 10_000, intervalMs: 2000, probe },
        { clock, report, signal: new AbortController().signal },
      ),
    );
    expect(result).toEqual({
      state: "timed-out",
      detail: { vi: "0/5", en: "0 of 5 found" },
      waitedMs: 10_000,
      attempts: 6,
    });
  });

  it("ends with an AbortError as soon as the signal aborts", async () => {
    const clock = createFakeClock();
    const { report } = recorder();
    const controller = new AbortController();
    const pending = poll(
      { label, timeoutMs: 60_000, probe: async () => ({ state: "not-yet" }) },
      { clock, report, signal: controller.signal },
    );
    await clock.advance(1000);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });
});
