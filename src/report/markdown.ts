/**
 * Markdown for pasting into an issue or an LMS comment: a summary line and a table, details below. A class is
 * a matrix (learner × item) with the item legend and the learners who could not be graded.
 */
import { fill, tr } from "../engine/text.js";
import { learnerName, outcomeOf, type Gradebook } from "./gradebook.js";
import type { ChecklistReport, ReportItem } from "./model.js";
import { MODE_NAMES, R } from "./strings.js";

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
const ICON = { pass: "✅", fail: "❌", error: "⚠️" } as const;
/** A class matrix cell: the status, starred when genai-lab's own actions did the work (escaped: not emphasis). */
const matrixCell = (item: ReportItem) => `${ICON[item.status]}${item.doneBy === "runner" ? "\\*" : ""}`;

function digestLine(doc: ChecklistReport | Gradebook): string[] {
  const digest = doc.integrity?.digest;
  return digest
    ? ["", `<sub>${tr(R.digest, doc.language)} \`${digest}\` — ${tr(R.verifyWith, doc.language)}</sub>`]
    : [];
}

export function renderMarkdown(doc: ChecklistReport | Gradebook): string {
  return doc.kind === "gradebook" ? renderClass(doc) : renderOne(doc);
}

function renderOne(report: ChecklistReport): string {
  const lang = report.language;
  const { passed, total, score, maxScore, percent } = report.summary;
  const who = report.target.learner ? `${cell(report.target.learner)} · ` : "";
  const lines = [
    `### ${cell(report.title)} — ${tr(R.checklistTitle, lang)}`,
    "",
    `**${tr(fill(R.checklistSummary, { passed, total }), lang)}** · ${tr(fill(R.checklistScore, { score, max: maxScore }), lang)} (${percent}%) · ` +
      `${who}\`${report.target.kind}\` · ${report.target.account} · ${report.target.region} · ${report.finishedAt}` +
      (report.mode ? ` · ${tr(R.mode, lang)}: ${tr(MODE_NAMES[report.mode], lang)}` : ""),
    "",
    ...itemTable(report.items, lang),
  ];
  if (report.bonus !== undefined) {
    const { passed: p, total: t } = report.bonus.summary;
    lines.push(
      "",
      `**${tr(R.bonusTitle, lang)}** · ${tr(fill(R.checklistSummary, { passed: p, total: t }), lang)}`,
      "",
    );
    lines.push(...itemTable(report.bonus.items, lang));
  }
  const notes = [...report.items, ...(report.bonus?.items ?? [])].filter((item) => item.status !== "pass");
  if (notes.length > 0) lines.push("");
  for (const item of notes) {
    lines.push(`- **${cell(item.label)}**`);
    if (item.evidence) lines.push(`  - ${tr(R.expected, lang)}: ${cell(item.evidence.expected)}`);
    if (item.problem?.message) lines.push(`  - ${cell(item.problem.message)}`);
    if (item.hint) lines.push(`  - ${tr(R.hint, lang)}: ${cell(item.hint)}`);
  }
  lines.push(...digestLine(report));
  return `${lines.join("\n")}\n`;
}

function itemTable(items: readonly ReportItem[], lang: ChecklistReport["language"]): string[] {
  return [
    `| # | ${[R.item, R.result, R.score, R.doneByColumn, R.hintsColumn, R.actualColumn].map((h) => tr(h, lang)).join(" | ")} |`,
    "|---|---|---|---|---|---|---|",
    ...items.map((item, i) => {
      const doneBy = item.doneBy === null ? "—" : tr(item.doneBy === "runner" ? R.byRunner : R.byLearner, lang);
      const actual = cell(item.evidence?.actual ?? item.problem?.title ?? "");
      return `| ${i + 1} | ${cell(item.label)} | ${ICON[item.status]} ${tr(R[item.status], lang)} | ${item.score}/${item.points} | ${doneBy} | ${item.hintsUsed ?? "—"} | ${actual} |`;
    }),
  ];
}

function renderClass(book: Gradebook): string {
  const lang = book.language;
  const s = book.summary;
  const numbers = book.columns.map((_, i) => String(i + 1));
  const lines = [
    `### ${cell(book.title)} — ${tr(R.checklistTitle, lang)}`,
    "",
    `**${tr(fill(R.classSummary, { ...s, mean: s.meanPercent }), lang)}** · ${book.finishedAt}`,
    "",
    `| # | ${tr(R.learner, lang)} | ${tr(R.account, lang)} | ${numbers.join(" | ")} | ${tr(R.score, lang)} | % |`,
    `|---|---|---|${numbers.map(() => ":-:").join("|")}|---|---|`,
    ...book.targets.map(
      (r, i) =>
        `| ${i + 1} | ${cell(learnerName(r))} | ${r.target.account} | ${r.items.map(matrixCell).join(" | ")} | ${r.summary.score}/${r.summary.maxScore} | ${r.summary.percent} |`,
    ),
    "",
    `${tr(R.items, lang)}: ${book.columns.map((c, i) => `**${i + 1}** ${cell(c.label)}`).join(" · ")}`,
  ];
  if (book.targets.some((r) => r.items.some((item) => item.doneBy === "runner")))
    lines.push("", tr(R.runnerLegend, lang).replace(/^\*/, "\\*"));
  const unreachable = book.targets.filter((r) => outcomeOf(r) === "unreachable");
  if (unreachable.length > 0) lines.push("", `**${tr(R.notGraded, lang)}**`, "");
  for (const r of unreachable) {
    const p = r.items[0]?.problem;
    lines.push(
      `- ${cell(learnerName(r))} (${r.target.account}): ${cell([p?.title, p?.message].filter(Boolean).join(" — "))}`,
    );
  }
  lines.push(...digestLine(book));
  return `${lines.join("\n")}\n`;
}
