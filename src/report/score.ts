/**
 * Scoring. Each checklist item is worth `points` (lab.ts, default 1) and earns `points × credit`:
 * credit 1 on pass, 0 on error, and on fail 0 unless the check granted partial credit by putting a number in
 * (0, 1) in its evidence's `details.credit` (e.g. "0.5": the dashboard exists but shows no data yet). The score is
 * the sum; the percent is score / maxScore × 100. `--fail-under P` compares that percent with P.
 */
import type { CheckResult } from "../engine/contract.js";

export const round2 = (n: number): number => Math.round(n * 100) / 100;

export function creditOf(result: CheckResult): number {
  switch (result.status) {
    case "pass":
      return 1;
    case "error":
      return 0;
    case "fail": {
      const raw = result.evidence.details?.credit;
      const credit = raw === undefined || raw.trim() === "" ? 0 : Number(raw);
      return Number.isFinite(credit) && credit > 0 && credit < 1 ? round2(credit) : 0;
    }
  }
}

export function percentOf(score: number, maxScore: number): number {
  return maxScore > 0 ? round2((score / maxScore) * 100) : 100;
}
