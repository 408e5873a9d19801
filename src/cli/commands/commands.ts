/**
 * `genai-lab commands [--step N]`: the shell lines that do a step by hand, with the learner's real values (Region,
 * account, the model step 0 chose, the role ARN), plain — no colour, no wrapping, nothing else on stdout — so they
 * can be piped, copied or saved. Which step and how to reach the target are said on stderr. In exam mode the
 * lines are not shown: they are the answer (`genai-lab hint` gives help a rung at a time, and counts it).
 * `--python` prints the step's boto3 snippet instead (the TUI's "Python (boto3)" way), as plain.
 */
import { fill, tr, type Text } from "../../engine/text.js";
import { UsageError } from "../../engine/usage-error.js";
import { S } from "../../ui/strings.js";
import type { Command } from "../command.js";
import { openSession, type Session } from "../session.js";
import { applyHint, detectShell } from "../shell-lines.js";
import { selfCommand } from "../self-command.js";
import { chosenStep } from "../step-choice.js";
import { envArgs } from "./env.js";

export const C = {
  exam: {
    vi: "Chế độ thi (exam): genai-lab không in lời giải của bước. Xem gợi ý từng nấc bằng genai-lab hint (được tính vào báo cáo).",
    en: "Exam mode: genai-lab does not print a step's solution. Reveal hints one at a time with genai-lab hint (they are counted in the report).",
  },
  allPassed: {
    vi: "Mọi bước của bài lab đã đạt. Chọn một bước bằng --step N.",
    en: "Every step of the lab has passed. Choose one with --step N.",
  },
  none: {
    vi: "Bước {n} không có lệnh nào để chạy tay.",
    en: "Step {n} has no commands to run by hand.",
  },
  noPython: {
    vi: "Bước {n} không có đoạn Python (boto3); bỏ --python để xem các lệnh AWS CLI.",
    en: "Step {n} has no Python (boto3) snippet; leave out --python for its AWS CLI lines.",
  },
  sandboxFirst: {
    vi: "Trên sandbox: chạy {env} trong shell này trước, để các lệnh tới đúng sandbox của bài lab.",
    en: "On the sandbox: run {env} in this shell first, so the commands reach the lab's sandbox.",
  },
} satisfies Record<string, Text>;

export const commands: Command = async (ctx) => {
  const session = await openSession(ctx.parsed, ctx.io, ctx);
  try {
    const say = (text: Text) => `${tr(text, ctx.lang)}\n`;
    if (session.mode.mode === "exam") throw new UsageError(C.exam);
    const chosen = chosenStep(session, ctx.parsed.flags.step);
    if (!chosen) {
      ctx.io.stderr.write(say(C.allPassed));
      return 0;
    }
    const python = ctx.parsed.flags.python === true;
    const snippet = python ? session.runner.yourTurn(chosen.step.id, ctx.lang)?.python : undefined;
    const lines = python ? (snippet ? [snippet] : []) : session.runner.commands(chosen.step.id);
    ctx.io.stderr.write(say(stepHeading(chosen.number, chosen.step.title)));
    if (lines.length === 0) {
      ctx.io.stderr.write(say(fill(python ? C.noPython : C.none, { n: chosen.number })));
      return 0;
    }
    // With the same options (--state-dir above all), so the lines reach this session's sandbox, not the default's.
    const shell = detectShell(undefined, ctx.io.env);
    const env = applyHint(shell, envArgs(ctx.parsed.flags), selfCommand(shell, ctx.io.env));
    if (sandboxShell(session, ctx.io.env)) ctx.io.stderr.write(say(fill(C.sandboxFirst, { env })));
    ctx.io.stdout.write(`${lines.map((block) => block.trimEnd()).join("\n\n")}\n`);
    return 0;
  } finally {
    await session.close();
  }
};

/** "# Step 2 · Generate sample invocations" — a shell comment, so it is harmless if pasted along. */
export function stepHeading(number: number, title: Text): Text {
  const heading = fill(S.stepHeading, { n: number, title: "" });
  return { vi: `# ${heading.vi}${title.vi}`, en: `# ${heading.en}${title.en}` };
}

/** On the sandbox, in a shell `genai-lab env` has not set up yet. */
function sandboxShell(session: Session, env: NodeJS.ProcessEnv): boolean {
  return session.target.kind === "sandbox" && env.AWS_ENDPOINT_URL === undefined;
}
