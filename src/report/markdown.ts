/** Markdown for pasting into an issue or an LMS comment: a summary line and a table, details below. */
import { fill, tr } from "../engine/text.js";
import type { ChecklistReport } from "./model.js";
import { R } from "./strings.js";

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
const ICON = { pass: "✅", fail: "❌", error: "⚠️" } as const;

export function renderMarkdown(report: ChecklistReport): string {
  const lang = report.language;
  const { passed, total, score, maxScore } = report.summary;
  const lines = [
    `### ${cell(report.title)} — ${tr(R.checklistTitle, lang)}`,
    "",
    `**${tr(fill(R.checklistSummary, { passed, total }), lang)}** · ${tr(fill(R.checklistScore, { score, max: maxScore }), lang)} · ` +
      `\`${report.target.kind}\` · ${report.target.account} · ${report.target.region} · ${report.finishedAt}`,
    "",
    `| # | ${lang === "vi" ? "Mục" : "Item"} | ${lang === "vi" ? "Kết quả" : "Result"} | ${tr(R.actual, lang)} |`,
    "|---|---|---|---|",
    ...report.items.map(
      (item, i) =>
        `| ${i + 1} | ${cell(item.label)} | ${ICON[item.status]} ${tr(R[item.status], lang)} | ${cell(item.evidence?.actual ?? item.problem?.title ?? "")} |`,
    ),
  ];
  const notes = report.items.filter((item) => item.status !== "pass");
  if (notes.length > 0) lines.push("");
  for (const item of notes) {
    lines.push(`- **${cell(item.label)}**`);
    if (item.evidence) lines.push(`  - ${tr(R.expected, lang)}: ${cell(item.evidence.expected)}`);
    if (item.hint) lines.push(`  - ${tr(R.hint, lang)}: ${cell(item.hint)}`);
  }
  return `${lines.join("\n")}\n`;
}
