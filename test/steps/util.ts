/** Small readers over the runner's events and the sandbox, shared by the lab's tests. */
import type { RunnerEvent } from "../../src/engine/events.js";
import type { Output } from "../../src/engine/outputs.js";
import type { Problem } from "../../src/engine/problem.js";
import type { LabSession } from "../helpers/lab-session.js";
import type { RunSummary } from "../../src/engine/runner.js";

export const STEP = {
  preflight: "preflight",
  logging: "enable-invocation-logging",
  invoke: "generate-sample-invocations",
  logs: "view-logs",
  dashboard: "create-dashboard",
  cleanup: "cleanup",
} as const;

export function run(
  runner: LabSession["runner"],
  stepIds?: string[],
  signal = new AbortController().signal,
): Promise<RunSummary> {
  return runner.runSteps(stepIds ?? runner.selectSteps(), signal);
}

/** The cleanup step alone, without the checklist: what `genai-lab cleanup` runs. */
export function runCleanup(runner: LabSession["runner"]): Promise<RunSummary> {
  return runner.runSteps([STEP.cleanup], new AbortController().signal, { checklist: false });
}

export function outputs(events: RunnerEvent[], kind?: Output["kind"]): Output[] {
  return events.flatMap((e) => (e.type === "output" && (!kind || e.output.kind === kind) ? [e.output] : []));
}

export function notes(events: RunnerEvent[]): string[] {
  return outputs(events, "note").map((o) => (o.kind === "note" ? o.text.en : ""));
}

export function problems(events: RunnerEvent[]): Problem[] {
  return events.flatMap((e) => (e.type === "action-finished" && e.problem ? [e.problem] : []));
}

export function actionOutcomes(events: RunnerEvent[]): string[] {
  return events.flatMap((e) => (e.type === "action-finished" ? [`${e.actionId}:${e.outcome}`] : []));
}

export function checkStatus(checklist: RunSummary["checklist"], id: string): string | undefined {
  return checklist.find((item) => item.id === id)?.result.status;
}
