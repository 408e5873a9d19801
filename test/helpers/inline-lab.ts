/**
 * A lab built in the test itself (no files): steps whose checks the test scripts, for the engine's live watching
 * and attribution, wired to a Runner with an in-memory progress store and every event recorded.
 */
import type { Clock } from "../../src/engine/clock.js";
import type { Check, CheckResult, Step } from "../../src/engine/contract.js";
import type { RunnerEvent } from "../../src/engine/events.js";
import type { LoadedLab } from "../../src/engine/loader.js";
import { Runner, type RunnerOptions } from "../../src/engine/runner.js";
import { ProgressStore } from "../../src/engine/store.js";
import { fakeTarget } from "./fixture-runner.js";

export const notYet: CheckResult = {
  status: "fail",
  evidence: { expected: "ready", actual: "not yet" },
  hint: { vi: "Làm bước này.", en: "Do the step." },
};

export function scriptedCheck(id: string, run: Check["run"]): Check {
  return { id, label: { vi: `Kiểm tra ${id}`, en: `Check ${id}` }, run };
}

export function inlineStep(id: string, checks: Check[], extra: Partial<Step> = {}): Step {
  return {
    id,
    title: { vi: `Bước ${id}`, en: `Step ${id}` },
    actions: [],
    checks,
    ...extra,
  };
}

export function inlineLab(steps: Step[]): LoadedLab {
  const checks = new Map(steps.flatMap((step) => step.checks.map((check) => [check.id, { step, check }] as const)));
  return {
    dir: "(inline)",
    manifest: {
      id: "inline-lab",
      title: { vi: "Bài lab trong test", en: "Inline lab" },
      goal: { vi: "…", en: "…" },
      durationMinutes: 1,
      examDomain: { vi: "…", en: "…" },
      prerequisites: [],
      parameters: {},
      checklist: [...checks.keys()].map((id) => ({ id })),
    },
    steps: steps.map((step, index) => ({
      step,
      file: `${step.id}/step.ts`,
      number: index + 1,
      markdown: { body: { vi: "…", en: "…" } },
    })),
    checks,
  };
}

export function inlineRunner(
  steps: Step[],
  options: { clock?: Clock } & Partial<Pick<RunnerOptions, "attribution" | "yes">> = {},
): { runner: Runner; store: ProgressStore; events: RunnerEvent[] } {
  const lab = inlineLab(steps);
  const store = ProgressStore.inMemory(lab.manifest.id, fakeTarget);
  const runner = new Runner({
    lab,
    aws: undefined,
    target: fakeTarget,
    params: {},
    lang: "en",
    store,
    ...options,
  });
  const events: RunnerEvent[] = [];
  runner.subscribe((event) => events.push(event));
  return { runner, store, events };
}
