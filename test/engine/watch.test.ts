import { describe, expect, it } from "vitest";
import type { CheckResult } from "../../src/engine/contract.js";
import type { RunnerEvent } from "../../src/engine/events.js";
import { createFakeClock, flush, type FakeClock } from "../helpers/fake-clock.js";
import { sequence } from "../helpers/fixture-runner.js";
import { inlineRunner, inlineStep, notYet, scriptedCheck } from "../helpers/inline-lab.js";

/** Enough turns of the microtask queue for a whole round of checks to finish. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await flush();
};

/** A world the learner changes between rounds, and a check that reads it. */
function world() {
  const state = { ready: false, calls: 0, live: [] as boolean[] };
  const check = scriptedCheck("ready", async (ctx) => {
    state.calls += 1;
    state.live.push(ctx.liveCheck);
    return state.ready ? { status: "pass", evidence: { expected: "ready", actual: "ready" } } : notYet;
  });
  return { state, check };
}

const rounds = (events: RunnerEvent[]) =>
  events.flatMap((e) => (e.type === "watch" && e.phase === "round-started" ? [e] : []));
const finishedRounds = (events: RunnerEvent[]) =>
  events.flatMap((e) => (e.type === "watch" && e.phase === "round-finished" ? [e.nextRoundInMs] : []));

async function advanceTo(clock: FakeClock, start: number, ms: number) {
  await clock.advance(start + ms - clock.now());
  await settle();
}

