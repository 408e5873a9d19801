/**
 * What a person sees, timed: a program in a pseudo-terminal (node-pty) whose output feeds a headless terminal
 * emulator (@xterm/headless), and the moments from spawning it until its screen first shows each of a few marks.
 * A mark is judged on the screen as drawn, not on the byte stream, so text that is later overdrawn or split by
 * escape codes neither counts too early nor is missed. The time of a mark is when the output that drew it arrived.
 */
import { createRequire } from "node:module";
import type * as HeadlessModule from "@xterm/headless";
import type * as PtyModule from "node-pty";

const require = createRequire(import.meta.url);
const { spawn } = require("node-pty") as typeof PtyModule;
const { Terminal } = require("@xterm/headless") as typeof HeadlessModule;

/** A test of the screen's text (rows joined by spaces, the card's borders and runs of spaces removed). */
export type Mark = (screen: string) => boolean;

export interface ScreenRun<K extends string> {
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  marks: Record<K, Mark>;
  cols?: number;
  rows?: number;
  timeoutMs?: number;
}

/** The screen's text as one line of prose: wrapped lines joined again, box drawing and padding gone. */
export function flatten(rows: string[]): string {
  return rows
    .map((row) => row.replace(/[│╭╮╰╯─┌┐└┘├┤]/g, " ").trim())
    .filter((row) => row.length > 0)
    .join(" ")
    .replace(/\s+/g, " ");
}

/** Milliseconds from spawn to each mark's first appearance; the program is then ended and waited for. */
export function timeMarks<K extends string>(run: ScreenRun<K>): Promise<Record<K, number>> {
  const cols = run.cols ?? 80;
  const rows = run.rows ?? 24;
  const term = new Terminal({ cols, rows, allowProposedApi: true });
  const start = process.hrtime.bigint();
  const pty = spawn(process.execPath, run.args, {
    name: "xterm-256color",
    cols,
    rows,
    cwd: run.cwd,
    env: run.env as Record<string, string>,
  });
  const pending = new Set(Object.keys(run.marks) as K[]);
  const seen = {} as Record<K, number>;
  let last = "";
  return new Promise((resolve, reject) => {
    let settled = false;
    const exited = new Promise<void>((done) => pty.onExit(() => done()));
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const hard = setTimeout(() => pty.kill("SIGKILL"), 3000);
      pty.kill("SIGTERM");
      void exited.then(() => {
        clearTimeout(hard);
        term.dispose();
        if (error) reject(error);
        else resolve(seen);
      });
    };
    const timer = setTimeout(
      () =>
        finish(
          new Error(`${[...pending].join(", ")} not seen within ${run.timeoutMs ?? 20_000} ms; the screen:\n${last}`),
        ),
      run.timeoutMs ?? 20_000,
    );
    pty.onData((data) => {
      const arrived = Number(process.hrtime.bigint() - start) / 1e6;
      term.write(data, () => {
        if (settled) return;
        const buffer = term.buffer.active;
        const lines: string[] = [];
        for (let y = 0; y < rows; y++) lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? "");
        last = lines.join("\n");
        const screen = flatten(lines);
        for (const key of [...pending]) {
          if (run.marks[key](screen)) {
            seen[key] = arrived;
            pending.delete(key);
          }
        }
        if (pending.size === 0) finish();
      });
    });
    pty.onExit(({ exitCode }) => {
      if (!settled) finish(new Error(`exited ${exitCode} before ${[...pending].join(", ")}; the screen:\n${last}`));
    });
  });
}
