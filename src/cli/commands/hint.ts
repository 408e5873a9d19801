/**
 * `genai-lab hint [--step N]`: the next rung of a step's hint ladder (a nudge, where to look, the exact command),
 * for learners without the TUI — headless, screen readers, exam. Each new rung is counted in the progress, and
 * reports show it per checklist item (`hintsUsed`). Once the ladder is climbed the last hint is shown again,
 * not counted twice.
 */
import { fill, tr, type Text } from "../../engine/text.js";
import { hintsUsedText } from "../../report/strings.js";
import { S } from "../../ui/strings.js";
import type { Command } from "../command.js";
import { openSession } from "../session.js";
import { chosenStep } from "../step-choice.js";
import { C, stepHeading } from "./commands.js";

export const H = {
  none: { vi: "Bước {n} không có gợi ý.", en: "Step {n} has no hints." },
  counted: {
    vi: "Đã ghi nhận: báo cáo sẽ ghi “{hints}” cho các mục kiểm tra của bước {n}.",
    en: "Counted: reports will show “{hints}” for step {n}'s checklist items.",
  },
  countedBonus: {
    vi: "Đã ghi nhận: báo cáo sẽ ghi “{hints}” cho các mục thêm (bonus) của bước {n}.",
    en: "Counted: reports will show “{hints}” for step {n}'s bonus items.",
  },
  last: {
    vi: "Đây là gợi ý cuối ({total}/{total}); xem lại không bị tính thêm.",
    en: "That is the last hint ({total}/{total}); seeing it again is not counted again.",
  },
} satisfies Record<string, Text>;

export const hint: Command = async (ctx) => {
  const session = await openSession(ctx.parsed, ctx.io, ctx);
  try {
    const say = (text: Text) => `${tr(text, ctx.lang)}\n`;
    const chosen = chosenStep(session, ctx.parsed.flags.step);
    if (!chosen) {
      ctx.io.stderr.write(say(C.allPassed));
      return 0;
    }
    const reveal = session.runner.revealHint(chosen.step.id);
    if (!reveal) {
      ctx.io.stdout.write(say(fill(H.none, { n: chosen.number })));
      return 0;
    }
    const title = fill(S.hintTitle, { n: reveal.index, total: reveal.total });
    const heading = stepHeading(chosen.number, chosen.step.title);
    ctx.io.stdout.write(`${tr(title, ctx.lang)} · ${tr(heading, ctx.lang).replace(/^# /, "")}\n\n`);
    ctx.io.stdout.write(say(reveal.text));
    const hints = tr(hintsUsedText(reveal.index), ctx.lang);
    // The bonus has no checklist items: its own items are reported apart (docs/grading.md).
    const counted = chosen.step.role === "bonus" ? H.countedBonus : H.counted;
    const note = reveal.counted ? fill(counted, { hints, n: chosen.number }) : fill(H.last, { total: reveal.total });
    ctx.io.stderr.write(`\n${say(note)}`);
    return 0;
  } finally {
    await session.close();
  }
};
