/** Builds a Runner over the fixture lab with a fresh fake world and progress file, recording every event. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Clock } from "../../src/engine/clock.js";
import type { ConfirmRequest, LabParams, TargetInfo } from "../../src/engine/contract.js";
import type { RunnerEvent } from "../../src/engine/events.js";
import { loadLab, type LoadedLab } from "../../src/engine/loader.js";
import { Runner } from "../../src/engine/runner.js";
import { ProgressStore } from "../../src/engine/store.js";
import { progressPath } from "../../src/engine/state-dir.js";

export const fixtureLabDir = fileURLToPath(new URL("../fixtures/fixture-lab/", import.meta.url));

export const fakeTarget: TargetInfo = {
  kind: "sandbox",
  region: "us-east-1",
  accountId: "123456789012",
  principalArn: "arn:aws:iam::123456789012:user/tester",
};

let cachedLab: LoadedLab | undefined;

export interface FixtureRun {
  runner: Runner;
  store: ProgressStore;
  events: RunnerEvent[];
  worldFile: string;
  stateDir: string;
  lab: LoadedLab;
  params: LabParams;
}

export async function fixtureRunner(
  options: {
    params?: Record<string, string | number>;
    clock?: Clock;
    stateDir?: string;
    confirm?: (request: ConfirmRequest) => Promise<boolean>;
    target?: TargetInfo;
    defaultActionTimeoutMs?: number;
    dryRun?: boolean;
  } = {},
): Promise<FixtureRun> {
  cachedLab ??= await loadLab(fixtureLabDir, "ts");
  const lab = cachedLab;
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), "genai-lab-state-"));
  const worldFile = join(stateDir, "world.json");
  const target = options.target ?? fakeTarget;
  const store = ProgressStore.open(progressPath(stateDir, lab.manifest.id, target), lab.manifest.id, target);
  const params = { ...lab.manifest.parameters, worldFile, ...options.params };
  const runner = new Runner({
    lab,
    aws: undefined,
    target,
    params,
    lang: "en",
    store,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.confirm ? { confirm: options.confirm } : {}),
    ...(options.defaultActionTimeoutMs ? { defaultActionTimeoutMs: options.defaultActionTimeoutMs } : {}),
    dryRun: options.dryRun ?? false,
  });
  const events: RunnerEvent[] = [];
  runner.subscribe((event) => events.push(event));
  return { runner, store, events, worldFile, stateDir, lab, params };
}

/** The event stream reduced to "type:id[:outcome]" lines, easy to compare. */
export function sequence(events: RunnerEvent[]): string[] {
  return events.map((event) => {
    switch (event.type) {
      case "run-started":
        return `run-started:${event.mode}`;
      case "step-started":
        return `step-started:${event.stepId}`;
      case "action-started":
        return `action-started:${event.actionId}`;
      case "progress":
        return `progress:${event.actionId ?? event.checkId}`;
      case "output":
        return `output:${event.output.kind}`;
      case "action-finished":
        return `action-finished:${event.actionId}:${event.outcome}`;
      case "check-started":
        return `check-started:${event.checkId}`;
      case "check-finished":
        return `check-finished:${event.checkId}:${event.result.status}`;
      case "step-finished":
        return `step-finished:${event.stepId}:${event.outcome}`;
      case "run-finished":
        return `run-finished:${event.outcome}`;
      case "watch":
        return event.phase === "finished"
          ? `watch-finished:${event.outcome}`
          : event.phase === "round-started"
            ? `round-started:${event.round}:${event.reason}`
            : `round-finished:${event.round}:${event.passed}/${event.total}:${event.nextRoundInMs}`;
    }
  });
}
