/**
 * The step contract: what a lab manifest (steps/lab.ts) and a step module (steps/NN-name/step.ts) provide, and what
 * the runner gives their actions and checks. A step's prose is Markdown beside its module (body.vi.md, body.en.md).
 * Steps never construct AWS clients: they get them as `ctx.aws`.
 */
import type { Clock } from "./clock.js";
import type { Output } from "./outputs.js";
import type { PollOptions, PollResult } from "./poll.js";
import type { Problem } from "./problem.js";
import type { Lang, Text } from "./text.js";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type ParamValue = string | number | boolean | string[];
export type LabParams = Record<string, ParamValue>;

export type TargetKind = "sandbox" | "aws" | "endpoint";

/**
 * How the lab is taken. hands-on: the learner does each step in their own terminal and the checks follow live;
 * guided: the runner performs each step when asked; exam: nothing is ever performed for the learner.
 */
export type Mode = "hands-on" | "guided" | "exam";
export const MODES: readonly Mode[] = ["hands-on", "guided", "exam"];

/** Who did the work a check verified: genai-lab's own actions ("runner") or anyone else ("learner"). */
export type DoneBy = "learner" | "runner";

export interface TargetInfo {
  kind: TargetKind;
  region: string;
  accountId: string;
  /** The caller's identity ARN from STS. */
  principalArn: string;
  profile?: string;
  endpoint?: string;
  /** On the sandbox, when a real model answers Bedrock Runtime calls (--model-endpoint): its URL. */
  realModel?: string;
}

export interface ChecklistEntry {
  /** A check id declared by one of the steps. */
  id: string;
  /** Points for grading; default 1. */
  points?: number;
}

/** An AWS SDK client, as far as genai-lab needs to know it (the kit's awsClient() builds the spec). */
export interface BuiltClient {
  destroy(): void;
}

/** How to build one of the lab's AWS clients from genai-lab's client configuration (Region, endpoint, …). */
export interface AwsClientSpec<C extends BuiltClient = BuiltClient> {
  create(config: Record<string, unknown>): C;
  /** A global service (IAM): its endpoint is us-east-1's on real AWS, whatever the lab's Region. */
  global?: boolean;
}

/**
 * An AWS error the lab explains in its own words (a service message its steps are known to meet), tried before
 * genai-lab's generic classification: e.g. Bedrock's "on-demand throughput isn't supported".
 */
export interface ErrorKind {
  kind: string;
  match(error: { code?: string; message: string; status?: number }): boolean;
  explain(error: { code?: string; message: string }): { title: Text; next: Text };
  /** Worth trying again as is (e.g. IAM still propagating). */
  retryable?: boolean;
}

/** What genai-lab says about this lab where it describes the target, not any one step. */
export interface LabNotes {
  /** Shown on the sandbox, e.g. what it simulates ("the model's replies are simulated"). */
  sandbox?: Text;
  /** Shown before switching to a real account: what the steps may bill. */
  aws?: Text;
  /** What to try once the lab is complete (the TUI's lab complete card lists them, each a line of Markdown). */
  next?: Text[];
}

export interface LabManifest<P extends LabParams = LabParams> {
  id: string;
  title: Text;
  goal: Text;
  durationMinutes: number;
  examDomain: Text;
  prerequisites: Text[];
  parameters: P;
  /** The verification checklist, in order. */
  checklist: ChecklistEntry[];
  /**
   * Bonus items: checks of optional ("bonus") steps, reported after the checklist and apart from it — never counted
   * in its summary, its score or the lab's completion.
   */
  bonus?: ChecklistEntry[];
  references?: { label: Text; url: string }[];
  /** The AWS clients the steps use, as `ctx.aws.NAME` (kit: awsClient). */
  clients?: Record<string, AwsClientSpec>;
  /** AWS errors the lab explains itself. */
  errors?: ErrorKind[];
  notes?: LabNotes;
}

export interface Evidence {
  expected: string | Text;
  actual: string | Text;
  /** AWS request ids of the calls the judgement rests on. */
  requestIds?: string[];
  /** Any other values read, for the report. */
  details?: Record<string, string>;
}

/**
 * A check's verdict. `doneBy` says who made what it verified (the check compares what it read with the ledger and
 * the facts); when a check does not say, the engine decides from who completed the check's step.
 */
export type CheckResult =
  | { status: "pass"; evidence?: Evidence; doneBy?: DoneBy }
  | { status: "fail"; evidence: Evidence; hint: Text; doneBy?: DoneBy }
  | { status: "error"; problem: Problem };

