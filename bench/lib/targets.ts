/**
 * Targets as the issues state them: a ratio to a baseline measured in the same run (absolute times are noise on a
 * shared machine), each printed with its median, its ratio, the limit and PASS or FAIL.
 */
import { cpus, loadavg } from "node:os";
import { fmtMs, median } from "./stats.js";

export type Target = {
  name: string;
  samples: number[];
  /** The baseline's samples; the ratio is median(samples) / median(base). */
  base: number[];
  baseName: string;
  /** How a median is printed (default: milliseconds). */
  format?: (n: number) => string;
} & ({ atMost: number } | { atLeast: number }); // times have a ceiling, throughputs a floor

/** The load on this machine, to print beside the results: "2 cores, load average 2.61 2.40 2.30". */
export function machineLoad(): string {
  return `${cpus().length} cores, load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(" ")}`;
}

/** Whether a target is met, and its ratio. */
export function judge(t: Target): { ratio: number; pass: boolean } {
  const ratio = median(t.samples) / median(t.base);
  return { ratio, pass: "atMost" in t ? ratio <= t.atMost : ratio >= t.atLeast };
}

/** Prints one line per target; returns how many failed. */
export function reportTargets(targets: Target[]): number {
  let failed = 0;
  const width = Math.max(...targets.map((t) => t.name.length)) + 2;
  const head = `${"target".padEnd(width)}${"median".padStart(14)}${"baseline".padStart(14)}${"ratio".padStart(9)}`;
  console.log(`${head}${"limit".padStart(9)}   result`);
  for (const t of targets) {
    const format = t.format ?? fmtMs;
    const { ratio, pass } = judge(t);
    if (!pass) failed += 1;
    const limit = "atMost" in t ? `≤ ${t.atMost}×` : `≥ ${t.atLeast}×`;
    console.log(
      `${t.name.padEnd(width)}${format(median(t.samples)).padStart(14)}${format(median(t.base)).padStart(14)}${`${ratio.toFixed(2)}×`.padStart(9)}${limit.padStart(9)}   ${pass ? "PASS" : "FAIL"}  (vs ${t.baseName})`,
    );
  }
  return failed;
}
