/**
 * What `y` copies for a step, as plain lines. Hands-on: the way shown on Your turn — the boto3 snippet on the
 * Python tab, else the AWS CLI lines (`genai-lab commands`: Your turn's, or the actions' own) — under a `#` comment
 * naming the step (harmless in bash and in Python). Guided: the page's shell blocks and what the last run ran
 * (step-commands.ts). Exam: nothing — the commands are the answer.
 *
 *   # Step 1 · Enable model invocation logging
 *   aws logs create-log-group --log-group-name /aws/bedrock/model-invocations
 */
import type { Mode } from "../../engine/contract.js";
import { fill, tr, type Lang } from "../../engine/text.js";
import type { LabView, StepInfo } from "../state/lab-view.js";
import type { Way } from "../state/ui-state.js";
import { S } from "../strings.js";
import { learnerWorks } from "./hands-on.js";
import { stepCommands } from "./step-commands.js";
import { isByHandStep, isWatchedStep } from "../../engine/contract.js";

/** undefined: nothing may be copied in this mode (exam); [] : the step has nothing to copy. */
export function copyLines(
  step: StepInfo,
  view: LabView,
  mode: Mode | undefined,
  way: Way,
  lang: Lang,
): string[] | undefined {
  if (mode === "exam" && isByHandStep(step)) return undefined;
  if (!learnerWorks(mode) || !isWatchedStep(step)) return stepCommands(step, view.runs[step.id], lang);
  const body =
    way === "python" && step.python ? tr(step.python, lang).split("\n") : (step.commands?.[lang] ?? []).flatMap(lines);
  if (body.length === 0) return [];
  return [`# ${tr(fill(S.stepHeading, { n: step.number, title: tr(step.title, lang) }), lang)}`, ...body];
}

function lines(block: string): string[] {
  return block.trimEnd().split("\n");
}
