import { describe, expect, it } from "vitest";
import { defineStep, type LabManifest, type Step } from "../../src/engine/contract.js";
import type { RunnerEvent } from "../../src/engine/events.js";
import type { LoadedLab } from "../../src/engine/loader.js";
import { Runner } from "../../src/engine/runner.js";
import { ProgressStore } from "../../src/engine/store.js";
import { fakeTarget } from "../helpers/fixture-runner.js";

const text = (s: string) => ({ vi: `${s} (vi)`, en: s });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A one-step lab whose action ignores its signal and keeps working after the runner gave up on it. */
function stubbornLab(): LoadedLab {
  const step: Step = defineStep({
    id: "stubborn",
    title: text("Stubborn"),
    actions: [
      {
        id: "slow",
        title: text("Slow"),
        timeoutMs: 30,
        async run(ctx) {
          await sleep(80); // never looks at ctx.signal
          ctx.report.progress(text("still here"));
          ctx.facts.set("late", true);
          await ctx.ledger.track({ type: "thing", name: "t" }, async () => undefined);
        },
      },
    ],
    checks: [{ id: "ok", label: text("Ok"), run: async () => ({ status: "pass" }) }],
  });
  const manifest: LabManifest = {
    id: "stubborn-lab",
    title: text("Lab"),
    goal: text("Goal"),
    durationMinutes: 1,
    examDomain: text("None"),
    prerequisites: [],
    parameters: {},
    checklist: [{ id: "ok" }],
  };
  return {
    dir: "",
    manifest,
    steps: [{ step, file: "01-stubborn/step.ts", number: 1, markdown: { body: text("Body") } }],
    checks: new Map([["ok", { step, check: step.checks[0]! }]]),
  };
}

describe("an action that outlives its timeout", () => {
  it("is fenced off: no events after the run ends, no facts, but its ledger write is kept (the thing exists)", async () => {
    const store = ProgressStore.inMemory("stubborn-lab", fakeTarget);
    const runner = new Runner({
      lab: stubbornLab(),
      aws: undefined,
      target: fakeTarget,
      params: {},
      lang: "en",
      store,
    });
    const events: RunnerEvent[] = [];
    runner.subscribe((event) => events.push(event));
    const summary = await runner.runSteps(["stubborn"], new AbortController().signal, { checklist: false });
    expect(summary.outcome).toBe("failed");
    const count = events.length;
    expect(events.at(-1)?.type).toBe("run-finished");
    await sleep(150);
    expect(events.length).toBe(count);
    expect(store.state.facts).toEqual({});
    expect(store.state.ledger.map((entry) => [entry.key, entry.state])).toEqual([["thing:t", "created"]]);
  });
});
