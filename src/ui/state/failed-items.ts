/** Checklist items worth explaining (`d`): those that failed or could not run. */
import type { ChecklistItemView } from "./lab-view.js";

export function failedItems(items: ChecklistItemView[]): ChecklistItemView[] {
  return items.filter((item) => item.result !== undefined && item.result.status !== "pass");
}
