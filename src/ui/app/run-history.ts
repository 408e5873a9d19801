/**
 * The last run of each step and the last checklist pass, kept beside the progress file so that a restarted TUI
 * shows what each step did (its outputs, bounded in size) instead of "Press Enter to run this step" again.
 * Written after each step and each checklist pass (atomically), by whatever ran them: the TUI or `genai-lab run`.
 *
 *   progress/monitoring-genai/sandbox-123456789012-us-east-1.json        the progress (engine)
 *   progress/monitoring-genai/sandbox-123456789012-us-east-1.runs.json   this history
 */
import { readStateFile, writeFileAtomic } from "../../engine/atomic-file.js";
import type { Runner } from "../../engine/runner.js";
import { initialProgress } from "../../engine/progress.js";
import type { TargetInfo } from "../../engine/contract.js";
import { labViewReducer, initialLabView, type LabView, type StepInfo, type StepRun } from "../state/lab-view.js";
import { boundRun } from "../state/bounded-run.js";

const FORMAT_VERSION = 1;

export interface RunHistory {
  runs: Record<string, StepRun>;
  checklistPass?: StepRun;
}

export function historyPath(progressPath: string): string | undefined {
  return progressPath ? progressPath.replace(/\.json$/, ".runs.json") : undefined;
}

/** The history on disk; nothing (never an error) when there is none or it cannot be read: it is only a record. */
export function readRunHistory(path: string | undefined): RunHistory {
  if (!path) return { runs: {} };
  try {
    const raw = readStateFile(path, FORMAT_VERSION) as (RunHistory & { formatVersion: number }) | undefined;
    if (!raw || typeof raw.runs !== "object" || raw.runs === null) return { runs: {} };
    return { runs: raw.runs, ...(raw.checklistPass ? { checklistPass: raw.checklistPass } : {}) };
  } catch {
    return { runs: {} };
  }
}

/** Records the runner's runs into the history file as they finish. Returns the unsubscribe function. */
export function recordRunHistory(
  runner: Runner,
  path: string | undefined,
  steps: StepInfo[],
  target: Pick<TargetInfo, "kind" | "accountId" | "region">,
): () => void {
  if (!path) return () => undefined;
  const history = readRunHistory(path);
  const empty = initialProgress("", { kind: target.kind, accountId: target.accountId, region: target.region }, "");
  let view: LabView = initialLabView(steps, [], empty);
  const save = () => {
    try {
      writeFileAtomic(path, `${JSON.stringify({ formatVersion: FORMAT_VERSION, ...history })}\n`);
    } catch {
      // A record the learner never asked for must not stop the lab (a full disk shows up in progress writes).
    }
  };
  let savedPass: StepRun | undefined;
  return runner.subscribe((event) => {
    view = labViewReducer(view, { type: "event", event, at: Date.now() });
    if (event.type === "step-finished") {
      const run = view.runs[event.stepId];
      if (run) history.runs[event.stepId] = boundRun(merged(history.runs[event.stepId], run));
      save();
    } else if (event.type === "run-finished" && view.checklistPass && view.checklistPass !== savedPass) {
      savedPass = view.checklistPass;
      history.checklistPass = boundRun(view.checklistPass);
      save();
    }
  });
}

/**
 * A step that was only re-checked (a resumed `run`: no action ran) keeps the outputs of the run that did it, with
 * the new check results: the record shows what the step did and how it checks now.
 */
function merged(previous: StepRun | undefined, run: StepRun): StepRun {
  if (!previous || run.items.some((item) => item.kind === "action")) return run;
  return { ...run, items: [...previous.items.filter((item) => item.kind === "action"), ...run.items] };
}
