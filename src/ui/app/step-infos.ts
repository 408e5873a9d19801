/** The lab's steps as the views need them (no AWS, no runner: titles, bodies, hints, roles, check ids). */
import type { Session } from "../../cli/session.js";
import type { StepInfo } from "../state/lab-view.js";

export function stepInfos(session: Pick<Session, "lab">): StepInfo[] {
  return session.lab.steps.map(({ step, number }) => ({
    id: step.id,
    number,
    title: step.title,
    body: step.body,
    role: step.role ?? "lab",
    hints: step.hints ?? [],
    checkIds: step.checks.map((check) => check.id),
  }));
}
