/**
 * A lab session: the lab loaded, the target connected, the progress store opened and a runner wired with the
 * AWS error classifier and terminal confirmations. Every lab command (run, check, cleanup, doctor, the TUI)
 * starts here.
 */
import type { LabSession } from "../app/lab-session.js";
import type { ConfirmRequest } from "../engine/contract.js";
import type { LoadedLab } from "../engine/loader.js";
import { loadChosenLab } from "./lab/load.js";
import { Runner } from "../engine/runner.js";
import { progressPath } from "../engine/state-dir.js";
import { ProgressStore } from "../engine/store.js";
import type { Lang } from "../engine/text.js";
import type { ParsedArgs } from "./args.js";
import { connect } from "./connect.js";
import { RequestRecorder } from "./grade/recorder.js";
import type { Io } from "./io.js";
import { resolveMode, type ResolvedMode } from "./mode.js";
import { resolveParams } from "./params.js";
import { terminalConfirm } from "./prompt.js";
import { chooseTarget, labDefaultRegion } from "./target.js";
import { applyHint, detectShell } from "./shell-lines.js";
import { selfCommand } from "./self-command.js";
import { envArgs } from "./commands/env.js";

/** A lab session as the CLI opens it (the TUI receives the same through src/app). */
export type Session = LabSession;

export interface SessionOptions {
  lang: Lang;
  stateDir: string;
  signal: AbortSignal;
  dryRun?: boolean;
  /** Overrides the terminal prompt (the TUI asks in its own way). */
  confirm?: (request: ConfirmRequest) => Promise<boolean>;
  /**
   * Serve the learner's own terminal too (the TUI, a hands-on run): the in-process sandbox listens on a stable
   * loopback port and registers itself, so `genai-lab env` points the AWS CLI at it.
   */
  serve?: boolean;
  /** Save a --mode flag for this lab and target (the TUI and `run`; `check` changes nothing). */
  saveModeFlag?: boolean;
}

export async function openSession(parsed: ParsedArgs, io: Io, options: SessionOptions): Promise<Session> {
  const { flags } = parsed;
  const choice = chooseTarget(flags, io.env);
  resolveMode(flags, io.env, undefined); // a bad GENAI_LAB_MODE is a usage error before anything starts
  prefetch(choice.kind === "sandbox");
  const lab = await loadChosenLab(flags.lab);
  const connection = await connect(choice, {
    stateDir: options.stateDir,
    clients: lab.manifest.clients ?? {},
    env: io.env,
    defaultRegion: labDefaultRegion(lab.manifest),
    signal: options.signal,
    serve: options.serve ?? false,
  });
  try {
    const { target, aws } = connection;
    const params = resolveParams(lab.manifest.parameters, flags, target.region);
    const store = ProgressStore.open(progressPath(options.stateDir, lab.manifest.id, target), lab.manifest.id, target);
    const { classifyAwsError } = await import("../aws/classify.js");
    const runner = new Runner({
      lab,
      aws,
      target,
      params,
      lang: options.lang,
      store,
      classify: (error) => classifyAwsError(error, lab.manifest.errors),
      confirm: options.confirm ?? terminalConfirm(io, options.lang, options.signal),
      yes: flags.yes ?? false,
      dryRun: options.dryRun ?? false,
    });
    let mode: ResolvedMode = resolveMode(flags, io.env, store.state.mode);
    const shell = detectShell(undefined, io.env);
    // --mode to the TUI or `run` is the learner's choice, remembered like the welcome question's answer;
    // GENAI_LAB_MODE is the room's setting, and `check` only reports: neither is saved.
    if (options.saveModeFlag && mode.source === "flag" && mode.mode) runner.saveMode(mode.mode);
    // Every check's calls are recorded, so that a report (check) and the details panel (the TUI) can name them.
    const recorder = new RequestRecorder();
    recorder.attach(aws, Object.keys(lab.manifest.clients ?? {}));
    runner.subscribe(recorder.listener);
    return {
      lab,
      runner,
      store,
      target,
      params,
      aws,
      get mode() {
        return mode;
      },
      setMode(chosen) {
        runner.saveMode(chosen);
        mode = { mode: chosen, source: "saved" };
      },
      requests: recorder.byItem,
      ...(connection.servedEndpoint ? { servedEndpoint: connection.servedEndpoint } : {}),
      envCommand: applyHint(shell, envArgs(flags), selfCommand(shell, io.env)),
      close: connection.close,
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
}

/** Step numbers by id (for headings like "Step 2 · …"). */
export function stepNumbers(lab: LoadedLab): Map<string, number> {
  return new Map(lab.steps.map(({ step, number }) => [step.id, number]));
}

/**
 * Starts reading the modules connect() needs (the SDK's client helpers, and the sandbox on the sandbox target)
 * while the lab loads: Node reads module files off the main thread, so their reading overlaps the lab's compiling.
 * connect() imports them again (the same modules); a failure shows there, not here.
 */
function prefetch(sandbox: boolean): void {
  const quiet = () => undefined;
  void import("../aws/clients.js").catch(quiet);
  void import("../aws/classify.js").catch(quiet);
  if (sandbox) void import("../sandbox/index.js").catch(quiet);
}
