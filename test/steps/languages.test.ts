/**
 * Both languages are complete and really translated, for every step: each text has both languages, prose differs
 * between them, the Vietnamese carries its diacritics, and each Markdown body has the same code blocks and links in
 * both. The runtime texts (outputs, notes, progress, summaries, problems, evidence) of a whole run, a cleanup and the
 * failure paths are held to the same rules.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Text } from "../../src/engine/text.js";
import { startLabSession, type LabSession } from "../helpers/lab-session.js";
import { run, runCleanup, STEP } from "./util.js";

const DIACRITICS = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

/** Prose: at least two lowercase words of three letters or more (ids, field names and terms of art are not). */
function isProse(en: string): boolean {
  return (en.match(/\b[a-z]{3,}\b/g) ?? []).length >= 2;
}

function problemsWith(text: Text): string[] {
  const found: string[] = [];
  if (!text.vi.trim()) found.push(`missing Vietnamese for "${text.en.slice(0, 60)}"`);
  if (!text.en.trim()) found.push(`missing English for "${text.vi.slice(0, 60)}"`);
  for (const side of [text.vi, text.en]) {
    if (/\[object Object\]|\bundefined\b|\bNaN\b/.test(side))
      found.push(`a value printed wrong: "${side.slice(0, 80)}"`);
  }
  if (isProse(text.en)) {
    if (text.vi === text.en) found.push(`not translated: "${text.en.slice(0, 80)}"`);
    // Short Vietnamese phrases can be diacritic-free ("Xem log trong CloudWatch"); sentences cannot.
    else if (text.vi.split(/\s+/).length >= 5 && !DIACRITICS.test(text.vi))
      found.push(`Vietnamese without diacritics: "${text.vi.slice(0, 80)}"`);
  }
  return found;
}

function isText(value: unknown): value is Text {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Text).vi === "string" &&
    typeof (value as Text).en === "string"
  );
}

/** Every {vi, en} record anywhere inside `value`. */
function textsIn(value: unknown, out: Text[] = []): Text[] {
  if (isText(value)) out.push(value);
  else if (Array.isArray(value)) for (const item of value) textsIn(item, out);
  else if (typeof value === "object" && value !== null) for (const item of Object.values(value)) textsIn(item, out);
  return out;
}

const fences = (markdown: string) => (markdown.match(/^```/gm) ?? []).length;
const links = (markdown: string) => [...markdown.matchAll(/\]\((https?:[^)]+)\)/g)].map((m) => m[1]).sort();

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
  ])("step %s: title, body, actions, checks and hints", (id) => {
    const step = session.lab.steps.find(({ step }) => step.id === id)?.step;
    expect(step).toBeDefined();
    if (!step) return;
    const body = session.runner.stepTexts(id).body;
    const texts = [
      step.title,
      body,
      ...step.actions.map((a) => a.title),
      ...step.checks.map((c) => c.label),
      ...(step.hints ?? []),
    ];
    expect(texts.flatMap(problemsWith)).toEqual([]);
    expect(step.hints?.length).toBeGreaterThanOrEqual(1);
    expect(step.hints?.length).toBeLessThanOrEqual(3);
    expect(fences(body.vi)).toBe(fences(body.en));
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
