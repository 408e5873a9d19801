/**
 * Class grading's progress on stderr, one line per learner as each finishes (stdout stays the report's), so a
 * long class shows it is moving in a terminal, a CI log or a pipe alike.
 */
import { fill, tr, type Lang } from "../../engine/text.js";
import { outcomeOf, learnerName } from "../../report/gradebook.js";
import type { ChecklistReport } from "../../report/model.js";
import type { PlainStyle } from "../../ui/plain/style.js";
import type { Stream } from "../io.js";

const T = {
  start: { vi: "Chấm {n} mục tiêu, tối đa {c} cùng lúc…", en: "Grading {n} targets, {c} at a time…" },
  notGraded: { vi: "không chấm được", en: "not graded" },
};

export function classProgress(stream: Stream, lang: Lang, style: PlainStyle) {
  const started = Date.now();
  return {
    start(total: number, concurrency: number): void {
      stream.write(`${style.muted(tr(fill(T.start, { n: total, c: Math.min(concurrency, total) }), lang))}\n`);
    },
    target(report: ChecklistReport, done: number, total: number): void {
      const count = `[${String(done).padStart(String(total).length)}/${total}]`;
      const who = `${learnerName(report)} (${report.target.account})`;
      const s = report.summary;
      const ms = Date.parse(report.finishedAt) - Date.parse(report.startedAt);
      const outcome = outcomeOf(report);
      const result =
        outcome === "unreachable"
          ? style.error(
              `${tr(T.notGraded, lang)}: ${report.items[0]?.problem?.code ?? report.items[0]?.problem?.kind ?? ""}`,
            )
          : (outcome === "complete" ? style.pass : style.fail)(`${s.passed}/${s.total} · ${s.percent}%`);
      const elapsed = style.muted(`${(ms / 1000).toFixed(1)} s · ${((Date.now() - started) / 1000).toFixed(1)} s`);
      stream.write(`${style.muted(count)} ${who} ${result} ${elapsed}\n`);
    },
  };
}
