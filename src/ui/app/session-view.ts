/**
 * Between an open session and the TUI's lab view (controller.ts uses these): the view a session opens with (its
 * steps, checklist, progress and run history), the subscriptions that keep it current, what each runner event
 * makes of it, and the flags that switch the target.
 */
import type { LabSession as Session } from "../../app/lab-session.js";
import type { TargetFlags } from "../../app/target-kind.js";
import type { RunnerEvent } from "../../engine/events.js";
import type { ProgressState } from "../../engine/progress.js";
import { initialLabView, labViewReducer, type LabView } from "../state/lab-view.js";
import { historyPath, readRunHistory, recordRunHistory } from "./run-history.js";
import { stepInfos } from "./step-infos.js";

/** The lab view a session opens with: progress, and what each step did last time (and the last re-check). */
export function viewOf(session: Session): LabView {
  const checklist = session.lab.manifest.checklist.map((entry) => {
    const found = session.lab.checks.get(entry.id);
    return { id: entry.id, label: found?.check.label ?? { vi: entry.id, en: entry.id }, stepId: found?.step.id ?? "" };
  });
  const view = initialLabView(stepInfos(session), checklist, session.store.state);
  const history = readRunHistory(historyPath(session.store.path));
  return { ...view, runs: history.runs, ...(history.checklistPass ? { checklistPass: history.checklistPass } : {}) };
}

/** Follows the session's runner events and progress, and records its runs' history; returns how to stop. */
export function followSession(
  session: Session,
  onEvent: (event: RunnerEvent) => void,
  onProgress: (progress: ProgressState) => void,
): () => void {
  const offEvents = session.runner.subscribe(onEvent);
  const offProgress = session.store.subscribe(onProgress);
  const offHistory = recordRunHistory(
    session.runner,
    historyPath(session.store.path),
    stepInfos(session),
    session.target,
  );
  return () => {
    offEvents();
    offProgress();
    offHistory();
  };
}

/** The view after one runner event (a finished check brings the AWS calls it made). */
export function viewAfterEvent(view: LabView, event: RunnerEvent, session: Session, at: number): LabView {
  const requests = event.type === "check-finished" ? session.requests.get(event.checkId) : undefined;
  const next = labViewReducer(view, { type: "event", event, at, ...(requests ? { requests: [...requests] } : {}) });
  // An action may have recorded a fact a page shows (step 0's model): render the pages again.
  return event.type === "action-finished" ? { ...next, steps: stepInfos(session) } : next;
}

/** The flags of the other target: real AWS (with the learner's profile) or the sandbox (without it). */
export function switchedFlags(flags: TargetFlags, toAws: boolean): TargetFlags {
  const next = { ...flags };
  delete next["endpoint-url"];
  if (toAws) {
    next.target = "aws";
  } else {
    next.target = "sandbox";
    delete next.profile;
  }
  return next;
}
