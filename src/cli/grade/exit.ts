/**
 * The exit code of `check`, for one report or a class: 0 when every item of every target passes — or, with
 * `--fail-under P`, when every target's score is at least P percent of its maximum (a CI gate that tolerates a
 * failed item worth little); 1 otherwise. Interruptions (130) and usage errors (2) are decided elsewhere.
 */
import { UsageError } from "../../engine/usage-error.js";
import type { ChecklistReport } from "../../report/model.js";

export function parseFailUnder(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim().replace(/%$/, "");
  const n = Number(text);
  if (text === "" || !Number.isFinite(n) || n < 0 || n > 100) {
    throw new UsageError({
      vi: `--fail-under: "${value}" phải là phần trăm điểm từ 0 đến 100, ví dụ --fail-under 75.`,
      en: `--fail-under: "${value}" must be a score percentage from 0 to 100, e.g. --fail-under 75.`,
    });
  }
  return n;
}

export function checkExitCode(reports: readonly ChecklistReport[], failUnder: number | undefined): 0 | 1 {
  const ok = (r: ChecklistReport) =>
    failUnder === undefined ? r.summary.passed === r.summary.total : r.summary.percent >= failUnder;
  return reports.every(ok) ? 0 : 1;
}