export type CheckStatus = CheckResult["status"];

export interface ActionResult {
  status?: "done" | "skipped";
  /** One line on what happened, e.g. "Log group created" / "Đã tạo log group". */
  summary?: Text;
}

export interface Countdown {
  remainingMs: number;
  totalMs: number;
}

/**
 * A model's answer arriving piece by piece (a streaming call), shown live under the progress message: the TUI
 * draws the text as it grows, the plain printer echoes it on a terminal and prints it once, whole, otherwise.
 */
export interface StreamProgress {
  /** The answer so far: each event carries all of it, so a renderer that missed one loses nothing. */
  text: string;
  /** From sending the request to the first piece of text, in ms; absent until it has arrived. */
  firstTokenMs?: number;
  /** On the stream's last event, once it has ended: its whole duration in ms. */
  totalMs?: number;
}

export interface Reporter {
  /**
   * Live status of the running action or check; `countdown` while waiting for eventually consistent state,
   * `stream` while a model's answer streams in (send it at most ~20 times a second: each one repaints).
   */
  progress(message: Text, extra?: { fraction?: number; countdown?: Countdown; stream?: StreamProgress }): void;
  output(output: Output): void;
  note(tone: "info" | "success" | "warning" | "error", text: Text): void;
}

/** Facts by key as stored (JSON). Steps read them through typed facts (kit: defineFact), which validate the shape. */
export interface FactsReader {
  get(key: string): JsonValue | undefined;
}

export interface FactsStore extends FactsReader {
  set(key: string, value: JsonValue): void;
  delete(key: string): void;
}

export interface LedgerResource {
  /** e.g. "log-group", "iam-role", "iam-role-policy", "dashboard", "logging-config". */
  type: string;
  name: string;
  arn?: string;
  /** Anything cleanup needs later (e.g. the configuration that was there before). */
  meta?: Record<string, JsonValue>;
}

export type LedgerState = "creating" | "created" | "failed" | "deleted";

export interface LedgerEntry extends LedgerResource {
  key: string;
  region: string;
  state: LedgerState;
  stepId: string;
  actionId: string;
  createdAt: string;
  updatedAt: string;
}

/** What checks may see of the ledger: what the lab's actions created, never the means to change it. */
export interface LedgerReader {
  entries(): readonly LedgerEntry[];
}

export interface Ledger extends LedgerReader {
  /** Writes the entry before `create` runs and again after it settles, so an interrupted run can be cleaned up. */
  track<T>(resource: LedgerResource, create: () => Promise<T>, arnOf?: (result: T) => string | undefined): Promise<T>;
  markDeleted(type: string, name: string): void;
}

export interface ConfirmRequest {
  question: Text;
  /** Why it matters: what may be billed or lost. */
  detail?: Text;
  kind: "billable" | "destructive" | "choice";
}

/** What checks get: everything needed to read, nothing to change. */
export interface CheckContext<P extends LabParams = LabParams, A = unknown> {
  aws: A;
  params: Readonly<P>;
  target: TargetInfo;
  lang: Lang;
  facts: FactsReader;
  /** What the runner's actions created (read-only): lets a check tell the runner's work from the learner's. */
  ledger: LedgerReader;
  report: Reporter;
  signal: AbortSignal;
  clock: Clock;
  /**
   * True while the engine re-checks a hands-on step live: `poll` then probes once and never waits (the next
   * round comes soon). For wording only; checks behave the same.
   */
  liveCheck: boolean;
  /**
   * "checks-only" when grading an account whose learner's progress is not here (`check --accounts/--profiles`): the
   * ledger and facts then say nothing of what genai-lab did there, so a check credits no one it cannot prove.
   * Absent or "progress": the ledger and facts are this learner's.
   */
  attribution?: "progress" | "checks-only";
  poll<T>(options: PollOptions<T>): Promise<PollResult<T>>;
}

/** What actions get: checks' context plus the means to change things and remember them. */
export interface ActionContext<P extends LabParams = LabParams, A = unknown> extends CheckContext<P, A> {
  facts: FactsStore;
  ledger: Ledger;
  /** True under `--dry-run`: describe what would happen, change nothing. */
  dryRun: boolean;
  confirm(request: ConfirmRequest): Promise<boolean>;
}

