/**
 * JUnit XML for CI systems and LMS importers: one testsuite for the lab, one testcase per checklist item.
 * A failed item is a <failure> (expected vs actual + hint); an item that could not be checked is an <error>.
 */
import type { ChecklistReport } from "./model.js";

const escape = (text: string) =>
  text
    // XML 1.0 cannot carry most control characters, even escaped.
    // eslint-disable-next-line no-control-regex -- removing them is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

const seconds = (ms: number) => (ms / 1000).toFixed(3);

export function renderJunit(report: ChecklistReport): string {
  const { summary } = report;
  const totalMs = Date.parse(report.finishedAt) - Date.parse(report.startedAt);
  const time = seconds(Number.isFinite(totalMs) ? Math.max(0, totalMs) : 0);
  const counts = `tests="${summary.total}" failures="${summary.failed}" errors="${summary.errored}"`;
  const properties = [
    ["target", report.target.kind],
    ["account", report.target.account],
    ["region", report.target.region],
    ["language", report.language],
    ["score", `${summary.score}/${summary.maxScore}`],
    ["tool", `${report.tool.name} ${report.tool.version}`],
  ]
    .map(([name, value]) => `      <property name="${escape(name!)}" value="${escape(value!)}"/>`)
    .join("\n");
  const cases = report.items.map((item, index) => {
    const open = `    <testcase classname="${escape(report.lab)}" name="${escape(`${index + 1}. ${item.label}`)}" time="${seconds(item.durationMs)}"`;
    if (item.status === "pass") return `${open}/>`;
    const lines = [
      ...(item.problem ? [item.problem.title] : []),
      ...(item.evidence ? [`expected: ${item.evidence.expected}`, `actual: ${item.evidence.actual}`] : []),
      ...(item.hint ? [`hint: ${item.hint}`] : []),
      ...(item.problem?.requestId ? [`request id: ${item.problem.requestId}`] : []),
    ];
    const message = item.evidence ? `expected ${item.evidence.expected}, got ${item.evidence.actual}` : (item.problem?.title ?? "");
    const tag = item.status === "fail" ? "failure" : "error";
    const type = item.status === "fail" ? "ChecklistItemFailed" : (item.problem?.code ?? item.problem?.kind ?? "Error");
    return `${open}>\n      <${tag} message="${escape(message)}" type="${escape(type)}">${escape(lines.join("\n"))}</${tag}>\n    </testcase>`;
  });
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="genai-lab" ${counts} time="${time}">`,
    `  <testsuite name="${escape(report.lab)}" ${counts} skipped="0" time="${time}" timestamp="${escape(report.startedAt.replace(/\.\d+Z$/, ""))}" hostname="genai-lab">`,
    `    <properties>\n${properties.replace(/^ {6}/gm, "      ")}\n    </properties>`,
    ...cases,
    `  </testsuite>`,
    `</testsuites>`,
    "",
  ].join("\n");
}
