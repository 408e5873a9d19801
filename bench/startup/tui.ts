/**
 * Time to first frame of the TUI (`genai-lab` in a pseudo-terminal, fresh state dir, the sandbox) against a bare
 * Ink "hello" app in the same run, interleaved: from spawning the process to the first frame on the terminal.
 * Aim: under 1.5× (the AWS SDK and the sandbox load after the first frame).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type * as PtyModule from "node-pty";
import { fmtMs, median } from "../lib/stats.js";

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL("../../../", import.meta.url));

/** Milliseconds from spawn until `marker` appears in the program's output, then the program is stopped. */
function firstFrame(args: string[], marker: string, env: NodeJS.ProcessEnv): Promise<number> {
  const { spawn } = require("node-pty") as typeof PtyModule;
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const pty = spawn(process.execPath, args, {
      cols: 80,
      rows: 24,
      cwd: root,
      env: env as Record<string, string>,
      name: "xterm-256color",
    });
    let output = "";
    let done = false;
    const timer = setTimeout(
      () => finish(new Error(`no first frame after 20 s from ${args.join(" ")}:\n${output}`)),
      20_000,
    );
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      pty.onExit(() => (error ? reject(error) : resolve(ms)));
      pty.kill();
    };
    pty.onData((data) => {
      output += data;
      if (output.includes(marker)) finish();
    });
  });
}

export async function measureTuiFirstFrame(rounds: number): Promise<{ hello: number; tui: number; ratio: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: "en_US.UTF-8", GENAI_LAB_SANDBOX_DELIVERY_DELAY_MS: "0" };
  delete env.CI;
  const hello: number[] = [];
  const tui: number[] = [];
  for (let i = 0; i < rounds; i++) {
    hello.push(await firstFrame([`${root}dist/bench/startup/ink-hello.js`], "genai-lab hello", env));
    const stateDir = mkdtempSync(join(tmpdir(), "genai-lab-bench-"));
    try {
      // The first frame of the TUI is its header ("genai-lab …") with the target starting below it.
      tui.push(await firstFrame([`${root}bin/genai-lab.js`, "--state-dir", stateDir], "genai-lab", env));
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  }
  const result = { hello: median(hello), tui: median(tui), ratio: median(tui) / median(hello) };
  console.log(`time to first frame, ${rounds} rounds (interleaved, pseudo-terminal 80×24)`);
  console.log(`${"bare Ink hello".padEnd(22)} median ${fmtMs(result.hello).padStart(9)}`);
  console.log(
    `${"genai-lab (TUI)".padEnd(22)} median ${fmtMs(result.tui).padStart(9)}   ratio ${result.ratio.toFixed(2)}×`,
  );
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await measureTuiFirstFrame(Number(process.env.BENCH_ROUNDS ?? 15));
}
