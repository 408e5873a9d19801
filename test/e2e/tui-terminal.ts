/**
 * Runs a program in a pseudo-terminal (node-pty) and keeps a headless terminal emulator (@xterm/headless) fed
 * with its output, so tests can type keys and read the screen as a person would see it.
 */
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type * as HeadlessModule from "@xterm/headless";
import type * as PtyModule from "node-pty";
import type { IPty } from "node-pty";

// Both are CommonJS packages: load them the way they are published.
const require = createRequire(import.meta.url);
const { spawn } = require("node-pty") as typeof PtyModule;
const { Terminal } = require("@xterm/headless") as typeof HeadlessModule;

export interface TerminalOptions {
  args: string[];
  env: NodeJS.ProcessEnv;
  cols?: number;
  rows?: number;
  cwd?: string;
}

export class TerminalSession {
  readonly term: InstanceType<typeof Terminal>;
  readonly pty: IPty;
  exitCode: number | undefined;
  readonly exited: Promise<number>;
  #pending = Promise.resolve();
  output = "";

  constructor(options: TerminalOptions) {
    const cols = options.cols ?? 80;
    const rows = options.rows ?? 24;
    this.term = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 5000 });
    this.pty = spawn(process.execPath, options.args, {
      name: "xterm-256color",
      cols,
      rows,
      cwd: options.cwd ?? process.cwd(),
      env: options.env as Record<string, string>,
    });
    this.pty.onData((data) => {
      this.output += data;
      this.#pending = this.#pending.then(() => new Promise<void>((resolve) => this.term.write(data, resolve)));
    });
    this.exited = new Promise<number>((resolve) => {
      this.pty.onExit(({ exitCode }) => {
        this.exitCode = exitCode;
        resolve(exitCode);
      });
    });
  }

  /** The visible screen, one string per row, trailing spaces trimmed. */
  async screen(): Promise<string> {
    await this.#pending;
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < this.term.rows; y++)
      lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? "");
    return lines.join("\n");
  }

  /** Where the cursor is (column 0 after a program that ended its last line). */
  async cursor(): Promise<{ x: number; y: number }> {
    await this.#pending;
    const buffer = this.term.buffer.active;
    return { x: buffer.cursorX, y: buffer.cursorY };
  }

  /** Everything in the buffer, scrollback included. */
  async all(): Promise<string> {
    await this.#pending;
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < buffer.length; y++) lines.push(buffer.getLine(y)?.translateToString(true) ?? "");
    return lines.join("\n");
  }

  write(keys: string): void {
    this.pty.write(keys);
  }

  resize(cols: number, rows: number): void {
    this.pty.resize(cols, rows);
    this.term.resize(cols, rows);
  }

  /** Waits until the screen satisfies `test` (a substring, a pattern or a predicate). */
  async waitFor(test: string | RegExp | ((screen: string) => boolean), timeoutMs = 15_000): Promise<string> {
    const matches = (screen: string) =>
      typeof test === "string" ? screen.includes(test) : test instanceof RegExp ? test.test(screen) : test(screen);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = await this.screen();
      if (matches(screen)) return screen;
      if (this.exitCode !== undefined)
        throw new Error(`the program exited (${this.exitCode}) while waiting for ${String(test)}:\n${screen}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(test)}; the screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  kill(): void {
    if (this.exitCode === undefined) this.pty.kill();
    this.term.dispose();
  }
}

/** The repository's root (bin/genai-lab.js runs dist/, built by the test run's global setup). */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The real `genai-lab` in a terminal, on the sandbox with a fresh state directory (the caller removes it), in
 * Vietnamese: LANG says so, and LC_ALL, which would win over it, is unset.
 */
export function startLab(options: { args?: string[]; cols?: number; rows?: number; env?: NodeJS.ProcessEnv } = {}): {
  term: TerminalSession;
  stateDir: string;
} {
  const stateDir = mkdtempSync(join(tmpdir(), "genai-lab-tui-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TERM: "xterm-256color",
    LANG: "vi_VN.UTF-8",
    GENAI_LAB_SANDBOX_DELIVERY_DELAY_MS: "0",
    ...options.env,
  };
  delete env.CI; // Ink renders only the final frame under CI.
  delete env.LC_ALL;
  const args = [`${ROOT}bin/genai-lab.js`, "--state-dir", stateDir, ...(options.args ?? [])];
  const term = new TerminalSession({ args, env, cwd: ROOT, cols: options.cols ?? 80, rows: options.rows ?? 24 });
  return { term, stateDir };
}

/** One key at a time, as a person types (several keys in one read would be one input to Ink). */
export async function press(t: TerminalSession, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    t.write(key);
    await new Promise((resolve) => setTimeout(resolve, 80));
  }
}

/**
 * From the English welcome card: hands-on mode (pre-selected), then step 0 (preflight, not graded) run with
 * Enter as in guided mode, saying yes to the model it offers. Returns once step 0 is ticked.
 */
export async function handsOnPreflight(t: TerminalSession): Promise<void> {
  const dialog = (s: string) => s.includes("y = yes · n/Esc = no");
  await t.waitFor("How do you want to take the lab?", 20_000);
  await press(t, "\r");
  await t.waitFor(/hands-on · sandbox/);
  await press(t, "\r");
  for (;;) {
    const screen = await t.waitFor((s) => dialog(s) || /▸✓\s+0 Preflight/.test(s), 30_000);
    if (!dialog(screen)) return;
    await press(t, "y");
    await t.waitFor((s) => !dialog(s));
  }
}
