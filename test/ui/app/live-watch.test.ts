/**
 * LiveWatch, the TUI's one live watch: moving to another step gives the old one a last look before the new one is
 * watched (the learner may have run its last command a moment before pressing n: without that look the step and
 * its checklist items stayed "not yet" although `genai-lab check` passed them); nothing wanted stops at once.
 */
import { describe, expect, it } from "vitest";
import type { WatchHandle, WatchResult } from "../../../src/engine/watch.js";
import { LiveWatch, type Watcher } from "../../../src/ui/app/live-watch.js";

interface Fake {
  stepId: string;
  signal: AbortSignal;
  left: number;
  end(result: WatchResult): void;
}

function fakeWatcher() {
  const watches: Fake[] = [];
  const watcher: Watcher = {
    watchStep(stepId: string, signal: AbortSignal): WatchHandle {
      let end: (result: WatchResult) => void = () => undefined;
      const done = new Promise<WatchResult>((resolve) => (end = resolve));
      const fake: Fake = { stepId, signal, left: 0, end };
      signal.addEventListener("abort", () => end({ outcome: "cancelled", rounds: 1, results: [] }));
      watches.push(fake);
      return { poke: () => undefined, leave: () => (fake.left += 1), done };
    },
  };
  return { watches, watcher };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("LiveWatch", () => {
  it("moving to another step: a last look at the old one first, then the new one is watched", async () => {
    const { watches, watcher } = fakeWatcher();
    const ended: string[] = [];
    let wanted: string | undefined = "a";
    const live: LiveWatch = new LiveWatch((stepId) => {
      ended.push(stepId);
      live.want(wanted, watcher); // as the controller does: ask again
    });
    live.want("a", watcher);
    wanted = "b";
    live.want("b", watcher);
    expect(watches.map((w) => w.stepId)).toEqual(["a"]);
    expect(watches[0]!.left).toBe(1);
    expect(watches[0]!.signal.aborted).toBe(false);
    live.want("b", watcher); // asked again while the last look runs: still one look, no second watch
    expect(watches[0]!.left).toBe(1);
    watches[0]!.end({ outcome: "passed", rounds: 2, by: "learner", results: [] });
    await tick();
    expect(ended).toEqual(["a"]);
    expect(watches.map((w) => w.stepId)).toEqual(["a", "b"]);
    expect(live.stepId).toBe("b");
    // A step with nothing to watch (step 2 checks with step 3) still lets b take its last look.
    wanted = undefined;
    live.want(undefined, watcher);
    expect(watches[1]!.left).toBe(1);
    expect(watches[1]!.signal.aborted).toBe(false);
    watches[1]!.end({ outcome: "cancelled", rounds: 3, results: [] });
    await tick();
    expect(watches).toHaveLength(2);
    expect(live.stepId).toBeUndefined();
  });

  it("no watcher (a run, a question, quitting) stops at once, even during a last look", async () => {
    const { watches, watcher } = fakeWatcher();
    const ended: string[] = [];
    const live = new LiveWatch((stepId) => ended.push(stepId));
    live.want("a", watcher);
    live.want(undefined, undefined);
    expect(watches[0]!.signal.aborted).toBe(true);
    expect(watches[0]!.left).toBe(0);
    live.want("b", watcher);
    live.want("c", watcher);
    expect(watches[1]!.left).toBe(1);
    await live.stop();
    expect(watches[1]!.signal.aborted).toBe(true);
    expect(ended).toEqual([]);
    expect(live.stepId).toBeUndefined();
  });
});
