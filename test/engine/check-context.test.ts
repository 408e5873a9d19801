import { describe, expect, it } from "vitest";
import { createCheckContext, type ContextEnvironment } from "../../src/engine/context.js";
import { ProgressStore } from "../../src/engine/store.js";
import { createFakeClock } from "../helpers/fake-clock.js";
import { fakeTarget } from "../helpers/fixture-runner.js";

function environment(): ContextEnvironment {
  const store = ProgressStore.inMemory("lab", fakeTarget);
  store.dispatch({
    type: "resource-creating",
    resource: { type: "dashboard", name: "d" },
    region: "us-east-1",
    stepId: "s",
    actionId: "a",
    at: new Date(0).toISOString(),
  });
  return {
    aws: undefined,
    params: {},
    target: fakeTarget,
    lang: "en",
    store,
    clock: createFakeClock(),
    classify: () => ({ kind: "step", title: { vi: "x", en: "x" }, next: { vi: "x", en: "x" }, retryable: false }),
    dryRun: false,
    yes: false,
    confirm: async () => false,
    emit: () => undefined,
  };
}

const waitingProbe = {
  label: { vi: "chờ", en: "waiting" },
  timeoutMs: 60_000,
  intervalMs: 1000,
  probe: async () => ({ state: "not-yet" as const }),
};

describe("the check context", () => {
  it("shows checks the ledger, read-only", () => {
    const ctx = createCheckContext(environment(), { stepId: "s", checkId: "c" }, new AbortController().signal);
    expect(ctx.ledger.entries().map((entry) => entry.key)).toEqual(["dashboard:d"]);
    expect("track" in ctx.ledger).toBe(false);
    expect(ctx.liveCheck).toBe(false);
  });

  it("probes once and does not wait during a live re-check", async () => {
    const signal = new AbortController().signal;
    const ctx = createCheckContext(environment(), { stepId: "s", checkId: "c" }, signal, () => true, {
      liveCheck: true,
    });
    expect(ctx.liveCheck).toBe(true);
    const result = await ctx.poll(waitingProbe);
    expect(result).toMatchObject({ state: "timed-out", attempts: 1, waitedMs: 0 });
  });
});
