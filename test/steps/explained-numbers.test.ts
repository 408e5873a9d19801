/**
 * The numbers the lab shows are explained where they appear: throttling the SDK absorbed (attempts per call),
 * simulated latencies and answers, and why the dashboard's metric and log widgets disagree.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startLabSession, type LabSession } from "../helpers/lab-session.js";
import { outputs, run, STEP } from "./util.js";

let session: LabSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

type Call = { attempts: number; throttled: number; serverErrors: number; retryDelayMs: number; simulated: boolean };
const batchOf = (s: LabSession) => s.store.state.facts.invocations as { items: Call[] };
const notesOf = (s: LabSession, stepId: string) =>
  s.events.flatMap((e) => (e.type === "output" && e.stepId === stepId && e.output.kind === "note" ? [e.output.text] : []));

describe("step 2: throttling made visible", () => {
  it("counts the attempts of each call and says how many calls the SDK retried, in both languages", async () => {
    session = await startLabSession({ faults: { throttleRate: 0.3, seed: 2 } });
    const summary = await run(session.runner, [STEP.preflight, STEP.logging, STEP.invoke]);
    expect(summary.outcome).toBe("passed");
    const items = batchOf(session).items;
    const throttled = items.filter((call) => call.throttled > 0).length;
    expect(throttled).toBeGreaterThan(0);
    expect(items.every((call) => call.attempts === 1 + call.throttled + call.serverErrors)).toBe(true);
    const note = notesOf(session, STEP.invoke).find((text) => text.en.includes("retried by the SDK"));
    expect(note?.en).toContain(`${throttled} ${throttled === 1 ? "call was" : "calls were"} throttled (ThrottlingException, HTTP 429) and retried by the SDK (standard retry mode, up to 5 attempts)`);
    expect(note?.en).toContain("On the sandbox the throttling is simulated");
    expect(note?.vi).toContain(`${throttled} lời gọi bị throttle`);
    expect(note?.vi).toContain("throttling là mô phỏng");
    const results = outputs(session.events, "table").find((o) => o.kind === "table" && o.columns.some((c) => c.key === "attempts"));
    expect(results?.kind === "table" && results.rows.map((row) => row.attempts)).toEqual(items.map((call) => call.attempts));
  }, 30_000);

  it("says nothing about retries when no call needed one", async () => {
    session = await startLabSession();
    await run(session.runner, [STEP.preflight, STEP.logging, STEP.invoke]);
    expect(batchOf(session).items.every((call) => call.attempts === 1 && call.throttled === 0)).toBe(true);
    expect(notesOf(session, STEP.invoke).some((text) => text.en.includes("retried"))).toBe(false);
  });
});
