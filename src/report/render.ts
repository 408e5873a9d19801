/**
 * One entry point for every report format, for one learner or a class. Only the plain text of one learner's
 * checklist (what `genai-lab check` prints) is loaded with it; the other formats are loaded when asked for, so
 * `check` does not pay for them (the class matrix alone brings string-width, ~20–40 ms of start-up on its own).
 */
import type { Gradebook } from "./gradebook.js";
import type { ChecklistReport } from "./model.js";
import { plainStyle, renderText, type TextStyle } from "./text.js";

export const REPORT_FORMATS = ["text", "json", "junit", "markdown", "csv"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export async function renderReport(
  doc: ChecklistReport | Gradebook,
  format: ReportFormat,
  style: TextStyle = plainStyle,
): Promise<string> {
  switch (format) {
    case "text":
      return doc.kind === "gradebook" ? (await import("./matrix.js")).renderMatrix(doc, style) : renderText(doc, style);
    case "json":
      return (await import("./json.js")).renderJson(doc);
    case "junit":
      return (await import("./junit.js")).renderJunit(doc);
    case "markdown":
      return (await import("./markdown.js")).renderMarkdown(doc);
    case "csv":
      return (await import("./csv.js")).renderCsv(doc);
  }
}