describe("watchStep: live checking of a step", () => {
  it("re-checks with back-off 2, 3, 5, 8, then every 10 s, and records the learner when the step passes", async () => {
    const clock = createFakeClock();
    const start = clock.now();
    const { state, check } = world();
    const { runner, store, events } = inlineRunner([inlineStep("make", [check])], { clock });
    const watch = runner.watchStep("make", new AbortController().signal);
    await settle();
    expect(state.calls).toBe(1);
    // Round starts at 0, 2, 5, 10, 18, 28, 38 s.
    for (const [at, calls] of [
      [1999, 1],
      [2000, 2],
      [4999, 2],
      [5000, 3],
      [10_000, 4],
      [18_000, 5],
      [27_999, 5],
      [28_000, 6],
      [38_000, 7],
    ] as const) {
      await advanceTo(clock, start, at);
      expect({ at, calls: state.calls }).toEqual({ at, calls });
    }
    expect(finishedRounds(events)).toEqual([2000, 3000, 5000, 8000, 10_000, 10_000, 10_000]);
    expect(store.state.steps.make).toBeUndefined();

    state.ready = true; // the learner ran the command in their own terminal
    await advanceTo(clock, start, 48_000);
    const result = await watch.done;
    expect(result).toMatchObject({ outcome: "passed", rounds: 8, by: "learner" });
    expect(result.results[0]?.result).toMatchObject({ status: "pass", doneBy: "learner" });
    expect(store.state.steps.make).toMatchObject({ outcome: "passed", doneBy: "learner", runs: 1 });
    expect(store.state.checks.ready?.result).toMatchObject({ status: "pass", doneBy: "learner" });
    expect(sequence(events).slice(-4)).toEqual([
      "check-finished:ready:pass",
      "round-finished:8:1/1:0",
      "step-finished:make:passed",
      "watch-finished:passed",
    ]);
    expect(events.find((e) => e.type === "step-finished")).toMatchObject({ by: "learner" });
    // Every check event of a round is tagged live, and the checks were told so.
    expect(events.filter((e) => e.type === "check-finished").every((e) => e.live === true)).toBe(true);
    expect(state.live.every(Boolean)).toBe(true);
    expect(clock.pendingSleepers()).toBe(0);
  });

  it("runs a round at once on a poke and starts the back-off over", async () => {
    const clock = createFakeClock();
    const start = clock.now();
    const { state, check } = world();
    const { runner, events } = inlineRunner([inlineStep("make", [check])], { clock });
    const controller = new AbortController();
    const watch = runner.watchStep("make", controller.signal);
    await settle();
    await advanceTo(clock, start, 2000); // round 2
    await advanceTo(clock, start, 3000); // 1 s into the 3 s wait
    watch.poke();
    await settle();
    expect(state.calls).toBe(3);
    expect(rounds(events).map((r) => r.reason)).toEqual(["first", "timer", "poke"]);
    // The back-off restarted: the next round is 2 s after the poke, not 5 s.
    expect(finishedRounds(events)).toEqual([2000, 3000, 2000]);
    await advanceTo(clock, start, 4999);
    expect(state.calls).toBe(3);
    await advanceTo(clock, start, 5000);
    expect(state.calls).toBe(4);
    controller.abort();
    expect((await watch.done).outcome).toBe("cancelled");
  });

  it("a poke during a round runs the next round as soon as it ends (the round may have read too early)", async () => {
    const clock = createFakeClock();
    let release: (result: CheckResult) => void = () => undefined;
    let calls = 0;
    const slow = scriptedCheck("slow", () => {
      calls += 1;
      return calls === 1 ? new Promise<CheckResult>((resolve) => (release = resolve)) : Promise.resolve(notYet);
    });
    const { runner, events } = inlineRunner([inlineStep("make", [slow])], { clock });
    const controller = new AbortController();
    const watch = runner.watchStep("make", controller.signal);
    await settle();
    watch.poke(); // while round 1 is still reading
    watch.poke(); // twice: still one extra round
    release(notYet);
    await settle();
    expect(calls).toBe(2);
    expect(rounds(events).map((r) => r.reason)).toEqual(["first", "poke"]);
    expect(finishedRounds(events)).toEqual([0, 2000]);
    controller.abort();
    await watch.done;
  });

  it("leave(): one last round at once, recorded when it passes, else the watch ends without waiting", async () => {
    const clock = createFakeClock();
    const { state, check } = world();
    const { runner, store, events } = inlineRunner([inlineStep("make", [check])], { clock });
    const watch = runner.watchStep("make", new AbortController().signal);
    await settle();
    state.ready = true; // the learner ran the step's last command, then moved on before the next round
    watch.leave();
    expect(await watch.done).toMatchObject({ outcome: "passed", rounds: 2, by: "learner" });
    expect(store.state.steps.make).toMatchObject({ outcome: "passed", doneBy: "learner" });
    expect(rounds(events).map((r) => r.reason)).toEqual(["first", "poke"]);

    const other = world();
    const still = inlineRunner([inlineStep("make", [other.check])], { clock });
    const left = still.runner.watchStep("make", new AbortController().signal);
    await settle();
    left.leave();
    expect(await left.done).toMatchObject({ outcome: "cancelled", rounds: 2 });
    expect(clock.pendingSleepers()).toBe(0);
    expect(still.store.state.steps.make).toBeUndefined();
  });

  it("leave() during a round: that round may have read too early, so one more runs before the end", async () => {
    const clock = createFakeClock();
    let release: (result: CheckResult) => void = () => undefined;
    let calls = 0;
    const pass: CheckResult = { status: "pass", evidence: { expected: "ready", actual: "ready" } };
    const slow = scriptedCheck("slow", () => {
      calls += 1;
      return calls === 1 ? new Promise<CheckResult>((resolve) => (release = resolve)) : Promise.resolve(pass);
    });
    const { runner, store } = inlineRunner([inlineStep("make", [slow])], { clock });
    const watch = runner.watchStep("make", new AbortController().signal);
    await settle();
    watch.leave();
    release(notYet);
    expect(await watch.done).toMatchObject({ outcome: "passed", rounds: 2 });
    expect(store.state.steps.make).toMatchObject({ outcome: "passed", doneBy: "learner" });
  });

  it("stops at once when cancelled during a wait or during a round, and records nothing", async () => {
    const clock = createFakeClock();
    const { state, check } = world();
    const { runner, store, events } = inlineRunner([inlineStep("make", [check])], { clock });
    const waiting = new AbortController();
    const first = runner.watchStep("make", waiting.signal);
    await settle();
    expect(clock.pendingSleepers()).toBe(1);
    waiting.abort();
    expect(await first.done).toMatchObject({ outcome: "cancelled", rounds: 1 });
    expect(clock.pendingSleepers()).toBe(0);

    let started: () => void = () => undefined;
    const hanging = scriptedCheck("hang", () => {
      started();
      return new Promise<CheckResult>(() => undefined); // never answers: only cancellation ends it
    });
    const other = inlineRunner([inlineStep("hang", [hanging])], { clock });
    const during = new AbortController();
    const onStart = new Promise<void>((resolve) => (started = resolve));
    const second = other.runner.watchStep("hang", during.signal);
    await onStart;
    during.abort();
    expect(await second.done).toMatchObject({ outcome: "cancelled", rounds: 1 });
    expect(other.store.state.steps.hang).toBeUndefined();
    expect(sequence(other.events).at(-1)).toBe("watch-finished:cancelled");

    expect(state.calls).toBe(1);
    expect(store.state.steps.make).toBeUndefined();
    expect(sequence(events)).not.toContain("step-finished:make:passed");
  });

  it("keeps watching through a check that throws, and passes once it answers", async () => {
    const clock = createFakeClock();
    let calls = 0;
    const flaky = scriptedCheck("flaky", async () => {
      calls += 1;
      if (calls <= 2) throw new Error("the service hiccupped");
      return { status: "pass" };
    });
    const { runner, events } = inlineRunner([inlineStep("make", [flaky])], { clock });
    const watch = runner.watchStep("make", new AbortController().signal);
    await settle();
    await clock.advance(2000);
    await settle();
    await clock.advance(3000);
    await settle();
    expect(await watch.done).toMatchObject({ outcome: "passed", rounds: 3 });
    const statuses = events.flatMap((e) => (e.type === "check-finished" ? [e.result.status] : []));
    expect(statuses).toEqual(["error", "error", "pass"]);
    const error = events.find((e) => e.type === "check-finished" && e.result.status === "error");
    expect(error).toMatchObject({ result: { problem: { message: "the service hiccupped" } } });
  });

  it("a check that stays 'not yet' never waits inside the round (its poll probes once) and costs one file write", async () => {
    const clock = createFakeClock();
    let probes = 0;
    const polling = scriptedCheck("delivered", async (ctx) => {
      const outcome = await ctx.poll({
        label: { vi: "Chờ log", en: "Waiting for logs" },
        timeoutMs: 180_000,
        probe: async () => {
          probes += 1;
          return { state: "not-yet" };
        },
      });
      return outcome.state === "ready" ? { status: "pass" } : notYet;
    });
    const { runner, store } = inlineRunner([inlineStep("logs", [polling])], { clock });
    let writes = 0;
    store.subscribe((_, action) => (writes += action?.type === "check-recorded" ? 1 : 0));
    const controller = new AbortController();
    const watch = runner.watchStep("logs", controller.signal);
    for (let i = 0; i < 20; i++) {
      await settle();
      // Only the watcher's own wait is pending: the check's poll returned after one probe.
      expect(clock.pendingSleepers()).toBe(1);
      await clock.advance(10_000);
    }
    await settle();
    expect(probes).toBe(21);
    expect(writes).toBe(1); // the first "not yet"; later rounds changed nothing
    controller.abort();
    expect((await watch.done).outcome).toBe("cancelled");
  });

  it("credits the runner only when every check says so, or when the runner completed the step before", async () => {
    const clock = createFakeClock();
    const says = (doneBy: "learner" | "runner") =>
      scriptedCheck(`by-${doneBy}`, async () => ({ status: "pass", doneBy }));
    const mixed = inlineRunner([inlineStep("mixed", [says("runner"), says("learner")])], { clock });
    expect(await mixed.runner.watchStep("mixed", new AbortController().signal).done).toMatchObject({ by: "learner" });
    const runnerOnly = inlineRunner([inlineStep("ours", [says("runner")])], { clock });
    expect(await runnerOnly.runner.watchStep("ours", new AbortController().signal).done).toMatchObject({
      by: "runner",
    });
    expect(runnerOnly.store.state.steps.ours?.doneBy).toBe("runner");

    // A check that does not say takes the step's record: the runner did this step earlier.
    const silent = scriptedCheck("silent", async () => ({ status: "pass" }));
    const earlier = inlineRunner([inlineStep("done", [silent])], { clock });
    earlier.store.dispatch({ type: "step-finished", stepId: "done", outcome: "passed", by: "runner", at: "t" });
    const result = await earlier.runner.watchStep("done", new AbortController().signal).done;
    expect(result).toMatchObject({ by: "runner", results: [{ result: { doneBy: "runner" } }] });
  });

  it("ends at once for a step with nothing to check", async () => {
    const { runner, events, store } = inlineRunner([inlineStep("read", [])]);
    expect(await runner.watchStep("read", new AbortController().signal).done).toEqual({
      outcome: "no-checks",
      rounds: 0,
      results: [],
    });
    expect(sequence(events)).toEqual(["watch-finished:no-checks"]);
    expect(store.state.steps.read).toBeUndefined();
  });
});
