/**
 * CSV for the gradebook (RFC 4180: comma-separated, CRLF line ends, fields quoted when needed), one row per
 * learner: learner, account, region, one column per checklist item (pass | fail | error, headed by the item id),
 * score, max_score, percent, outcome (complete | partial | zero | unreachable) and the problem that stopped
 * grading, if any; then who did the work — the mode, and per item `<id>.done_by` (learner | runner, empty when
 * unknown) and `<id>.hints` (hints revealed, empty when unknown). The v3 columns come last, so a sheet that
 * reads the earlier columns by position keeps working. A single report is a class of one.
 */
import { buildGradebook, learnerName, outcomeOf, type Gradebook } from "./gradebook.js";
import type { ChecklistReport } from "./model.js";

/** Quoted when it holds a comma, quote or line break; a leading = + - @ is defused so spreadsheets do not run it. */
function field(value: string | number): string {
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function renderCsv(doc: ChecklistReport | Gradebook): string {
  const book = doc.kind === "gradebook" ? doc : classOfOne(doc);
  const header = [
    "learner",
    "account",
    "region",
    ...book.columns.map((c) => c.id),
    "score",
    "max_score",
    "percent",
    "outcome",
    "problem",
    "mode",
    ...book.columns.map((c) => `${c.id}.done_by`),
    ...book.columns.map((c) => `${c.id}.hints`),
  ];
  const rows = book.targets.map((report) => {
    const byId = new Map(report.items.map((item) => [item.id, item]));
    const stopped = outcomeOf(report) === "unreachable" ? report.items[0]?.problem : undefined;
    return [
      learnerName(report),
      report.target.account,
      report.target.region,
      ...book.columns.map((c) => byId.get(c.id)?.status ?? ""),
      report.summary.score,
      report.summary.maxScore,
      report.summary.percent,
      outcomeOf(report),
      stopped ? [stopped.code, stopped.title].filter(Boolean).join(": ") : "",
      report.mode ?? "",
      ...book.columns.map((c) => byId.get(c.id)?.doneBy ?? ""),
      ...book.columns.map((c) => byId.get(c.id)?.hintsUsed ?? ""),
    ];
  });
  return [header, ...rows].map((row) => row.map(field).join(",")).join("\r\n") + "\r\n";
}

function classOfOne(report: ChecklistReport): Gradebook {
  return buildGradebook({
    lab: report.lab,
    title: report.title,
    language: report.language,
    toolVersion: report.tool.version,
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    columns: report.items.map((item) => ({ id: item.id, label: item.label, points: item.points })),
    targets: [report],
  });
}
