/** `genai-lab run`: the steps headless, progress as plain lines, then the checklist. */
import { tr } from "../../engine/text.js";
import { renderText } from "../../report/text.js";
import { createPlainPrinter } from "../../ui/plain/printer.js";
import { S } from "../../ui/strings.js";
import { checklistReport, exitCodeFor, targetLine, type Command } from "../command.js";
import { openSession, stepNumbers } from "../session.js";

export const run: Command = async (ctx) => {
  const { io, lang, style } = ctx;
  // The bare command falls back to this printer without a TTY: --presenter still hides account ids there.
  const redact = (ctx.parsed.flags.redact ?? false) || (ctx.parsed.flags.presenter ?? false);
  const session = await openSession(ctx.parsed, io, ctx);
  try {
    const stepIds = session.runner.selectSteps(ctx.parsed.flags.step);
    io.stdout.write(`${style.muted(targetLine(session.target, lang, redact))}\n`);
    if (session.target.kind === "sandbox") io.stdout.write(`${style.muted(tr(S.simulatedNote, lang))}\n`);
    session.runner.subscribe(
      createPlainPrinter({ out: io.stdout, lang, style, redact, stepNumbers: stepNumbers(session.lab) }),
    );
    const startedAt = new Date().toISOString();
    const summary = await session.runner.runSteps(stepIds, ctx.signal);
    if (summary.outcome === "cancelled") {
      io.stderr.write(`\n${ctx.errStyle.warn(tr(S.runCancelled, lang))}\n`);
    } else {
      io.stdout.write(`\n${renderText(checklistReport(ctx, session, summary.checklist, startedAt), style)}`);
    }
    return exitCodeFor(summary.outcome);
  } finally {
    await session.close();
  }
};
