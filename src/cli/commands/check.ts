/** `genai-lab check`: the verification checklist only, as text, json, junit or markdown. */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fill, tr } from "../../engine/text.js";
import { renderJson } from "../../report/json.js";
import { renderJunit } from "../../report/junit.js";
import { renderMarkdown } from "../../report/markdown.js";
import type { ChecklistReport } from "../../report/model.js";
import { plainStyle, renderText } from "../../report/text.js";
import { S } from "../../ui/strings.js";
import { checklistReport, targetLine, type Command } from "../command.js";
import { openSession } from "../session.js";

export const check: Command = async (ctx) => {
  const { io, lang, parsed } = ctx;
  const format = parsed.flags.format ?? "text";
  const session = await openSession(parsed, io, ctx);
  try {
    if (format === "text" && !parsed.flags.out) {
      io.stdout.write(`${ctx.style.muted(targetLine(session.target, lang, parsed.flags.redact))}\n`);
    }
    // Checks may wait for eventually consistent state: show what is happening on a terminal, quietly elsewhere.
    if (io.stderr.isTTY) {
      session.runner.subscribe((event) => {
        if (event.type === "check-started") io.stderr.write(`\r\x1b[K… ${tr(event.label, lang)}`);
        if (event.type === "progress") io.stderr.write(`\r\x1b[K… ${tr(event.message, lang)}`);
        if (event.type === "run-finished") io.stderr.write("\r\x1b[K");
      });
    }
    const startedAt = new Date().toISOString();
    const items = await session.runner.runChecklist(ctx.signal);
    if (ctx.signal.aborted) return 130;
    const report = checklistReport(ctx, session, items, startedAt);
    const rendered = render(report, format, parsed.flags.out ? plainStyle : ctx.style);
    if (parsed.flags.out) {
      const path = resolve(io.cwd, parsed.flags.out);
      writeFileSync(path, rendered);
      io.stderr.write(`${tr(fill(S.reportWritten, { path }), lang)}\n`);
    } else {
      io.stdout.write(rendered);
    }
    return report.summary.passed === report.summary.total ? 0 : 1;
  } finally {
    await session.close();
  }
};

function render(report: ChecklistReport, format: string, style: Parameters<typeof renderText>[1]): string {
  switch (format) {
    case "json":
      return renderJson(report);
    case "junit":
      return renderJunit(report);
    case "markdown":
      return renderMarkdown(report);
    default:
      return renderText(report, style);
  }
}
