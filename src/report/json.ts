import type { ChecklistReport } from "./model.js";

/** The stable machine format (design.md "Checklist report"); `schemaVersion` changes only on breaking changes. */
export function renderJson(report: ChecklistReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
