/**
 * What an action or a check shows the learner, as data. The TUI draws it, the plain printer writes it as
 * lines, reports may embed it. Nothing here knows how it will be rendered.
 */
import type { Lang, Text } from "./text.js";

/** A table cell: a value, a bilingual text (shown in the current language), or nothing. */
export type Cell = string | number | null | Text;

/** A cell as the learner reads it; "—" for nothing. Every renderer goes through this. */
export function cellText(cell: Cell | undefined, lang: Lang): string {
  if (cell === null || cell === undefined) return "—";
  return typeof cell === "object" ? cell[lang] : String(cell);
}

export interface TableColumn {
  key: string;
  label: Text;
  align?: "left" | "right";
}

export interface ChartSeries {
  label: string;
  /** The statistic plotted (CloudWatch's names: "Sum", "Average", "p90", "SampleCount"…): renderers total only sums. */
  stat?: string;
  /** x: epoch milliseconds (time series) or a category label. */
  points: { x: number | string; y: number }[];
}

/** An alarm on a charted metric (a dashboard's alarm annotation): its threshold and current state. */
export interface ChartAlarm {
  name: string;
  threshold?: number;
  /** CloudWatch's state: "OK", "ALARM", "INSUFFICIENT_DATA" (or "missing" when no such alarm exists). */
  state: string;
}

export type Output =
  | { kind: "table"; title?: Text; columns: TableColumn[]; rows: Record<string, Cell>[] }
  | { kind: "key-values"; title?: Text; items: { label: Text; value: string }[] }
  | { kind: "chart"; title: Text; chart: "line" | "bar"; unit?: string; series: ChartSeries[]; alarms?: ChartAlarm[] }
  | { kind: "note"; tone: "info" | "success" | "warning" | "error"; text: Text }
  | { kind: "code"; language: "json" | "bash" | "sql" | "python" | "text"; title?: Text; code: string }
  | { kind: "link"; label: Text; url: string };