export interface Action<P extends LabParams = LabParams, A = unknown> {
  id: string;
  title: Text;
  /** The AWS CLI command a learner could paste to do the same by hand. */
  cli?: (ctx: CheckContext<P, A>) => string | undefined;
  /** Creates something billable on a real account: the runner asks first (unless --yes). */
  billable?: boolean;
  /** Default 5 minutes. */
  timeoutMs?: number;
  run(ctx: ActionContext<P, A>): Promise<ActionResult | void>;
}

export interface Check<P extends LabParams = LabParams, A = unknown> {
  id: string;
  label: Text;
  /** Default 2 minutes. */
  timeoutMs?: number;
  /**
   * Checks the learner's own work only: it runs while the step is watched live (hands-on, exam), never after the
   * step's own actions, whose outcome it would second-guess (cleanup's actions leave on purpose what the lab did
   * not create; its "nothing left" checks count everything at the lab's names as the learner's).
   */
  watchedOnly?: boolean;
  run(ctx: CheckContext<P, A>): Promise<CheckResult>;
}

/**
 * "cleanup" steps are not part of a full run (`genai-lab cleanup` runs them); "bonus" steps neither — they are
 * optional extras a learner chooses, whose checks are the lab's bonus items.
 */
export type StepRole = "preflight" | "lab" | "cleanup" | "bonus";

/** A step of the lab proper: part of a full run and of "where the learner is" (not cleanup, not a bonus). */
export function isLabStep(step: { role?: StepRole }): boolean {
  return step.role !== "cleanup" && step.role !== "bonus";
}

/** A step the learner does by hand in hands-on and exam mode (Your turn, live checks): a lab step or the bonus. */
export function isByHandStep(step: { role?: StepRole }): boolean {
  return step.role === "lab" || step.role === "bonus";
}

/**
 * A step whose checks follow the learner's own work live in hands-on and exam mode: a by-hand step, or cleanup
 * (done by hand, or by genai-lab when asked: its checks say what is left either way). Cleanup is not graded work,
 * so it is not a by-hand step: exam mode still runs it when asked, and its commands are never hidden.
 */
export function isWatchedStep(step: { role?: StepRole }): boolean {
  return isByHandStep(step) || step.role === "cleanup";
}

/**
 * "Your turn" (hands-on): what the learner does in their own terminal, with their real values filled in. The task
 * and the console path are prose, in `your-turn.vi.md` / `your-turn.en.md` beside the step's code (see
 * step-markdown.ts); the commands are code. The CLI lines run unchanged with AWS CLI v1 and v2 (no v2-only flags:
 * `fileb://` for binary bodies, never `--cli-binary-format`) and carry no `--endpoint-url`: `genai-lab env` points
 * the learner's shell at the target.
 */
export interface YourTurn<P extends LabParams = LabParams, A = unknown> {
  /** bash lines with the learner's values. */
  cli?: (ctx: CheckContext<P, A>) => string;
  /** A short Python/boto3 snippet, like the original lab's. */
  python?: (ctx: CheckContext<P, A>) => string;
}

/** What a step's values are computed from when its Markdown is shown: nothing that calls AWS or changes anything. */
export interface ValueContext<P extends LabParams = LabParams> {
  params: Readonly<P>;
  target: TargetInfo;
  facts: FactsReader;
  ledger: LedgerReader;
}

/**
 * Values a step computes for its Markdown, by name: `{{modelId}}` in body.vi.md is `values.modelId(ctx)`, computed
 * each time the page is shown. A Text value gives each language its own words.
 */
export type StepValues<P extends LabParams = LabParams> = Record<
  string,
  (ctx: ValueContext<P>) => string | number | Text
>;

export interface Step<P extends LabParams = LabParams, A = unknown> {
  id: string;
  title: Text;
  /** "cleanup" and "bonus" steps are not part of a full run (see StepRole). Default "lab". */
  role?: StepRole;
  actions: Action<P, A>[];
  checks: Check<P, A>[];
  /** The commands the learner runs by hand in hands-on and exam modes (the prose is in your-turn.*.md). */
  yourTurn?: YourTurn<P, A>;
  /** What `{{NAME}}` stands for in the step's Markdown (body.*.md, your-turn.*.md). */
  values?: StepValues<P>;
  /** A ladder, revealed one at a time: a nudge, then where to look, then the exact command. */
  hints?: Text[];
}

/** Identity helpers that give step and lab modules their types without a cast. */
export function defineLab<P extends LabParams>(lab: LabManifest<P>): LabManifest<P> {
  return lab;
}

export function defineStep<P extends LabParams, A = unknown>(step: Step<P, A>): Step<P, A> {
  return step;
}
