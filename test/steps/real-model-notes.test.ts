/**
 * With a real model behind the sandbox, the lab says so wherever it says "simulated" today: step 0's probe, step 2's
 * numbers; and with the simulated model it keeps saying "simulated".
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startFakeOpenAi } from "../fixtures/fake-openai.js";
import { startLabSession, type LabSession } from "../helpers/lab-session.js";
import { run, STEP } from "./util.js";

const fake = await startFakeOpenAi();
afterAll(() => fake.close());
let session: LabSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const notesOf = (s: LabSession, stepId: string) =>
  s.events.flatMap((e) =>
    e.type === "output" && e.stepId === stepId && e.output.kind === "note" ? [e.output.text] : [],
  );

describe("who answered, said in both languages", () => {
  it("names the real model and its URL in steps 0 and 2, and never calls its answers simulated", async () => {
    fake.set({ text: "A real answer.", models: ["llama3.2"], usage: { prompt_tokens: 12, completion_tokens: 4 } });
    session = await startLabSession({ modelEndpoint: fake.url });
    expect((await run(session.runner, [STEP.preflight, STEP.logging, STEP.invoke])).outcome).toBe("passed");
    const url = `${fake.url}/v1 (llama3.2)`;
    const probe = notesOf(session, STEP.preflight).find((t) => t.en.startsWith("The answer comes"));
    expect(probe).toEqual({
      vi: `Câu trả lời đến từ model thật qua ${url} (sandbox chuyển tiếp lời gọi Bedrock tới đó).`,
      en: `The answer comes from a real model via ${url} (the sandbox forwards Bedrock calls there).`,
    });
    const step2 = notesOf(session, STEP.invoke).find((t) => t.en.includes("real model"));
    expect(step2?.en).toMatch(
      new RegExp(`^The answers above come from a real model via ${url.replace(/[.()]/g, "\\$&")}`),
    );
    expect(step2?.vi).toContain(`đến từ model thật qua ${url}`);
    const everything = [...notesOf(session, STEP.preflight), ...notesOf(session, STEP.invoke)].map((t) => t.en);
    // The account is still simulated; the answers are not.
    expect(everything.filter((text) => /simulated model|replies are simulated|above are simulated/.test(text))).toEqual(
      [],
    );
    expect(notesOf(session, STEP.preflight).map((t) => t.en)).toContain(
      `The target is the sandbox: an offline AWS running on this machine; the account is simulated and costs nothing, and the model's replies come from a real model via ${fake.url}/v1.`,
    );
    // The streamed fifth answer is labelled the same way, while it streams and after.
    const streaming = session.events.find((e) => e.type === "progress" && e.stream !== undefined);
    expect(streaming?.type === "progress" && streaming.message.en).toContain(`(real model via ${fake.url}/v1)`);
    expect(streaming?.type === "progress" && streaming.message.vi).toContain(`(model thật qua ${fake.url}/v1)`);
    const measured = session.events.find(
      (e) => e.type === "output" && e.stepId === STEP.invoke && e.output.kind === "key-values",
    );
    expect(measured?.type === "output" && measured.output.kind === "key-values" && measured.output.title).toEqual({
      vi: `Câu trả lời dạng stream (prompt 5, InvokeModelWithResponseStream, model thật qua ${url})`,
      en: `Streamed answer (prompt 5, InvokeModelWithResponseStream, real model via ${url})`,
    });
    const items = (session.store.state.facts.invocations as { items: { outputTokens: number; realModel: string }[] })
      .items;
    expect(items.every((call) => call.outputTokens === 4 && call.realModel === url)).toBe(true);
  });

  it("still says simulated on the simulated model", async () => {
    session = await startLabSession();
    await run(session.runner, [STEP.preflight]);
    expect(notesOf(session, STEP.preflight).map((t) => t.en)).toContain(
      "The answer comes from the sandbox's simulated model, not a real one.",
    );
  });
});
