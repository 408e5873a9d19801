/** The checklist for people: one line per item, evidence and hints under the ones that did not pass. */
import { plainProse } from "../engine/prose.js";
import { fill, tr, type Lang } from "../engine/text.js";
import { hintsUsedText, MODE_NAMES, R as S } from "./strings.js";
import type { ChecklistReport, ItemStatus, ReportItem } from "./model.js";

export interface TextStyle {
  pass(text: string): string;
  fail(text: string): string;
  error(text: string): string;
  muted(text: string): string;
  bold(text: string): string;
}

export const plainStyle: TextStyle = {
  pass: (t) => t,
  fail: (t) => t,
  error: (t) => t,
  muted: (t) => t,
  bold: (t) => t,
};

/** An item's status at a glance, for the text checklist and the class matrix alike. */
export const GLYPH: Record<ItemStatus, string> = { pass: "✓", fail: "✗", error: "!" };

export function renderText(report: ChecklistReport, style: TextStyle = plainStyle): string {
  const lang = report.language;
  const lines: string[] = [];
  const bonus = report.bonus;
  const { passed, total, score, maxScore } = report.summary;
  const summary = fill(S.checklistSummary, { passed, total });
  const scoreText = maxScore !== total ? ` · ${tr(fill(S.checklistScore, { score, max: maxScore }), lang)}` : "";
  const modeText = report.mode ? ` · ${tr(S.mode, lang)}: ${tr(MODE_NAMES[report.mode], lang)}` : "";
  lines.push(style.bold(`${tr(S.checklistTitle, lang)} — ${tr(summary, lang)}${scoreText}${modeText}`));
  itemLines(report.items, lang, style, lines);
  if (bonus !== undefined) {
    const summary = tr(fill(S.checklistSummary, { passed: bonus.summary.passed, total: bonus.summary.total }), lang);
    lines.push("", style.bold(`${tr(S.bonusTitle, lang)} — ${summary}`));
    itemLines(bonus.items, lang, style, lines);
  }
  return `${lines.join("\n")}\n`;
}

function itemLines(items: readonly ReportItem[], lang: Lang, style: TextStyle, lines: string[]): void {
  // Items failing for one cause (an optional step never started) say it once: the next ones point back to it.
  let said: { n: number; key: string } | undefined;
  for (const [index, item] of items.entries()) {
    const paint = style[item.status];
    const word = tr(S[item.status], lang);
    const who = whoText(item, lang);
    lines.push(
      `  ${paint(`${GLYPH[item.status]} ${word.padEnd(lang === "vi" ? 8 : 5)}`)} ${index + 1}. ${item.label}${who ? style.muted(who) : ""}`,
    );
    if (item.status === "pass") continue;
    const key = JSON.stringify([item.status, item.problem, item.evidence, item.credit, item.hint]);
    if (said?.key === key) {
      lines.push(style.muted(`       ${tr(fill(S.sameAsItem, { n: said.n }), lang)}`));
      continue;
    }
    said = { n: index + 1, key };
    if (item.problem) lines.push(style.muted(`       ${plainProse(item.problem.title)}`));
    if (item.evidence) {
      lines.push(style.muted(`       ${tr(S.expected, lang)}: ${item.evidence.expected}`));
      lines.push(style.muted(`       ${tr(S.actual, lang)}: ${item.evidence.actual}`));
    }
    if (item.credit > 0)
      lines.push(`       ${tr(fill(S.partialCredit, { score: item.score, points: item.points }), lang)}`);
    if (item.hint) lines.push(`       ${tr(S.hint, lang)}: ${plainProse(item.hint)}`);
    if (item.problem?.requestId) lines.push(style.muted(`       ${tr(S.requestId, lang)}: ${item.problem.requestId}`));
  }
}

/** " · done by genai-lab · 2 hints used" — what an item owes to genai-lab; nothing for the learner's own work. */
export function whoText(item: ReportItem, lang: Lang): string {
  const parts = [
    ...(item.doneBy === "runner" ? [tr(S.doneByRunner, lang)] : []),
    ...(item.hintsUsed ? [tr(hintsUsedText(item.hintsUsed), lang)] : []),
  ];
  return parts.map((part) => ` · ${part}`).join("");
}
