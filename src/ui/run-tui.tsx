/**
 * Entry point of the interactive TUI (`genai-lab` on a terminal). The first frame goes on screen before
 * anything slow happens: the AWS SDK and the sandbox are loaded by the session, which opens only after Ink has
 * drawn. Ctrl+C reaches Ink as a key (raw mode): the app handles it in one place (exitOnCtrlC: false).
 */
import { render } from "ink";
import type { LabSession } from "../app/lab-session.js";
import type { ConfirmRequest } from "../engine/contract.js";
import type { LabCard } from "../engine/lab-card.js";
import { writeSettings } from "../engine/settings.js";
import type { Lang } from "../engine/text.js";
import { TuiController, type SessionArgs } from "./app/controller.js";
import { explainError, explainSaveError } from "./app/explain.js";
import { App, preloadMainScreen } from "./components/App.js";
import { colorEnabled } from "./plain/style.js";
import { terminalClipboard } from "./terminal/clipboard.js";
import { withFullClearNewline } from "./terminal/full-clear.js";
import { supportsHyperlinks } from "./terminal/hyperlinks.js";
import { createTheme } from "./theme/theme.js";

/** What the TUI needs from the command that starts it (src/cli/commands/tui.ts). */
export interface TuiOptions<A extends SessionArgs> {
  parsed: A & { flags: { presenter?: boolean; redact?: boolean; "no-color"?: boolean; debug?: boolean } };
  io: {
    stdout: { write(chunk: string): unknown; isTTY?: boolean };
    stderr: { write(chunk: string): unknown };
    stdin: NodeJS.ReadableStream;
    env: NodeJS.ProcessEnv;
  };
  lang: Lang;
  stateDir: string;
  signal: AbortSignal;
  /** The lab's card, read before the session opens (the first frame shows it). */
  card?: LabCard;
  /** Opens a lab session for the (possibly switched) flags: the CLI's openSession. */
  open(parsed: A, confirm: (request: ConfirmRequest) => Promise<boolean>, signal: AbortSignal): Promise<LabSession>;
}

export async function runTui<A extends SessionArgs>(ctx: TuiOptions<A>): Promise<number> {
  const { io, parsed } = ctx;
  const { flags } = parsed;
  const presenter = flags.presenter ?? false;
  const controller = new TuiController({
    parsed,
    lang: ctx.lang,
    env: io.env,
    ...(ctx.card ? { card: ctx.card } : {}),
    // The session (lab loader, AWS SDK, sandbox) loads after the first frame is on screen.
    // Quitting while it opens aborts the open (an in-process sandbox must not keep the process alive).
    open: (args, confirm, signal) => ctx.open(args, confirm, AbortSignal.any([ctx.signal, signal])),
    saveLang: (lang) => writeSettings(ctx.stateDir, { language: lang }),
    explain: explainError,
    explainSaveError,
  });
  const warnings = holdWarnings();
  const theme = createTheme({ colors: colorEnabled(io.stdout, io.env, flags["no-color"] ?? false), presenter });
  const instance = render(
    <App
      controller={controller}
      theme={theme}
      redact={presenter || (flags.redact ?? false)}
      hyperlinks={supportsHyperlinks(io.env, io.stdout.isTTY === true)}
      clipboard={terminalClipboard(io.stdout, io.env)}
    />,
    {
      stdout: withFullClearNewline(io.stdout as NodeJS.WriteStream),
      stdin: io.stdin as NodeJS.ReadStream,
      exitOnCtrlC: false,
      patchConsole: false,
      incrementalRendering: false,
    },
  );
  // SIGTERM (or the embedding program) stops the TUI the same way `q` does.
  const onAbort = () => void controller.quit(130);
  ctx.signal.addEventListener("abort", onAbort, { once: true });
  // Let the first frame reach the terminal before the session loads the SDK and starts the sandbox.
  setImmediate(() => {
    void preloadMainScreen();
    void controller.connect();
  });
  try {
    await instance.waitUntilExit();
  } finally {
    ctx.signal.removeEventListener("abort", onAbort);
    for (const warning of warnings.release()) if (flags.debug) io.stderr.write(`(node) ${warning}\n`);
  }
  const code = controller.getState().exitCode;
  if (code === undefined) await controller.quit(0);
  return controller.getState().exitCode ?? 0;
}

/**
 * Node prints process warnings (e.g. the AWS SDK's notice about Node versions) straight to stderr, which would
 * tear through Ink's screen. While the TUI is up they are held; `--debug` prints them after it exits.
 */
function holdWarnings(): { release(): string[] } {
  const held: string[] = [];
  const original = process.emitWarning;
  process.emitWarning = ((warning: string | Error) => {
    held.push(typeof warning === "string" ? warning : warning.message);
  }) as typeof process.emitWarning;
  return {
    release() {
      process.emitWarning = original;
      return held;
    },
  };
}
