/**
 * What a step says to a learner who does it by hand, with their real values: Your turn (task, console path, CLI
 * lines, boto3 snippet), the shell lines for `genai-lab commands`, and the hint ladder one rung at a time.
 * Rendering runs the step's own functions with a read-only check context; one that throws is a lab bug, and costs
 * only that piece of text (as an action's `cli` line does), never the screen or the command.
 */
import type { CheckContext, Step } from "./contract.js";
import type { StepTexts } from "./render.js";
import type { Text } from "./text.js";

export interface YourTurnView {
  /** From your-turn.*.md, rendered (absent until the step's Markdown says it). */
  task?: Text;
  console?: Text;
  /** bash lines, runnable unchanged with AWS CLI v1 and v2. */
  cli?: string;
  /** A short boto3 snippet. */
  python?: string;
}

export interface HintReveal {
  /** 1-based rung of the ladder. */
  index: number;
  total: number;
  text: Text;
  /** False when the ladder was already climbed: the last hint again, not counted twice. */
  counted: boolean;
}

function safely(render: (() => string | undefined) | undefined): string | undefined {
  if (!render) return undefined;
  try {
    const text = render();
    return text && text.trim() ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Your turn: the prose from the step's your-turn.*.md (`texts`, already rendered), the commands from its code;
 * undefined when the step has neither yet.
 */
export function yourTurnOf(
  step: Step,
  texts: Pick<StepTexts, "task" | "console">,
  ctx: CheckContext,
): YourTurnView | undefined {
  const turn = step.yourTurn;
  const cli = safely(turn?.cli && (() => turn.cli!(ctx)));
  const python = safely(turn?.python && (() => turn.python!(ctx)));
  if (!texts.task && !texts.console && !cli && !python) return undefined;
  return {
    ...(texts.task ? { task: texts.task } : {}),
    ...(texts.console ? { console: texts.console } : {}),
    ...(cli ? { cli } : {}),
    ...(python ? { python } : {}),
  };
}

/** Your turn's CLI lines; for a step without them yet, each action's `cli` line in order. */
export function stepCommands(step: Step, ctx: CheckContext): string[] {
  const own = safely(step.yourTurn?.cli && (() => step.yourTurn!.cli!(ctx)));
  if (own) return [own];
  return step.actions.map((action) => safely(action.cli && (() => action.cli!(ctx)))).filter((l) => l !== undefined);
}

/**
 * A step's hint ladder as the learner reads it now: the rungs of its your-turn.*.md (placeholders filled, so the
 * last rung's command carries the learner's values), else the step's `hints` in code.
 */
export function hintLadder(step: Step, texts: Pick<StepTexts, "hints">): Text[] {
  return texts.hints ?? step.hints ?? [];
}

/** The next rung after `revealed` (calls `count` when it is a new one); undefined for a step without hints. */
export function revealNextHint(hints: readonly Text[], revealed: number, count: () => void): HintReveal | undefined {
  if (hints.length === 0) return undefined;
  if (revealed < hints.length) {
    count();
    return { index: revealed + 1, total: hints.length, text: hints[revealed]!, counted: true };
  }
  return { index: hints.length, total: hints.length, text: hints[hints.length - 1]!, counted: false };
}
