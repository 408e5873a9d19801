/**
 * The lab as completed, in numbers a person reads: how many checklist items the learner did (not genai-lab), the
 * hints used, the time taken — from the completion saved with the progress, so a later start shows the same.
 */
import type { Text as Bilingual } from "../../engine/text.js";
import type { LabView } from "./lab-view-types.js";

/** The completion's numbers for one line: items done by the learner, hints used (once per step), time taken. */
export function completionSummary(
  view: Pick<LabView, "completion" | "checklist">,
): { you: number; total: number; hints: number; time: Bilingual } | undefined {
  const completion = view.completion;
  if (!completion) return undefined;
  const items = completion.items;
  // An item records the hints of its step: a step with two items counts its hints once.
  const byStep = new Map<string, number>();
  for (const item of items) {
    const stepId = view.checklist.find((entry) => entry.id === item.id)?.stepId ?? item.id;
    byStep.set(stepId, Math.max(byStep.get(stepId) ?? 0, item.hintsUsed ?? 0));
  }
  return {
    you: items.filter((item) => item.doneBy === "learner").length,
    total: items.length,
    hints: [...byStep.values()].reduce((sum, n) => sum + n, 0),
    time: completion.durationMs !== undefined ? elapsedText(completion.durationMs) : { vi: "—", en: "—" },
  };
}

/** "12 min 40 s" / "12 phút 40 giây": how long a lab took, to the second. */
export function elapsedText(ms: number): Bilingual {
  const seconds = Math.round(Math.max(0, ms) / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const sec = seconds % 60;
  const parts = (units: [string, string, string]) =>
    [h ? `${h} ${units[0]}` : "", h || m ? `${m} ${units[1]}` : "", h ? "" : `${sec} ${units[2]}`]
      .filter(Boolean)
      .join(" ");
  return { vi: parts(["giờ", "phút", "giây"]), en: parts(["h", "min", "s"]) };
}
