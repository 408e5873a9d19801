/**
 * What the CLI and the TUI share: an open lab session (the lab loaded, the target connected, a runner over the
 * progress store), and the error that says the target could not be reached. The CLI opens sessions
 * (src/cli/session.ts); the TUI only uses them.
 */
import type { AwsClients } from "../aws/clients.js";
import type { LabParams, Mode, TargetInfo } from "../engine/contract.js";
import type { LoadedLab } from "../engine/loader.js";
import type { Problem } from "../engine/problem.js";
import type { Runner } from "../engine/runner.js";
import type { ProgressStore } from "../engine/store.js";
import type { AwsRequestRecord } from "../report/model.js";

export type ModeSource = "flag" | "env" | "saved" | "none";

/** How the lab is taken, and what chose it (the CLI resolves --mode, GENAI_LAB_MODE, the saved mode). */
export interface ResolvedMode {
  /** Undefined when nothing chose one yet. */
  mode: Mode | undefined;
  source: ModeSource;
}

export interface LabSession {
  lab: LoadedLab;
  runner: Runner;
  store: ProgressStore;
  target: TargetInfo;
  params: LabParams;
  aws: AwsClients;
  /** How the lab is taken: --mode, GENAI_LAB_MODE, the mode saved for this lab and target, or none yet. */
  readonly mode: ResolvedMode;
  /** The learner chose a mode (the TUI's welcome question): saved for this lab and target, and in effect now. */
  setMode(mode: Mode): void;
  /**
   * The sandbox's address for the learner's own terminal (the TUI's in-process sandbox listens on a stable port);
   * absent off the sandbox, or when it does not serve other programs.
   */
  servedEndpoint?: string;
  /** The line that points the learner's shell at this target: `eval "$(genai-lab env --state-dir …)"`. */
  envCommand?: string;
  /** The AWS calls of each check's latest run (service, operation, request id), by check id. */
  requests: ReadonlyMap<string, AwsRequestRecord[]>;
  close(): Promise<void>;
}

/** The target could not be reached or would not say who we are: the Problem says why and what to do. */
export class ConnectError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.title.en);
    this.name = "ConnectError";
    this.problem = problem;
  }
}
