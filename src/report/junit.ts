/**
 * JUnit XML for CI systems and LMS importers, valid against the widely used Ant/Jenkins JUnit schema
 * (windyroad JUnit.xsd; test/fixtures/junit/). One <testsuite> per learner (one for a single report), one
 * <testcase> per checklist item. A failed item is a <failure> whose message is expected vs actual and the hint;
 * an item that could not be checked is an <error>. The schema allows no attributes on <testsuites>, so totals
 * live on each testsuite and the score, account and digest in its <properties>. Testcases take no properties
 * either, so who did each item's work is a suite property per item (`<id>.doneBy`, `<id>.hintsUsed`) and a line in
 * <system-out>, which is written in the report's language.
 */
import type { Gradebook } from "./gradebook.js";
import { learnerName } from "./gradebook.js";
import { fill, tr, type Lang } from "../engine/text.js";
import type { ChecklistReport, ReportItem } from "./model.js";
import { MODE_NAMES, R } from "./strings.js";
import { GLYPH, whoText } from "./text.js";
import { xmlAttr, xmlText } from "./xml.js";

const seconds = (ms: number) => (Math.max(0, Number.isFinite(ms) ? ms : 0) / 1000).toFixed(3);
/** The schema's timestamp: no fraction, no time zone (all genai-lab timestamps are UTC). */
const timestamp = (iso: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.exec(iso)?.[0] ?? "1970-01-01T00:00:00";

/** "expected: …", "actual: …" in the report's language, as the text report says them. */
function evidenceParts(item: ReportItem, lang: Lang): string[] {
  if (!item.evidence) return [];
  return [`${tr(R.expected, lang)}: ${item.evidence.expected}`, `${tr(R.actual, lang)}: ${item.evidence.actual}`];
}

function failureMessage(item: ReportItem, lang: Lang): string {
  const parts = evidenceParts(item, lang);
  if (item.credit > 0) parts.push(tr(fill(R.partialCredit, { score: item.score, points: item.points }), lang));
  if (item.hint) parts.push(`${tr(R.hint, lang)}: ${item.hint}`);
  return parts.join(" · ");
}

function detailLines(item: ReportItem, lang: Lang): string[] {
  const lines = [
    ...(item.problem ? [item.problem.title, ...(item.problem.message ? [item.problem.message] : [])] : []),
    ...evidenceParts(item, lang),
    ...(item.hint ? [`${tr(R.hint, lang)}: ${item.hint}`] : []),
    ...Object.entries(item.evidence?.details ?? {}).map(([k, v]) => `${k}: ${v}`),
    ...(item.problem?.requestId ? [`request id: ${item.problem.requestId}`] : []),
  ];
  for (const r of item.requests)
    lines.push(`aws: ${r.service} ${r.operation} ${r.httpStatus ?? "-"} ${r.requestId ?? "-"} ${r.at}`);
  return lines;
}

function testcase(item: ReportItem, classname: string, lang: Lang): string {
  const open = `    <testcase name="${xmlAttr(`${item.id}: ${item.label}`)}" classname="${xmlAttr(classname)}" time="${seconds(item.durationMs)}"`;
  switch (item.status) {
    case "pass":
      return `${open}/>`;
    case "fail":
      return `${open}>\n      <failure message="${xmlAttr(failureMessage(item, lang))}" type="ChecklistItemFailed">${xmlText(detailLines(item, lang).join("\n"))}</failure>\n    </testcase>`;
    case "error": {
      const type = item.problem?.code ?? item.problem?.kind ?? "Error";
      const message = [item.problem?.title, item.problem?.message].filter(Boolean).join(" — ");
      return `${open}>\n      <error message="${xmlAttr(message)}" type="${xmlAttr(type)}">${xmlText(detailLines(item, lang).join("\n"))}</error>\n    </testcase>`;
    }
  }
}

function testsuite(report: ChecklistReport, id: number, named: boolean): string {
  const { summary, target } = report;
  const name = named ? learnerName(report) : report.lab;
  const classname = named ? `${report.lab}.${name}` : report.lab;
  const total = Date.parse(report.finishedAt) - Date.parse(report.startedAt);
  const properties: [string, string | undefined][] = [
    ["lab", report.lab],
    ["target", target.kind],
    ["account", target.account],
    ["region", target.region],
    ["principal", target.principal],
    ["learner", target.learner],
    ["language", report.language],
    ["mode", report.mode ?? undefined],
    ["doneByRunner", String(summary.doneByRunner)],
    ...report.items.flatMap((item): [string, string | undefined][] => [
      [`${item.id}.doneBy`, item.doneBy ?? undefined],
      [`${item.id}.hintsUsed`, item.hintsUsed === null ? undefined : String(item.hintsUsed)],
    ]),
    ["score", `${summary.score}/${summary.maxScore}`],
    ["percent", String(summary.percent)],
    ["tool", `${report.tool.name} ${report.tool.version}`],
    ["sha256", report.integrity?.digest],
  ];
  const props = properties
    .filter((p): p is [string, string] => p[1] !== undefined)
    .map(([n, v]) => `      <property name="${xmlAttr(n)}" value="${xmlAttr(v)}"/>`);
  const out = systemOut(report);
  return [
    `  <testsuite name="${xmlAttr(name)}" package="${xmlAttr(report.lab)}" id="${id}" tests="${summary.total}" failures="${summary.failed}" errors="${summary.errored}" skipped="0" time="${seconds(total)}" timestamp="${timestamp(report.startedAt)}" hostname="localhost">`,
    props.length ? `    <properties>\n${props.join("\n")}\n    </properties>` : "    <properties/>",
    ...report.items.map((item) => testcase(item, classname, report.language)),
    `    <system-out>${xmlText(out)}</system-out>`,
    `    <system-err/>`,
    `  </testsuite>`,
  ].join("\n");
}

export function renderJunit(doc: ChecklistReport | Gradebook): string {
  const suites =
    doc.kind === "gradebook"
      ? doc.targets.map((r, i) => testsuite(r, i, true))
      : [testsuite(doc, 0, Boolean(doc.target.learner))];
  return [`<?xml version="1.0" encoding="UTF-8"?>`, `<testsuites>`, ...suites, `</testsuites>`, ""].join("\n");
}

/** The result for people, in the report's language: the summary, then one line per item with who did its work. */
function systemOut(report: ChecklistReport): string {
  const lang = report.language;
  const { summary } = report;
  const passed = tr(fill(R.checklistSummary, { passed: summary.passed, total: summary.total }), lang);
  const score = tr(fill(R.checklistScore, { score: summary.score, max: summary.maxScore }), lang);
  const mode = report.mode ? ` · ${tr(R.mode, lang)}: ${tr(MODE_NAMES[report.mode], lang)}` : "";
  return [
    `${report.title}: ${passed}, ${score} (${summary.percent}%)${mode}`,
    ...report.items.map(
      (item, i) => `${GLYPH[item.status]} ${i + 1}. ${item.label} — ${tr(R[item.status], lang)}${whoText(item, lang)}`,
    ),
  ].join("\n");
}
