/** Runs the CLI in-process (main) with captured streams, or the real binary as a child process. */
import { spawn } from "node:child_process";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli.js";
import type { Io } from "../../src/cli/io.js";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const bin = `${root}bin/genai-lab.js`;
export const compiledFixtureLab = `${root}dist/test/fixtures/fixture-lab`;

/**
 * A sandbox that serves the learner's terminal takes any free port in tests, never 4566 (the learner's own); its
 * simulated streams unfold fifty times faster than a real model (a test may pass its own scale).
 */
const NO_STABLE_PORT = { GENAI_LAB_SANDBOX_PORT: "0", GENAI_LAB_SANDBOX_STREAM_SCALE: "0.02" };

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Both, interleaved as a terminal showing them would receive them. */
  all?: string;
}

/**
 * `stdoutTTY`: stdout is a terminal (as when a person runs the command), not captured by `$(…)` or a pipe;
 * `stderrTTY`: stderr is one (where the status lines that rewrite themselves go).
 */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv = {},
  signal?: AbortSignal,
  options: { stdoutTTY?: boolean; stderrTTY?: boolean } = {},
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  let all = "";
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  const io: Io = {
    stdout: { write: (s: string) => ((all += s), (stdout += s)), isTTY: options.stdoutTTY ?? false },
    stderr: { write: (s: string) => ((all += s), (stderr += s)), isTTY: options.stderrTTY ?? false },
    stdin,
    env: { LANG: "en_US.UTF-8", ...NO_STABLE_PORT, ...env },
    cwd: root,
  };
  const code = await main(argv, io, signal);
  return { code, stdout, stderr, all };
}

/** The real binary (dist/, built by the global setup). `onStdout` sees output as it arrives. */
export function runBinary(
  argv: string[],
  env: NodeJS.ProcessEnv = {},
  onStdout?: (chunk: string, child: ReturnType<typeof spawn>) => void,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...argv], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "en_US.UTF-8", ...NO_STABLE_PORT, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      onStdout?.(chunk, child);
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, sig) => resolve({ code: code ?? (sig === "SIGINT" ? 130 : -1), stdout, stderr }));
  });
}
