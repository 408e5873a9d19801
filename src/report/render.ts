/** One entry point for every report format, for one learner or a class. */
import { renderCsv } from "./csv.js";
import type { Gradebook } from "./gradebook.js";
import { renderJson } from "./json.js";
import { renderJunit } from "./junit.js";
import { renderMarkdown } from "./markdown.js";
import { renderMatrix } from "./matrix.js";
import type { ChecklistReport } from "./model.js";
import { plainStyle, renderText, type TextStyle } from "./text.js";

export const REPORT_FORMATS = ["text", "json", "junit", "markdown", "csv"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function renderReport(
  doc: ChecklistReport | Gradebook,
  format: ReportFormat,
  style: TextStyle = plainStyle,
): string {
  switch (format) {
    case "text":
      return doc.kind === "gradebook" ? renderMatrix(doc, style) : renderText(doc, style);
    case "json":
      return renderJson(doc);
    case "junit":
      return renderJunit(doc);
    case "markdown":
      return renderMarkdown(doc);
    case "csv":
      return renderCsv(doc);
  }
}
