/**
 * The class matrix for people: one row per learner, one column per checklist item, then the score; the item
 * legend and, for learners who could not be graded, the reason and what to do. Items are numbered columns so the
 * matrix stays narrow however long the labels are.
 */
import stringWidth from "string-width";
import { fill, tr } from "../engine/text.js";
import { learnerName, outcomeOf, type Gradebook } from "./gradebook.js";
import { R } from "./strings.js";
import { GLYPH, plainStyle, type TextStyle } from "./text.js";

const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - stringWidth(text)));

export function renderMatrix(book: Gradebook, style: TextStyle = plainStyle): string {
  const lang = book.language;
  const { summary } = book;
  const head = [
    "#",
    tr(R.learner, lang),
    tr(R.account, lang),
    ...book.columns.map((_, i) => String(i + 1)),
    tr(R.score, lang),
    "%",
  ];
  // string-width ignores colour codes, so cells are painted before they are padded.
  const rows = book.targets.map((report, index) => [
    String(index + 1),
    learnerName(report),
    report.target.account,
    // ✓* : the check passed, but genai-lab's own actions did the work (the legend below says so).
    ...report.items.map((item) => style[item.status](`${GLYPH[item.status]}${item.doneBy === "runner" ? "*" : ""}`)),
    `${report.summary.score}/${report.summary.maxScore}`,
    String(report.summary.percent),
  ]);
  const widths = head.map((h, c) => Math.max(stringWidth(h), ...rows.map((row) => stringWidth(row[c] ?? ""))));
  const line = (cells: string[]) => `  ${cells.map((cell, c) => pad(cell, widths[c] ?? 0)).join("  ")}`.trimEnd();
  const out = [
    style.bold(`${book.title} — ${tr(R.checklistTitle, lang)}`),
    tr(fill(R.classSummary, { ...summary, mean: summary.meanPercent }), lang),
    "",
    style.muted(line(head)),
    ...rows.map(line),
    "",
    `${tr(R.items, lang)}: ${book.columns.map((col, i) => `${i + 1} ${col.label}${col.points !== 1 ? ` (${col.points})` : ""}`).join(" · ")}`,
  ];
  if (book.targets.some((report) => report.items.some((item) => item.doneBy === "runner")))
    out.push(style.muted(tr(R.runnerLegend, lang)));
  const unreachable = book.targets.filter((report) => outcomeOf(report) === "unreachable");
  if (unreachable.length > 0) {
    out.push("", style.bold(`${tr(R.notGraded, lang)}:`));
    for (const report of unreachable) {
      const item = report.items[0];
      const problem = item?.problem;
      const reason = [problem?.title, problem?.message].filter(Boolean).join(" — ");
      out.push(`  ${learnerName(report)} (${report.target.account}): ${reason}`);
      if (item?.hint) out.push(style.muted(`    ${tr(R.next, lang)}: ${item.hint}`));
    }
  }
  return `${out.join("\n")}\n`;
}
