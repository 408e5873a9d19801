/**
 * Issue 14 item 3: step 2 streams its last prompt (still five calls, one of them streamed) and shows it arriving —
 * progress events whose `stream` text grows, at most ~20 a second, the time to the first token once it lands, the
 * whole time at the end — then what the stream measured and what TTFT is. A stream that breaks partway fails the
 * step with the exception Bedrock sent; Ctrl+C stops it cleanly.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { StreamProgress } from "../../src/engine/contract.js";
import type { RunnerEvent } from "../../src/engine/events.js";
import { answerText } from "../../steps/lib/answer-text.js";
import { INVOCATIONS, type InvocationBatch } from "../../steps/lib/invocations.js";
import { startLabSession, type LabSession } from "../helpers/lab-session.js";
import { actionOutcomes, notes, outputs, problems, run, STEP } from "./util.js";

let session: LabSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** The stream events of step 2, with when each arrived. */
function streamEvents(events: RunnerEvent[]): StreamProgress[] {
  return events.flatMap((e) => (e.type === "progress" && e.stepId === STEP.invoke && e.stream ? [e.stream] : []));
}

/** Step 2's batch as the step remembered it, read through its typed fact. */
function batchOf(s: LabSession): InvocationBatch {
  const batch = INVOCATIONS.get({ facts: { get: (key) => s.store.state.facts[key] } });
  if (!batch) throw new Error("step 2 remembered no batch");
  return batch;
}

/** No back-off between the visible retries: a broken stream is tried four times. */
const instantClock = {
  now: () => Date.now(),
  sleep: (_ms: number, signal?: AbortSignal) =>
    signal?.aborted ? Promise.reject(new DOMException("aborted", "AbortError")) : Promise.resolve(),
};

