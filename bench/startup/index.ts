/**
 * Start-up as people meet it, as ratios to baselines measured in the same run (medians of interleaved rounds):
 *   - `genai-lab --version`, `--help` against `node -e 0`: target ≤ 1.5×;
 *   - `genai-lab check` on a finished lab (the sandbox, its state directory from `run --yes`) against `node -e 0`:
 *     target ≤ 5×;
 *   - the TUI (tui.ts): the lab's title and goal on screen against a bare Ink "hello": ≤ 1.0×; the card
 *     interactive: ≤ 1.5×.
 * BENCH_ROUNDS (default 25) and BENCH_TUI_ROUNDS (default 11) set the rounds; BENCH_BIN measures another
 * build's bin/genai-lab.js (e.g. a checkout of main, for a before/after). Exits 1 when a target is missed.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { interleave } from "../lib/stats.js";
import { machineLoad, reportTargets } from "../lib/targets.js";
import { measureTui } from "./tui.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const bin = process.env.BENCH_BIN ?? `${root}bin/genai-lab.js`;
const rounds = Number(process.env.BENCH_ROUNDS ?? 25);
const tuiRounds = Number(process.env.BENCH_TUI_ROUNDS ?? 11);
const env = { ...process.env, LANG: "en_US.UTF-8" };

function time(args: string[]): () => number {
  return () => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { encoding: "utf8", env });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
    return ms;
  };
}

const finished = mkdtempSync(join(tmpdir(), "genai-lab-bench-finished-"));
try {
  const run = spawnSync(process.execPath, [bin, "run", "--yes", "--state-dir", finished], {
    encoding: "utf8",
    env: { ...env, GENAI_LAB_SANDBOX_DELIVERY_DELAY_MS: "0" },
  });
  if (run.status !== 0) throw new Error(`genai-lab run --yes exited ${run.status}:\n${run.stdout}\n${run.stderr}`);

  console.log(`bin: ${bin}`);
  console.log(`before: ${machineLoad()}`);
  const processes = interleave(
    {
      node: time(["-e", "0"]),
      version: time([bin, "--version"]),
      help: time([bin, "--help"]),
      check: time([bin, "check", "--state-dir", finished]),
    },
    rounds,
  );
  const tui = await measureTui(bin, root, tuiRounds);
  console.log(`after:  ${machineLoad()}`);
  console.log(`rounds: ${rounds} interleaved (processes), ${tuiRounds} interleaved (pseudo-terminal 80×24)\n`);

  const node = { base: processes.node, baseName: "node -e 0" };
  const hello = { base: tui.hello, baseName: "a bare Ink hello" };
  const failed = reportTargets([
    { name: "genai-lab --version", samples: processes.version, ...node, atMost: 1.5 },
    { name: "genai-lab --help", samples: processes.help, ...node, atMost: 1.5 },
    { name: "genai-lab check (finished lab)", samples: processes.check, ...node, atMost: 5 },
    { name: "TUI: lab title and goal", samples: tui.card, ...hello, atMost: 1.0 },
    { name: "TUI: interactive (Enter works)", samples: tui.interactive, ...hello, atMost: 1.5 },
  ]);
  if (failed > 0) process.exitCode = 1;
} finally {
  rmSync(finished, { recursive: true, force: true });
}
