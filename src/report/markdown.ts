/**
 * Markdown for pasting into an issue or an LMS comment: a summary line and a table, details below. A class is
 * a matrix (learner × item) with the item legend and the learners who could not be graded.
 */
import { fill, tr } from "../engine/text.js";
import { learnerName, outcomeOf, type Gradebook } from "./gradebook.js";
import type { ChecklistReport } from "./model.js";
import { R } from "./strings.js";

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
const ICON = { pass: "✅", fail: "❌", error: "⚠️" } as const;

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
      `${who}\`${report.target.kind}\` · ${report.target.account} · ${report.target.region} · ${report.finishedAt}`,
    "",
    `| # | ${lang === "vi" ? "Mục" : "Item"} | ${lang === "vi" ? "Kết quả" : "Result"} | ${tr(R.score, lang)} | ${tr(R.actual, lang)} |`,
    "|---|---|---|---|---|",
    ...report.items.map(
      (item, i) =>
        `| ${i + 1} | ${cell(item.label)} | ${ICON[item.status]} ${tr(R[item.status], lang)} | ${item.score}/${item.points} | ${cell(item.evidence?.actual ?? item.problem?.title ?? "")} |`,
    ),
  ];
  const notes = report.items.filter((item) => item.status !== "pass");
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
        `| ${i + 1} | ${cell(learnerName(r))} | ${r.target.account} | ${r.items.map((item) => ICON[item.status]).join(" | ")} | ${r.summary.score}/${r.summary.maxScore} | ${r.summary.percent} |`,
    ),
    "",
    `${tr(R.items, lang)}: ${book.columns.map((c, i) => `**${i + 1}** ${cell(c.label)}`).join(" · ")}`,
  ];
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
