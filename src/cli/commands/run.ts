/**
 * `genai-lab run`: the steps headless, progress as plain lines, then the checklist. The mode decides who does the
 * work: guided (and always with --yes) the runner performs each step; hands-on the learner does it in their own
 * terminal while genai-lab checks live (run-hands-on.ts); exam, nothing is ever performed (exit 2).
 */
import type { TargetInfo } from "../../engine/contract.js";
import { fill, tr, type Text } from "../../engine/text.js";
import { UsageError } from "../../engine/usage-error.js";
import { renderText } from "../../report/text.js";
import { historyPath, recordRunHistory } from "../../ui/app/run-history.js";
import { stepInfos } from "../../ui/app/step-infos.js";
import { createPlainPrinter } from "../../ui/plain/printer.js";
import { S } from "../../ui/strings.js";
import { bonusOfRun, checklistReport, exitCodeFor, targetLine, type Command } from "../command.js";
import { MODE_ENV, modeOrigin } from "../mode.js";
import { openSession, stepNumbers } from "../session.js";

export const RUN = {
  exam: {
    vi: 'Chế độ thi (exam) {origin}: genai-lab không làm bước nào thay bạn. Hãy tự làm từng bước trong terminal của bạn (eval "$(genai-lab env)" trỏ AWS CLI tới bài lab), xem gợi ý bằng genai-lab hint (được tính vào báo cáo), và chấm bằng genai-lab check.',
    en: 'Exam mode {origin}: genai-lab performs no lab step for you. Do each step yourself in your terminal (eval "$(genai-lab env)" points the AWS CLI at the lab), reveal hints with genai-lab hint (they are counted in the report), and grade with genai-lab check.',
  },
  yesHandsOn: {
    vi: "--yes chạy các bước thay bạn (guided), không đi cùng --mode hands-on. Bỏ --yes để tự làm và được kiểm tra trực tiếp, hoặc bỏ --mode.",
    en: "--yes runs the steps for you (guided) and does not go with --mode hands-on. Drop --yes to do the steps yourself with live checking, or drop --mode.",
  },
} satisfies Record<string, Text>;

export const run: Command = async (ctx) => {
  const { io, lang, style } = ctx;
  const { flags } = ctx.parsed;
  if (flags.yes && flags.mode === "hands-on") throw new UsageError(RUN.yesHandsOn);
  const redact = flags.redact ?? false;
  // A hands-on run serves the learner's terminal (a stable port, registered for `genai-lab env`). The saved mode is
  // known only once the session is open, so any run that may turn out hands-on serves: not --yes, and neither
  // --mode nor GENAI_LAB_MODE says guided or exam.
  const named = flags.mode ?? io.env[MODE_ENV]?.trim();
  const serve = !flags.yes && named !== "guided" && named !== "exam";
  const session = await openSession(ctx.parsed, io, { ...ctx, saveModeFlag: true, serve });
  try {
    const { mode, source } = session.mode;
    if (mode === "exam") throw new UsageError(fill(RUN.exam, { origin: tr(modeOrigin(source), lang) }));
    const stepIds = session.runner.selectSteps(flags.step);
    io.stdout.write(`${style.muted(targetLine(session.target, lang, redact))}\n`);
    const sandboxNote = sandboxModelNote(session.target, session.lab.manifest.notes?.sandbox);
    if (session.target.kind === "sandbox" && sandboxNote) io.stdout.write(`${style.muted(tr(sandboxNote, lang))}\n`);
    if (mode === "hands-on" && !flags.yes) {
      const { runHandsOn } = await import("./run-hands-on.js");
      return await runHandsOn(ctx, session, stepIds);
    }
    // A person at the keyboard reads each step's page; `--yes` is headless automation, where it would be noise.
    const yes = flags.yes ?? false;
    session.runner.subscribe(
      createPlainPrinter({
        out: io.stdout,
        lang,
        style,
        redact,
        stepNumbers: stepNumbers(session.lab),
        ...(yes ? {} : { stepBody: (stepId: string) => session.runner.stepTexts(stepId).body }),
      }),
    );
    const startedAt = new Date().toISOString();
    // A rerun carries on where the last one stopped: steps done already are re-checked, not redone (no new
    // billable calls). --again redoes everything on purpose; --step runs the one step asked for, done or not.
    const { again, step } = ctx.parsed.flags;
    const resume = !again && step === undefined;
    let redone = false;
    session.runner.subscribe((event) => {
      if (event.type === "action-started") redone = true;
    });
    // What each step did, kept for the TUI to show after a restart.
    recordRunHistory(session.runner, historyPath(session.store.path), stepInfos(session), session.target);
    const summary = await session.runner.runSteps(stepIds, ctx.signal, { resume });
    if (summary.outcome === "cancelled") {
      io.stderr.write(`\n${ctx.errStyle.warn(tr(S.runCancelled, lang))}\n`);
    } else {
      if (resume && !redone && summary.outcome === "passed")
        io.stdout.write(`\n${style.muted(tr(S.runAllDoneBefore, lang))}\n`);
      const bonus = await bonusOfRun(session, stepIds, ctx.signal);
      const report = checklistReport(ctx, session, summary.checklist, startedAt, { mode: mode ?? null, ...bonus });
      io.stdout.write(`\n${renderText(report, style)}`);
    }
    return exitCodeFor(summary.outcome);
  } finally {
    await session.close();
  }
};

/**
 * Who answers the model calls on the sandbox: a real model via a URL (--model-endpoint), else what the lab says of
 * its sandbox run (its simulated model).
 */
function sandboxModelNote(target: TargetInfo, labNote: Text | undefined): Text | undefined {
  return target.realModel ? fill(S.realModelNote, { url: target.realModel }) : labNote;
}
