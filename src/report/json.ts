import type { Gradebook } from "./gradebook.js";
import type { ChecklistReport } from "./model.js";

/**
 * The stable machine format (docs/grading.md): a checklist report, or a class's gradebook. Pretty-printed for
 * people; the integrity digest is over the canonical form, so indentation and key order do not matter to it.
 */
export function renderJson(doc: ChecklistReport | Gradebook): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
