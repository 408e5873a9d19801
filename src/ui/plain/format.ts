/** Outputs (tables, key/values, charts, notes, code, links) as plain lines for logs and screen readers. */
import stringWidth from "string-width";
import { cellText, type ChartSeries, type Output } from "../../engine/outputs.js";
import { tr, type Lang } from "../../engine/text.js";
import { S } from "../strings.js";
import { alarmText } from "../app/alarm-text.js";
import { TONE_GLYPH } from "../theme/status.js";
import { plainProse } from "../../engine/prose.js";
import type { PlainStyle } from "./style.js";

/** "850 ms", "12.3 s" (a negative elapsed time, from a clock read just before the start, is 0). */
export function formatDuration(ms: number): string {
  const value = Math.max(0, ms);
  return value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(1)} s`;
}

function pad(text: string, width: number, align: "left" | "right" = "left"): string {
  const gap = " ".repeat(Math.max(0, width - stringWidth(text)));
  return align === "right" ? gap + text : text + gap;
}

/** A table with a cell longer than this (an answer) is written one record per row, as the TUI opens a row in full. */
const LONG_CELL = 80;

function formatTable(output: Extract<Output, { kind: "table" }>, lang: Lang, style: PlainStyle): string[] {
  const headers = output.columns.map((column) => tr(column.label, lang));
  const rows = output.rows.map((row) => output.columns.map((column) => cellText(row[column.key], lang)));
  if (rows.some((row) => row.some((cell) => stringWidth(cell) > LONG_CELL))) {
    const width = Math.max(...headers.map((header) => stringWidth(header)));
    return [
      ...(output.title ? [style.bold(tr(output.title, lang))] : []),
      ...rows.flatMap((row, r) => [
        style.muted(`── ${r + 1}/${rows.length}`),
        ...row.map((cell, i) => `${style.bold(pad(headers[i] ?? "", width))}  ${cell}`),
      ]),
    ];
  }
  const widths = headers.map((header, i) =>
    Math.max(stringWidth(header), ...rows.map((row) => stringWidth(row[i] ?? ""))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => pad(cell, widths[i] ?? 0, output.columns[i]?.align))
      .join("  ")
      .trimEnd();
  return [
    ...(output.title ? [style.bold(tr(output.title, lang))] : []),
    style.bold(line(headers)),
    style.muted(widths.map((w) => "─".repeat(w)).join("  ")),
    ...rows.map(line),
  ];
}

const BARS = "▁▂▃▄▅▆▇█";

/**
 * A chart's unit in the learner's language, with its leading space (" lượt", " calls", " ms"); the steps name
 * units the way CloudWatch does, in English.
 */
export function unitLabel(unit: string | undefined, lang: Lang): string {
  switch (unit) {
    case undefined:
    case "":
      return "";
    case "count":
      return ` ${tr(S.unitCount, lang)}`;
    case "tokens":
      return ` ${tr(S.unitTokens, lang)}`;
    default:
      return ` ${unit}`;
  }
}

/** A sparkline per series plus its range and total, readable without graphics. */
function formatChart(output: Extract<Output, { kind: "chart" }>, lang: Lang, style: PlainStyle): string[] {
  const unit = unitLabel(output.unit, lang);
  const lines = [style.bold(tr(output.title, lang)), ...(output.alarms ?? []).map((alarm) => alarmText(alarm, lang))];
  const width = Math.max(...output.series.map((s) => stringWidth(s.label)), 1);
  for (const series of output.series)
    lines.push(`${pad(series.label, width)}  ${sparkline(series, lang)}  ${range(series, unit, lang)}`);
  return lines;
}

function sparkline(series: ChartSeries, lang: Lang): string {
  const values = series.points.map((point) => point.y);
  if (values.length === 0) return tr(S.noData, lang);
  const max = Math.max(...values);
  const min = Math.min(0, ...values);
  return values.map((v) => BARS[max === min ? 0 : Math.round(((v - min) / (max - min)) * (BARS.length - 1))]).join("");
}

function range(series: ChartSeries, unit: string, lang: Lang): string {
  const values = series.points.map((point) => point.y);
  if (values.length === 0) return "";
  const round = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
  const min = round(Math.min(...values));
  const max = round(Math.max(...values));
  return tr(
    {
      vi: `nhỏ nhất ${min}${unit} · lớn nhất ${max}${unit} · ${values.length} điểm`,
      en: `min ${min}${unit} · max ${max}${unit} · ${values.length} points`,
    },
    lang,
  );
}

export function formatOutput(output: Output, lang: Lang, style: PlainStyle): string[] {
  switch (output.kind) {
    case "table":
      return formatTable(output, lang, style);
    case "key-values": {
      const labels = output.items.map((item) => tr(item.label, lang));
      const width = Math.max(...labels.map((label) => stringWidth(label)), 0);
      return [
        ...(output.title ? [style.bold(tr(output.title, lang))] : []),
        ...output.items.map((item, i) => `${style.muted(pad(`${labels[i]}:`, width + 1))} ${item.value}`),
      ];
    }
    case "chart":
      return formatChart(output, lang, style);
    case "note": {
      const paint = { info: style.info, success: style.pass, warning: style.warn, error: style.fail }[output.tone];
      return [paint(`${TONE_GLYPH[output.tone]} ${plainProse(tr(output.text, lang))}`)];
    }
    case "code":
      return [
        ...(output.title ? [style.bold(tr(output.title, lang))] : []),
        ...output.code.split("\n").map((line) => style.code(`  ${line}`)),
      ];
    case "link":
      return [`${tr(output.label, lang)}: ${output.url}`];
  }
}
