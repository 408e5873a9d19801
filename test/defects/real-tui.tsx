/**
 * The TUI over a real lab session: the built-in lab, `openSession` exactly as `genai-lab` wires it, and the
 * in-process sandbox on a fresh state directory (no invocation-log delay, no IAM propagation wait). Rendered at a
 * fixed size with ink-testing-library; keys are typed as a learner would.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import type { Flags } from "../../src/cli/args.js";
import type { Io } from "../../src/cli/io.js";
import { openSession, type Session } from "../../src/cli/session.js";
import type { Lang } from "../../src/engine/text.js";
import type { TuiController } from "../../src/ui/app/controller.js";
import { App } from "../../src/ui/components/App.js";
import { createTheme } from "../../src/ui/theme/theme.js";
import { render, type Rendered } from "../helpers/render.js";
import { controllerWith } from "../ui/controller-harness.js";

export interface RealTui extends Rendered {
  controller: TuiController;
  stateDir: string;
  session(): Session;
  quit(): Promise<void>;
}

export const SANDBOX_ENV = {
  GENAI_LAB_SANDBOX_DELIVERY_DELAY_MS: "0",
  GENAI_LAB_SANDBOX_FAULTS: "iam-delay=0",
  GENAI_LAB_SANDBOX_STREAM_SCALE: "0.02",
};

export function quietIo(env: NodeJS.ProcessEnv = SANDBOX_ENV): Io {
  const sink = { write: () => true, isTTY: false };
  return { stdout: sink, stderr: sink, stdin: new PassThrough(), env, cwd: process.cwd() };
}

export async function realTui(
  options: { lang?: Lang; columns?: number; rows?: number; stateDir?: string; flags?: Flags } = {},
): Promise<RealTui> {
  const lang = options.lang ?? "en";
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), "genai-lab-realtui-"));
  const io = quietIo();
  const controller = controllerWith(
    (args, confirm, signal) => openSession(args, io, { lang, stateDir, signal, confirm }),
    // Guided unless the test says otherwise: these tests press Enter to run steps (hands-on would ask first).
    { lang, parsed: { command: "tui", rest: [], flags: options.flags ?? { mode: "guided" } } },
  );
  const columns = options.columns ?? 100;
  const rows = options.rows ?? 30;
  const rendered = render(
    <App
      controller={controller}
      theme={createTheme({ colors: false, presenter: false })}
      redact={false}
      hyperlinks={false}
      size={{ columns, rows }}
    />,
    { lang, columns, rows },
  );
  await controller.connect();
  return {
    ...rendered,
    controller,
    stateDir,
    session() {
      const phase = controller.getState().phase;
      if (phase.kind !== "ready") throw new Error(`the session is ${phase.kind}`);
      return phase.session;
    },
    async quit() {
      await controller.quit(0);
      rendered.unmount();
    },
  };
}
