/**
 * Targets as the issues state them: a ratio to a baseline measured in the same run (absolute times are noise on a
 * shared machine), each printed with its median, its ratio, the limit and PASS or FAIL.
 */
import { cpus, loadavg } from "node:os";
import { fmtMs, median } from "./stats.js";

export interface Target {
  name: string;
  samples: number[];
  /** The baseline's samples; the ratio is median(samples) / median(base). */
  base: number[];
  baseName: string;
  /** PASS when the ratio is at most this. */
  atMost: number;
}

/** The load on this machine, to print beside the results: "2 cores, load average 2.61 2.40 2.30". */
export function machineLoad(): string {
  return `${cpus().length} cores, load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(" ")}`;
}

/** Prints one line per target; returns how many failed. */
export function reportTargets(targets: Target[]): number {
  let failed = 0;
  const width = Math.max(...targets.map((t) => t.name.length)) + 2;
  console.log(
    `${"target".padEnd(width)}${"median".padStart(10)}${"baseline".padStart(12)}${"ratio".padStart(9)}${"limit".padStart(9)}   result`,
  );
  for (const t of targets) {
    const m = median(t.samples);
    const b = median(t.base);
    const ratio = m / b;
    const pass = ratio <= t.atMost;
    if (!pass) failed += 1;
    console.log(
      `${t.name.padEnd(width)}${fmtMs(m).padStart(10)}${fmtMs(b).padStart(12)}${`${ratio.toFixed(2)}×`.padStart(9)}${`≤ ${t.atMost}×`.padStart(9)}   ${pass ? "PASS" : "FAIL"}  (vs ${t.baseName})`,
    );
  }
  return failed;
}