describe("step 2's streamed answer", () => {
  it("streams the last prompt: the text grows event by event, then the time to first token and the whole time", async () => {
    // A tenth of real time: the answer takes ~300 ms, long enough for several repaints.
    session = await startLabSession({ streamTimeScale: 0.1 });
    const arrivals: number[] = [];
    session.runner.subscribe((e) => {
      if (e.type === "progress" && e.stream) arrivals.push(performance.now());
    });
    const summary = await run(session.runner, [STEP.preflight, STEP.logging, STEP.invoke]);
    expect(summary.outcome).toBe("passed");

    const batch = batchOf(session);
    expect(batch.items).toHaveLength(5); // five calls, as in the original lab: the fifth one streamed
    expect(batch.items.map((call) => call.operation)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      "InvokeModelWithResponseStream", // the lab's model is an Anthropic one: its streaming twin of InvokeModel
    ]);
    const last = batch.items[4]!;
    expect(last.firstTokenMs).toBeGreaterThan(0);

    const stream = streamEvents(session.events);
    expect(stream[0]).toEqual({ text: "" }); // "waiting for the first token…"
    const texts = stream.map((s) => s.text);
    for (let i = 1; i < texts.length; i++) expect(texts[i]!.startsWith(texts[i - 1]!)).toBe(true);
    expect(new Set(texts).size).toBeGreaterThan(3); // it grew several times, not in one piece
    const final = stream.at(-1)!;
    expect(final.text).toBe(last.answer);
    expect(final.firstTokenMs).toBe(last.firstTokenMs);
    expect(final.totalMs).toBeGreaterThan(final.firstTokenMs!);
    expect(stream.slice(0, -1).every((s) => s.totalMs === undefined)).toBe(true);
    // Every event after the first token says when it landed.
    const firstText = stream.findIndex((s) => s.text !== "");
    expect(stream.slice(firstText).every((s) => s.firstTokenMs === last.firstTokenMs)).toBe(true);
    // Repaints are throttled: at most one every 50 ms, give or take the first and the last.
    const span = arrivals.at(-1)! - arrivals[0]!;
    expect(stream.length).toBeLessThanOrEqual(span / 50 + 3);

    const kv = outputs(session.events, "key-values").find(
      (o) => o.kind === "key-values" && o.title?.en.startsWith("Streamed answer"),
    );
    expect(kv?.kind === "key-values" && kv.title?.en).toBe(
      "Streamed answer (prompt 5, InvokeModelWithResponseStream, simulated model)",
    );
    expect(kv?.kind === "key-values" && kv.items.map((item) => item.label.en)).toEqual([
      "Time to first token",
      "Whole answer",
      "Output tokens",
      "Request id",
    ]);
    expect(kv?.kind === "key-values" && kv.items[3]!.value).toBe(last.requestId);
    const ttft = notes(session.events).find((text) => text.startsWith("Time to first token (TTFT)"));
    expect(ttft).toContain("Only a streaming call has one");
    expect(ttft).toContain("TimeToFirstToken metric in AWS/Bedrock");
    expect(ttft).toContain("simulated model");
  });

  it("uses ConverseStream for a model outside Anthropic, and the results table marks the streamed row", async () => {
    session = await startLabSession({ params: { modelId: "amazon.nova-lite-v1:0" } });
    expect((await run(session.runner, [STEP.preflight, STEP.logging, STEP.invoke])).outcome).toBe("passed");
    const batch = batchOf(session);
    expect(batch.items.at(-1)?.operation).toBe("ConverseStream");
    const results = outputs(session.events, "table").find(
      (o) => o.kind === "table" && o.title?.en.startsWith("Results"),
    );
    const prompts = results?.kind === "table" ? results.rows.map((row) => row.prompt) : [];
    expect(prompts.at(-1)).toEqual({
      vi: `${batch.items[4]!.prompt} (dạng stream)`,
      en: `${batch.items[4]!.prompt} (streamed)`,
    });
    expect(prompts.slice(0, 4).every((p) => typeof p === "string")).toBe(true);
    // The answers read as text in the table: the model's Markdown marks are gone, its words kept.
    const answers = results?.kind === "table" ? results.rows.map((row) => String(row.answer)) : [];
    expect(batch.items.some((call) => /\*\*|`/.test(call.answer))).toBe(true);
    for (const [i, answer] of answers.entries()) {
      expect(answer).not.toMatch(/\*\*|`|^#+ /m);
      expect(answer).toBe(answerText(batch.items[i]!.answer));
    }
  });

  it("times the first token from the attempt that answered, not from before the SDK's own retries", async () => {
    session = await startLabSession();
    expect((await run(session.runner, [STEP.preflight, STEP.logging])).outcome).toBe("passed");
    // The stream's first HTTP attempt is refused after 400 ms with a throttle; the SDK backs off and tries again.
    let refused = false;
    type Next = (args: unknown) => Promise<unknown>;
    (session.aws.bedrockRuntime.middlewareStack as unknown as { add: (...a: unknown[]) => void }).add(
      (next: Next, context: { commandName?: string }) => async (args: unknown) => {
        if (context.commandName !== "InvokeModelWithResponseStreamCommand" || refused) return next(args);
        refused = true;
        await new Promise((resolve) => setTimeout(resolve, 400));
        throw Object.assign(new Error("Too many requests"), {
          name: "ThrottlingException",
          $metadata: { httpStatusCode: 429 },
        });
      },
      { step: "deserialize", priority: "low", name: "testRefuseFirstStreamAttempt" },
    );
    expect((await run(session.runner, [STEP.invoke])).outcome).toBe("passed");
    const last = batchOf(session).items[4]!;
    expect(refused).toBe(true);
    expect(last).toMatchObject({ attempts: 2, throttled: 1 });
    // At 0.02 of real time the simulated first token comes in milliseconds: the refused attempt is not in it.
    expect(last.firstTokenMs).toBeLessThan(400);
    expect(last.firstTokenMs).toBeGreaterThan(0);
  });

  it("a stream that breaks partway fails the step, naming Bedrock's exception, after the visible retries", async () => {
    session = await startLabSession({ clock: instantClock });
    expect((await run(session.runner, [STEP.preflight, STEP.logging])).outcome).toBe("passed");
    session.sandbox.setFaults("stream-error=1");
    const summary = await run(session.runner, [STEP.invoke]);
    expect(summary.outcome).toBe("failed");
    const [problem] = problems(session.events);
    expect(problem?.kind).toBe("model-stream-error");
    expect(problem?.title.en).toMatch(
      /^The streamed answer broke off after \d+ characters: Bedrock ended the InvokeModelWithResponseStream stream with ModelStreamErrorException: The model stream was interrupted/,
    );
    expect(problem?.title.vi).toContain("bằng ModelStreamErrorException");
    expect(problem?.next.en).toContain("the stream-error switch in GENAI_LAB_SANDBOX_FAULTS is on");
    expect(problem?.next.vi).toContain("công tắc stream-error trong GENAI_LAB_SANDBOX_FAULTS");
    // The retries were shown, and each try started its text over.
    const retries = session.events.filter((e) => e.type === "progress" && /retry \d\/4/.test(e.message.en));
    expect(retries).toHaveLength(3);
    expect(streamEvents(session.events).filter((s) => s.text === "")).toHaveLength(4);
    expect(session.store.state.facts.invocations).toBeUndefined(); // nothing half-done is remembered
  });

  it("a broken stream's last repaint does not land after the retry notice and hide it", async () => {
    // Back-off long enough for a held repaint (up to 50 ms) to fire during it, as the real 1-4 s would.
    const waitingClock = {
      now: () => Date.now(),
      sleep: () => new Promise<void>((resolve) => setTimeout(resolve, 150)),
    };
    session = await startLabSession({ clock: waitingClock, streamTimeScale: 0.1 });
    expect((await run(session.runner, [STEP.preflight, STEP.logging])).outcome).toBe("passed");
    session.sandbox.setFaults("stream-error=1");
    await run(session.runner, [STEP.invoke]);
    const progress = session.events.flatMap((e) => (e.type === "progress" && e.stepId === STEP.invoke ? [e] : []));
    const retries = progress.flatMap((e, i) => (/retry \d\/4/.test(e.message.en) ? [i] : []));
    expect(retries).toHaveLength(3);
    // What follows each retry notice is the next try starting over (empty text), never the broken try's text.
    for (const i of retries) expect(progress[i + 1]?.stream?.text).toBe("");
  });

  it("a throttle mid-stream is named ThrottlingException (not a crash)", async () => {
    session = await startLabSession({ clock: instantClock, params: { modelId: "amazon.nova-lite-v1:0" } });
    await run(session.runner, [STEP.preflight, STEP.logging]);
    session.sandbox.setFaults("stream-error=1,stream-error-type=throttle");
    await run(session.runner, [STEP.invoke]);
    const [problem] = problems(session.events);
    expect(problem?.title.en).toMatch(/ended the ConverseStream stream with ThrottlingException: Too many tokens/);
    expect(problem?.next.en).toMatch(/^genai-lab already retried; wait a moment/);
  });

  it("Ctrl+C during the stream stops it at once: the action is cancelled, nothing is remembered", async () => {
    session = await startLabSession({ streamTimeScale: 1 });
    await run(session.runner, [STEP.preflight, STEP.logging]);
    const controller = new AbortController();
    let abortedAt = 0;
    session.runner.subscribe((e) => {
      if (e.type === "progress" && e.stream?.text && !controller.signal.aborted) {
        abortedAt = performance.now();
        controller.abort();
      }
    });
    const summary = await run(session.runner, [STEP.invoke], controller.signal);
    expect(performance.now() - abortedAt).toBeLessThan(1000); // the answer would have taken seconds more
    expect(summary.outcome).toBe("cancelled");
    expect(actionOutcomes(session.events)).toContain("invoke-prompts:cancelled");
    expect(session.store.state.facts.invocations).toBeUndefined();
  });
});
