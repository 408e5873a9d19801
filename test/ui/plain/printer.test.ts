import { describe, expect, it } from "vitest";
import type { RunnerEvent } from "../../../src/engine/events.js";
import { createPlainPrinter } from "../../../src/ui/plain/printer.js";
import { createPlainStyle } from "../../../src/ui/plain/style.js";
import { fixtureRunner } from "../../helpers/fixture-runner.js";

function capture(isTTY = false) {
  let text = "";
  return { out: { write: (chunk: string) => (text += chunk), isTTY }, text: () => text };
}

async function printedRun(
  options: { params?: Record<string, string | number>; color?: boolean; redact?: boolean; lang?: "vi" | "en" } = {},
) {
  const { runner, lab } = await fixtureRunner(options.params ? { params: options.params } : {});
  const sink = capture();
  runner.subscribe(
    createPlainPrinter({
      out: sink.out,
      lang: options.lang ?? "en",
      style: createPlainStyle(options.color ?? false),
      redact: options.redact ?? false,
      stepNumbers: new Map(lab.steps.map(({ step, number }) => [step.id, number])),
    }),
  );
  await runner.runSteps(runner.selectSteps(), new AbortController().signal);
  return sink.text();
}

describe("the plain printer", () => {
  it("prints steps, actions with their CLI line, outputs, checks and outcomes as readable lines", async () => {
    const text = await printedRun();
    expect(text).toMatch(/^\n▶ Step 1 · Make a thing\n {2}• Create the thing\n {4}\$ fixture create --name widget\n/);
    expect(text).toMatch(
      / {4}Name\n {4}──────\n {4}widget\n {4}✓ done — Thing created \(\d+ ms\)\n {2}✓ pass {2}The thing exists\n {2}Step passed/,
    );
    expect(text).not.toContain("\x1b["); // no colour without a TTY
  });

  it("prints the checklist pass after the steps only once: the report that follows shows it", async () => {
    const text = await printedRun({ params: { fail: "action" } });
    expect(text.match(/The thing exists/g)).toBeNull(); // the step failed before its check; the pass is not printed
    expect(text).toMatch(/✗ failed \(\d+ ms\)\n {6}Unexpected error: the thing factory is closed\n {6}Next: /);
  });

  it("speaks Vietnamese, colours on request, and redacts account ids", async () => {
    const vi = await printedRun({ lang: "vi" });
    expect(vi).toContain("▶ Bước 1 · Tạo một thứ");
    expect(vi).toContain("✓ xong — Đã tạo thứ");
    expect(await printedRun({ color: true })).toContain("\x1b[");
    const sink = capture();
    const print = createPlainPrinter({
      out: sink.out,
      lang: "en",
      style: createPlainStyle(false),
      redact: true,
      stepNumbers: new Map(),
    });
    print({
      type: "output",
      stepId: "s",
      output: { kind: "note", tone: "info", text: { vi: "x", en: "Role arn:aws:iam::123456789012:role/R" } },
    });
    expect(sink.text()).toBe("    ℹ Role arn:aws:iam::************:role/R\n");
  });

  it("without a TTY prints a countdown once (and again only after 30 s); on a TTY redraws one live line", async () => {
    const tick = (seconds: number): RunnerEvent => ({
      type: "progress",
      stepId: "s",
      actionId: "a",
      message: { vi: "chờ", en: `Waiting — ${seconds} s left` },
      countdown: { remainingMs: seconds * 1000, totalMs: 60_000 },
    });
    const plain = capture(false);
    const printPlain = createPlainPrinter({
      out: plain.out,
      lang: "en",
      style: createPlainStyle(false),
      stepNumbers: new Map(),
    });
    for (const s of [60, 59, 58]) printPlain(tick(s));
    expect(plain.text()).toBe("    … Waiting — 60 s left\n");
    const tty = capture(true);
    const printTty = createPlainPrinter({
      out: tty.out,
      lang: "en",
      style: createPlainStyle(false),
      stepNumbers: new Map(),
    });
    for (const s of [60, 59]) printTty(tick(s));
    printTty({ type: "action-finished", stepId: "s", actionId: "a", outcome: "done", durationMs: 1200 });
    expect(tty.text()).toBe("    … Waiting — 60 s left\r\x1b[K    … Waiting — 59 s left\r\x1b[K    ✓ done (1.2 s)\n");
  });
});

describe("the plain printer with step pages", () => {
  it("prints each step's page as it reads when the step starts: rendered, no Markdown markers", async () => {
    const { runner, lab } = await fixtureRunner({ params: { thingName: "gizmo" } });
    const sink = capture();
    runner.subscribe(
      createPlainPrinter({
        out: sink.out,
        lang: "en",
        style: createPlainStyle(false),
        stepNumbers: new Map(lab.steps.map(({ step, number }) => [step.id, number])),
        stepBody: (stepId) => runner.stepTexts(stepId).body,
      }),
    );
    await runner.runSteps(runner.selectSteps(), new AbortController().signal);
    const text = sink.text();
    expect(text).toContain(
      "▶ Step 1 · Make a thing\n  This step makes a thing named gizmo in us-east-1.\n\n      fixture create --name gizmo\n\n  • Create the thing",
    );
    // Rendered when step 2 starts, after step 1's action recorded nothing it shows; step 2's own fact comes later.
    expect(text).toContain("▶ Step 2 · Use the thing\n  Use the thing you made. Used so far: (not used yet).\n");
    expect(text).not.toMatch(/\{\{|\*\*|`/);
  });
});
