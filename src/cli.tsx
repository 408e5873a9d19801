/**
 * genai-lab's entry point: argv → command. The only place that wires the parts together. Start-up is kept
 * small: --help and --version load nothing but this file, the argument parser and the help text; commands,
 * the AWS SDK, the sandbox and the UI are imported only when a command needs them.
 */
import { readFileSync } from "node:fs";
import { parseArgv, type CommandName, type ParsedArgs } from "./cli/args.js";
import type { Command, CommandContext } from "./cli/command.js";
import { helpText } from "./cli/help.js";
import { isInteractive, processIo, type Io } from "./cli/io.js";
import { readSettings } from "./engine/settings.js";
import { locateStateDir } from "./engine/state-dir.js";
import { detectLang, tr, type Lang } from "./engine/text.js";
import { UsageError } from "./engine/usage-error.js";

const COMMANDS: Record<Exclude<CommandName, "help">, () => Promise<Command>> = {
  tui: async () => (await import("./cli/commands/tui.js")).tui,
  run: async () => (await import("./cli/commands/run.js")).run,
  check: async () => (await import("./cli/commands/check.js")).check,
  cleanup: async () => (await import("./cli/commands/steps-by-role.js")).runStepsWithRole("cleanup"),
  doctor: async () => (await import("./cli/commands/steps-by-role.js")).runStepsWithRole("preflight"),
  reset: async () => (await import("./cli/commands/reset.js")).reset,
  sandbox: async () => (await import("./cli/commands/sandbox.js")).sandbox,
  env: async () => (await import("./cli/commands/env.js")).env,
  commands: async () => (await import("./cli/commands/commands.js")).commands,
  hint: async () => (await import("./cli/commands/hint.js")).hint,
  "verify-report": async () => (await import("./cli/commands/verify-report.js")).verifyReport,
  lab: async () => (await import("./cli/commands/lab.js")).lab,
};

export function version(): string {
  for (const up of ["../package.json", "../../package.json"]) {
    try {
      return (JSON.parse(readFileSync(new URL(up, import.meta.url), "utf8")) as { version: string }).version;
    } catch {
      // Source and compiled layouts sit at different depths; try the next.
    }
  }
  return "0.0.0";
}

function savedLang(stateDir: string): Lang | undefined {
  try {
    return readSettings(stateDir).language;
  } catch {
    return undefined; // A damaged settings file must not stop --help; commands that need it report it.
  }
}

export async function main(argv: string[], io: Io = processIo(), signal?: AbortSignal): Promise<number> {
  let parsed: ParsedArgs;
  try {
    parsed = parseArgv(argv);
  } catch (error) {
    const lang = detectLang(io.env, langFlag(argv));
    return reportError(error, io, lang, argv.includes("--debug"));
  }
  const { flags } = parsed;
  if (flags.version) {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  const { dir: stateDir, source: stateDirSource } = locateStateDir(flags["state-dir"], io.env);
  const lang = detectLang(io.env, flags.lang, savedLang(stateDir));
  if (flags.help || parsed.command === "help") {
    const topic = parsed.command === "help" ? (parsed.rest[0] as CommandName | undefined) : parsed.command;
    const known = topic && topic in COMMANDS ? topic : "tui";
    io.stdout.write(helpText(known, lang));
    return 0;
  }

  const controller = new AbortController();
  signal?.addEventListener("abort", () => controller.abort(signal.reason), { once: true });
  try {
    // verify-report, env and lab only read (lab new writes only its own folder); an in-memory sandbox keeps nothing;
    // the bare command without a terminal only explains itself (cli/commands/tui.ts): it must not even create the
    // state directory.
    const writes =
      !["verify-report", "env", "lab"].includes(parsed.command) &&
      !(parsed.command === "sandbox" && flags["in-memory"]) &&
      !(parsed.command === "tui" && !isInteractive(io));
    if (writes) {
      const { ensureStateDir } = await import("./cli/paths.js");
      ensureStateDir(stateDir, stateDirSource);
    }
    const { createPlainStyle, colorEnabled } = await import("./ui/plain/style.js");
    const noColor = flags["no-color"] ?? false;
    const ctx: CommandContext = {
      parsed,
      io,
      lang,
      stateDir,
      style: createPlainStyle(colorEnabled(io.stdout, io.env, noColor)),
      errStyle: createPlainStyle(colorEnabled(io.stderr, io.env, noColor)),
      signal: controller.signal,
      version: version(),
    };
    const command = await COMMANDS[parsed.command as Exclude<CommandName, "help">]();
    return await command(ctx);
  } catch (error) {
    if (controller.signal.aborted) return 130;
    return reportError(error, io, lang, flags.debug ?? false);
  }
}

function langFlag(argv: string[]): string | undefined {
  const index = argv.findIndex((arg) => arg === "--lang" || arg.startsWith("--lang="));
  if (index < 0) return undefined;
  return argv[index]!.includes("=") ? argv[index]!.split("=")[1] : argv[index + 1];
}

async function reportError(error: unknown, io: Io, lang: Lang, debug: boolean): Promise<number> {
  if (error instanceof UsageError) {
    io.stderr.write(`genai-lab: ${tr(error.text, lang)}\n`);
    return 2;
  }
  const { ConnectError } = await import("./cli/connect.js");
  if (error instanceof ConnectError) {
    const { problem } = error;
    io.stderr.write(`genai-lab: ${tr(problem.title, lang)}\n`);
    // The SDK's or AWS's own words are English: labelled as such, under the explanation in the learner's language.
    if (problem.message && !tr(problem.title, lang).includes(problem.message)) {
      const { S } = await import("./ui/strings.js");
      io.stderr.write(`  ${tr(S.originalMessage, lang)}: ${problem.message}\n`);
    }
    io.stderr.write(`  ${tr({ vi: "Nên làm", en: "Next" }, lang)}: ${tr(problem.next, lang)}\n`);
    if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
    return problem.kind === "credentials" ? 2 : 1;
  }
  io.stderr.write(`genai-lab: ${error instanceof Error ? error.message : String(error)}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return 1;
}

/** The program itself (bin/genai-lab.js): Ctrl+C cancels the running action first; a second Ctrl+C quits. */
export async function runAsProgram(): Promise<void> {
  const controller = new AbortController();
  let interrupts = 0;
  process.on("SIGINT", () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(130);
    controller.abort();
  });
  process.on("SIGTERM", () => controller.abort());
  // `genai-lab run | head`: once the reader has gone, stop quietly, as Unix tools do, instead of a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      controller.abort();
      process.exit(process.exitCode ?? 0);
    });
  }
  process.exitCode = await main(process.argv.slice(2), processIo(), controller.signal);
}
