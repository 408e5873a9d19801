/**
 * Start-up: `genai-lab --version` and `genai-lab --help` against `node -e 0` in the same run (median wall time
 * of whole processes, interleaved). Aim: under 3×.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { fmtMs, interleave, median } from "../lib/stats.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const bin = `${root}bin/genai-lab.js`;
const rounds = Number(process.env.BENCH_ROUNDS ?? 25);

function time(args: string[]): () => number {
  return () => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, {
      encoding: "utf8",
      env: { ...process.env, LANG: "en_US.UTF-8" },
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
    return ms;
  };
}

const results = interleave(
  {
    "node -e 0": time(["-e", "0"]),
    "genai-lab --version": time([bin, "--version"]),
    "genai-lab --help": time([bin, "--help"]),
  },
  rounds,
);
const base = median(results["node -e 0"]);
console.log(`rounds: ${rounds} (interleaved)`);
for (const [name, samples] of Object.entries(results)) {
  const m = median(samples);
  console.log(`${name.padEnd(22)} median ${fmtMs(m).padStart(9)}   ratio ${(m / base).toFixed(2)}×`);
}

// The TUI's time to first frame against a bare Ink app (bench/startup/tui.ts): fewer rounds, each is a terminal.
console.log("");
const { measureTuiFirstFrame } = await import("./tui.js");
await measureTuiFirstFrame(Number(process.env.BENCH_TUI_ROUNDS ?? 11));
