/**
 * `genai-lab check`: the verification checklist only — for the current target, or, with --accounts/--profiles,
 * for a whole class (src/cli/grade/). Every report is sealed with a digest (and signed when an instructor key is
 * set) and carries the AWS request ids of the calls each check made.
 */
import { writeFileSync } from "node:fs";
import type { ChecklistItemResult } from "../../engine/events.js";
import { fill, tr } from "../../engine/text.js";
import { UsageError } from "../../engine/usage-error.js";
import { seal } from "../../report/integrity.js";
import { renderReport, type ReportFormat } from "../../report/render.js";
import { plainStyle } from "../../report/text.js";
import { S } from "../../ui/strings.js";
import { checklistReport, targetLine, type Command, type CommandContext } from "../command.js";
import { checkExitCode, parseFailUnder } from "../grade/exit.js";
import { redactSalt, reportKey } from "../grade/secrets.js";
import { outPath } from "../paths.js";
import { openSession } from "../session.js";

export const check: Command = async (ctx) => {
  const { flags } = ctx.parsed;
  const format = (flags.format ?? "text") as ReportFormat;
  const failUnder = parseFailUnder(flags["fail-under"]);
  if (flags.out) outPath(ctx.io.cwd, flags.out); // before any AWS call: a typo must not cost a whole run
  if (flags.profiles !== undefined || flags.accounts !== undefined) {
    const { checkClass } = await import("../grade/class-command.js");
    return checkClass(ctx, format, failUnder);
  }
  if (flags.concurrency !== undefined) {
    throw new UsageError({
      vi: "--concurrency chỉ dùng khi chấm nhiều tài khoản (--accounts hoặc --profiles).",
      en: "--concurrency only applies when grading several targets (--accounts or --profiles).",
    });
  }
  return checkOne(ctx, format, failUnder);
};

async function checkOne(ctx: CommandContext, format: ReportFormat, failUnder: number | undefined): Promise<number> {
  const { io, lang, parsed } = ctx;
  const key = reportKey(io.env);
  const salt = parsed.flags.redact ? redactSalt(io.env, ctx.stateDir) : undefined;
  const session = await openSession(parsed, io, ctx);
  try {
    // Checks may wait for eventually consistent state: show what is happening on a terminal, quietly elsewhere.
    if (io.stderr.isTTY) {
      session.runner.subscribe((event) => {
        if (event.type === "check-started") io.stderr.write(`\r\x1b[K… ${tr(event.label, lang)}`);
        if (event.type === "progress") io.stderr.write(`\r\x1b[K… ${tr(event.message, lang)}`);
        if (event.type === "run-finished") io.stderr.write("\r\x1b[K");
      });
    }
    const startedAt = new Date().toISOString();
    // Each item's result is recorded in the progress file: in one write at the end, not one per item.
    const writeResults = session.store.deferWrites();
    let items: ChecklistItemResult[];
    let bonus: ChecklistItemResult[];
    try {
      items = await session.runner.runChecklist(ctx.signal);
      // Bonus items are graded too, and reported apart: they never change the summary or the exit code.
      bonus = ctx.signal.aborted ? [] : await session.runner.runBonus(ctx.signal);
    } catch (error) {
      try {
        writeResults();
      } catch {
        // When the checks themselves failed, that is the error to report: a failed write must not hide it.
      }
      throw error;
    }
    writeResults();
    if (ctx.signal.aborted) return 130;
    const report = seal(
      checklistReport(ctx, session, items, startedAt, {
        requests: session.requests,
        mode: session.mode.mode ?? null,
        bonus,
        ...(salt ? { redactSalt: salt } : {}),
      }),
      key,
    );
    if (format === "text" && !parsed.flags.out) {
      const shown = {
        ...session.target,
        accountId: report.target.account,
        principalArn: report.target.principal ?? "",
      };
      io.stdout.write(`${ctx.style.muted(targetLine(shown, lang))}\n`);
    }
    const rendered = await renderReport(report, format, parsed.flags.out ? plainStyle : ctx.style);
    if (parsed.flags.out) {
      const path = outPath(io.cwd, parsed.flags.out);
      writeFileSync(path, rendered);
      io.stderr.write(`${tr(fill(S.reportWritten, { path }), lang)}\n`);
    } else {
      io.stdout.write(rendered);
    }
    return checkExitCode([report], failUnder);
  } finally {
    await session.close();
  }
}
