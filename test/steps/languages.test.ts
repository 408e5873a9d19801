/**
 * Both languages are complete and really translated, for every step: each text has both languages, prose differs
 * between them, the Vietnamese carries its diacritics, and each Markdown body has the same code blocks and links in
 * both. The runtime texts (outputs, notes, progress, summaries, problems, evidence) of a whole run, a cleanup and the
 * failure paths are held to the same rules.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fences, links, pageProblems, textProblems, textsIn } from "../../src/cli/lab/languages.js";
import { startLabSession, type LabSession } from "../helpers/lab-session.js";
import { run, runCleanup, STEP } from "./util.js";

const problemsWith = textProblems;

let session: LabSession;
beforeAll(async () => {
  session = await startLabSession();
});
afterAll(async () => {
  await session.close();
});

describe("both languages", () => {
  it("the manifest", () => {
    const { manifest } = session.lab;
    const texts = [
      manifest.title,
      manifest.goal,
      manifest.examDomain,
      ...manifest.prerequisites,
      ...(manifest.references ?? []).map((r) => r.label),
    ];
    expect(texts.flatMap(problemsWith)).toEqual([]);
  });

  it.each([
    "preflight",
    "enable-invocation-logging",
    "generate-sample-invocations",
    "view-logs",
    "create-dashboard",
    "cleanup",
  ])("step %s: title, body, Your turn, actions, checks and the hint ladder", (id) => {
    const step = session.lab.steps.find(({ step }) => step.id === id)?.step;
    expect(step).toBeDefined();
    if (!step) return;
    const { body, task, console: path } = session.runner.stepTexts(id);
    const hints = session.runner.hints(id);
    const texts = [step.title, body, ...step.actions.map((a) => a.title), ...step.checks.map((c) => c.label), ...hints];
    expect(texts.flatMap(problemsWith)).toEqual([]);
    // Your turn: the task and the console path in both languages; the commands are code (one block per language).
    for (const text of [task, path]) {
      expect(text).toBeDefined();
      expect(problemsWith(text!)).toEqual([]);
    }
    for (const lang of ["vi", "en"] as const)
      expect(task![lang].split(/(?<=[.!?])\s+/).length, task![lang]).toBeLessThanOrEqual(2);
    // A ladder of three: a nudge, where to look, then the exact command (a bash block, the same in both languages).
    expect(hints).toHaveLength(3);
    for (const hint of hints) expect(pageProblems(hint)).toEqual([]);
    for (const lang of ["vi", "en"] as const) {
      expect(fences(hints[0]![lang]) + fences(hints[1]![lang])).toBe(0);
      expect(hints[2]![lang]).toMatch(/```bash\n[\s\S]*aws [a-z0-9-]+ [a-z0-9-]+/);
    }
    expect(fences(body.vi)).toBe(fences(body.en));
    expect(pageProblems(body)).toEqual([]);
    expect(links(body.vi)).toEqual(links(body.en));
    expect(links(body.en).length).toBeGreaterThan(0);
    for (const heading of ["In the console", "With the CLI"]) expect(body.en).toContain(`**${heading}`);
    for (const heading of ["Trên console", "Bằng CLI"]) expect(body.vi).toContain(`**${heading}`);
  });

  it("everything a run, a cleanup and the failure paths say at run time", async () => {
    const events = [...session.events];
    await run(session.runner);
    const cleanup = session.runnerWith();
    await runCleanup(cleanup.runner);
    events.push(...session.events, ...cleanup.events);

    for (const faults of [{ modelAccessDenied: true }, { logDeliveryDisabled: true }, { throttleRate: 0.3, seed: 2 }]) {
      const failing = await startLabSession({ faults, params: { deliveryWaitSeconds: 0.2, metricsWaitSeconds: 0.2 } });
      await run(failing.runner);
      events.push(...failing.events);
      await failing.close();
    }
    const unknown = await startLabSession({
      params: { modelId: "bogus.model" },
      yes: false,
      confirm: () => Promise.resolve(false),
    });
    await run(unknown.runner, [STEP.preflight]);
    events.push(...unknown.events);
    await unknown.close();
    const texts = textsIn(events);
    expect(texts.length).toBeGreaterThan(100);
    expect([...new Set(texts.flatMap(problemsWith))]).toEqual([]);
  }, 30_000);
});
