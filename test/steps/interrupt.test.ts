/**
 * Interrupt anywhere, run again: the lab converges to the same end state, and cleanup leaves the sandbox as it found
 * it. The run's AbortSignal is aborted at the k-th runner event (a spread of k over the whole run, so every step and
 * most actions are cut somewhere), as Ctrl+C would. LAB_INTERRUPT_SAMPLES=200 cuts at every event instead (~80 s;
 * it passes, and found the "previous state is null" bug this sample now guards).
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { sandboxResources, startLabSession, type LabSession } from "../helpers/lab-session.js";
import { run, runCleanup, STEP } from "./util.js";

let session: LabSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** Runs `stepIds` on a fresh runner over the same state, aborting at event `k`; returns how many events it saw. */
async function interruptAt(s: LabSession, k: number, stepIds?: string[]): Promise<{ outcome: string; seen: number }> {
  const { runner } = s.runnerWith();
  const controller = new AbortController();
  let seen = 0;
  runner.subscribe(() => {
    seen += 1;
    if (seen === k) controller.abort();
  });
  const summary = await runner.runSteps(
    stepIds ?? runner.selectSteps(),
    controller.signal,
    stepIds ? { checklist: false } : {},
  );
  // The "process" ends here; give calls already on the wire a moment to land, as they would on AWS.
  await sleep(50);
  return { outcome: summary.outcome, seen };
}

function spread(total: number, samples: number): number[] {
  return [...new Set(Array.from({ length: samples }, (_, i) => 1 + Math.floor((i * (total - 2)) / (samples - 1))))];
}

describe("interrupt and run again", () => {
  it("converges from an interrupt at any point of the run, and cleanup then restores the sandbox", async () => {
    session = await startLabSession();
    const initial = await sandboxResources(session.aws);
    const reference = await interruptAt(session, Number.POSITIVE_INFINITY);
    expect(reference.outcome).toBe("passed");
    const finalState = await sandboxResources(session.aws);
    await session.close();

    for (const k of spread(reference.seen, Number(process.env.LAB_INTERRUPT_SAMPLES ?? 8))) {
      session = await startLabSession();
      const cut = await interruptAt(session, k);
      expect(cut.outcome, `interrupted at event ${k}`).toBe("cancelled");
      const again = session.runnerWith();
      const summary = await run(again.runner);
      expect(summary.outcome, `run after an interrupt at event ${k}`).toBe("passed");
      expect(summary.checklist.map((item) => item.result.status)).toEqual(["pass", "pass", "pass", "pass"]);
      expect(await sandboxResources(session.aws), `end state after an interrupt at event ${k}`).toEqual(finalState);

      await runCleanup(session.runnerWith().runner);
      expect(await sandboxResources(session.aws), `after cleanup (interrupt at event ${k})`).toEqual(initial);
      await session.close();
      session = undefined;
    }
  }, 120_000);

  it("finishes a cleanup that was interrupted", async () => {
    session = await startLabSession();
    const initial = await sandboxResources(session.aws);
    await run(session.runner);
    const reference = await interruptAt(session, Number.POSITIVE_INFINITY, [STEP.cleanup]);
    await session.close();

    for (const k of spread(reference.seen, Number(process.env.LAB_INTERRUPT_SAMPLES ?? 4))) {
      session = await startLabSession();
      await run(session.runner);
      const cut = await interruptAt(session, k, [STEP.cleanup]);
      expect(cut.outcome, `cleanup interrupted at event ${k}`).toBe("cancelled");
      await interruptAt(session, Number.POSITIVE_INFINITY, [STEP.cleanup]);
      expect(await sandboxResources(session.aws), `after cleanup interrupted at event ${k}`).toEqual(initial);
      await session.close();
      session = undefined;
    }
  }, 60_000);
});
