/** `doctor` and `cleanup` run the lab's preflight and cleanup steps: the same steps the lab shows. */
import type { StepRole } from "../../engine/contract.js";
import { tr } from "../../engine/text.js";
import { createPlainPrinter } from "../../ui/plain/printer.js";
import { exitCodeFor, targetLine, type Command } from "../command.js";
import { openSession, stepNumbers } from "../session.js";

export function runStepsWithRole(role: StepRole): Command {
  return async (ctx) => {
    const { io, lang, style } = ctx;
    const redact = ctx.parsed.flags.redact ?? false;
    const session = await openSession(ctx.parsed, io, { ...ctx, dryRun: ctx.parsed.flags["dry-run"] ?? false });
    try {
      io.stdout.write(`${style.muted(targetLine(session.target, lang, redact))}\n`);
      const stepIds = session.lab.steps.filter(({ step }) => step.role === role).map(({ step }) => step.id);
      if (stepIds.length === 0) {
        const name = {
          preflight: { vi: "kiểm tra trước", en: "preflight" },
          lab: { vi: "thực hành", en: "lab" },
          cleanup: { vi: "dọn dẹp", en: "cleanup" },
          bonus: { vi: "thêm", en: "bonus" },
        }[role];
        io.stdout.write(
          `${tr({ vi: `Bài lab này không có bước ${name.vi}.`, en: `This lab has no ${name.en} step.` }, lang)}\n`,
        );
        return 0;
      }
      session.runner.subscribe(
        createPlainPrinter({ out: io.stdout, lang, style, redact, stepNumbers: stepNumbers(session.lab) }),
      );
      const summary = await session.runner.runSteps(stepIds, ctx.signal, { checklist: false });
      return exitCodeFor(summary.outcome);
    } finally {
      await session.close();
    }
  };
}
