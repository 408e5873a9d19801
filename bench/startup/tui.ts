/**
 * The TUI as a learner first sees it, against a bare Ink app that draws "genai-lab hello", interleaved in one run:
 * `genai-lab` in a pseudo-terminal (80×24, English, a fresh state directory each round: a new learner, on the
 * sandbox), timed from spawning it to
 *   - card:        the lab's title and its whole goal on the screen;
 *   - interactive: the card's prompt, the moment a key does something (Enter starts the lab).
 * Neither can be met by a placeholder frame: the title and goal come from the lab's manifest, and the prompts are
 * drawn only once the session is open (test/ui/first-frame.test.tsx holds the TUI to that).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tr } from "../../src/engine/text.js";
import { S } from "../../src/ui/strings.js";
import { lab } from "../../steps/lab.js";
import { timeMarks } from "./screen.js";

/**
 * What the welcome card says once a key does something: Enter starts (or continues) the lab. A card that asks a new
 * learner something first (which mode) adds its question's keys here.
 */
export const INTERACTIVE_PROMPTS = [S.welcomeStart, S.welcomeContinue].map((text) => tr(text, "en"));

export interface TuiSamples {
  hello: number[];
  card: number[];
  interactive: number[];
}

export async function measureTui(bin: string, root: string, rounds: number): Promise<TuiSamples> {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: "en_US.UTF-8", TERM: "xterm-256color" };
  delete env.CI; // Ink draws only the last frame under CI
  delete env.LC_ALL;
  const title = tr(lab.title, "en");
  const goal = tr(lab.goal, "en");
  const samples: TuiSamples = { hello: [], card: [], interactive: [] };
  for (let i = 0; i < rounds; i++) {
    const hello = await timeMarks({
      args: [`${root}dist/bench/startup/ink-hello.js`],
      env,
      cwd: root,
      marks: { hello: (screen) => screen.includes("genai-lab hello") },
    });
    samples.hello.push(hello.hello);
    const stateDir = mkdtempSync(join(tmpdir(), "genai-lab-bench-"));
    try {
      const seen = await timeMarks({
        args: [bin, "--state-dir", stateDir],
        env,
        cwd: root,
        marks: {
          card: (screen) => screen.includes(title) && screen.includes(goal),
          interactive: (screen) => screen.includes(title) && INTERACTIVE_PROMPTS.some((p) => screen.includes(p)),
        },
      });
      samples.card.push(seen.card);
      samples.interactive.push(seen.interactive);
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  }
  return samples;
}
