/**
 * The progress store: the only writer of progress files. Every dispatch runs the pure reducer and then writes
 * the whole new state atomically, so Ctrl+C or a crash at any moment leaves the last complete state on disk.
 *
 * Two processes may share a state directory (the TUI open while `genai-lab run` works in another terminal).
 * Each dispatch therefore holds a lock file, re-reads the progress file if another process changed it since this
 * one last saw it, and applies its action to *that* state: the reducer is pure, so nobody's ledger entries are lost.
 *
 * A burst of actions whose loss in a crash costs only doing them again (`genai-lab check` recording each item's
 * result) can be written once, at its end: deferWrites().
 */
import { statSync } from "node:fs";
import { MODES, type TargetInfo } from "./contract.js";
import { readStateFile, writeFileAtomic, type AtomicWriteHooks } from "./atomic-file.js";
import { withFileLock } from "./file-lock.js";
import {
  initialProgress,
  progressReducer,
  PROGRESS_FORMAT_VERSION,
  type ProgressAction,
  type ProgressState,
} from "./progress.js";
import { UsageError } from "./usage-error.js";

/** `action` is what changed it, absent when the file was re-read after another process wrote it (`refresh`). */
export type ProgressListener = (state: ProgressState, action?: ProgressAction) => void;

export class ProgressStore {
  #state: ProgressState;
  /** The file as this process last read or wrote it; another value on disk means another process wrote. */
  #seen: string | undefined;
  readonly path: string;
  readonly #hooks: AtomicWriteHooks;
  readonly #listeners = new Set<ProgressListener>();
  /** While writes are deferred: the state as last written, and the actions applied in memory since. */
  #deferred: { before: ProgressState; actions: ProgressAction[] } | undefined;

  private constructor(path: string, state: ProgressState, hooks: AtomicWriteHooks) {
    this.path = path;
    this.#state = state;
    this.#hooks = hooks;
    this.#seen = path ? fingerprint(path) : undefined;
  }

  /** Loads the file if there is one (nothing is written until the first dispatch). */
  static open(path: string, labId: string, target: TargetInfo, hooks: AtomicWriteHooks = {}): ProgressStore {
    return new ProgressStore(path, load(path, labId, target), hooks);
  }

  /** A store that never touches the disk (tests, previews). */
  static inMemory(labId: string, target: TargetInfo): ProgressStore {
    const key = { kind: target.kind, accountId: target.accountId, region: target.region };
    return new ProgressStore("", initialProgress(labId, key, new Date().toISOString()), {});
  }

  get state(): ProgressState {
    return this.#state;
  }

  dispatch(action: ProgressAction): void {
    if (this.#deferred) {
      this.#deferred.actions.push(action);
      this.#commit(progressReducer(this.#state, action), action);
    } else if (!this.path) {
      this.#commit(progressReducer(this.#state, action), action);
    } else {
      this.#write(this.#state, [action], false);
    }
  }

  /**
   * Until the returned function is called, dispatches change the state in memory (and tell the listeners) but write
   * nothing; then they are all written at once, as dispatch() writes one: under the lock, on top of what another
   * process may have written meanwhile. (Each write takes a lock, two fsyncs and a rename.)
   * If the process exits first (a second Ctrl+C calls process.exit, so does a closed pipe or an uncaught error), they
   * are written as it exits: the write is synchronous, so an 'exit' listener can do it.
   */
  deferWrites(): () => void {
    if (this.#deferred) return () => undefined; // already deferred: the outer caller writes
    const deferred = { before: this.#state, actions: [] as ProgressAction[] };
    this.#deferred = deferred;
    const flush = () => {
      process.off("exit", onExit);
      if (this.#deferred !== deferred) return;
      this.#deferred = undefined;
      if (this.path && deferred.actions.length > 0) this.#write(deferred.before, deferred.actions, true);
    };
    const onExit = () => {
      try {
        flush();
      } catch {
        // Exiting anyway: what is lost costs only running check again, and a throw here would hide the exit code.
      }
    };
    process.on("exit", onExit);
    return flush;
  }

  /**
   * Applies `actions` to `base` (or, if another process wrote since, to what is on disk) and writes the result.
   * `told`: the listeners saw these actions already (deferred), so they hear again only of another process's.
   */
  #write(base: ProgressState, actions: ProgressAction[], told: boolean): void {
    withFileLock(`${this.path}.lock`, () => {
      const changedOnDisk = fingerprint(this.path) !== this.#seen;
      // Another process wrote (or a reset removed the file): build on what is on disk now.
      if (changedOnDisk) base = load(this.path, base.lab, base.target);
      const next = actions.reduce(progressReducer, base);
      writeFileAtomic(this.path, `${JSON.stringify(next, null, 2)}\n`, this.#hooks);
      this.#seen = fingerprint(this.path);
      if (!told || changedOnDisk) this.#commit(next, actions[actions.length - 1]!);
      else this.#state = next;
    });
  }

  /**
   * Re-reads the file when another process wrote it since (`genai-lab hint` or `check` in the learner's other
   * terminal), so this process shows what they counted without waiting for its own next write. True if it did.
   * A cheap stat when nothing changed; never while writes are deferred (those are written on top later anyway).
   */
  refresh(): boolean {
    if (!this.path || this.#deferred) return false;
    const now = fingerprint(this.path);
    if (now === this.#seen) return false;
    const next = load(this.path, this.#state.lab, this.#state.target);
    this.#seen = now;
    this.#commit(next);
    return true;
  }

  #commit(next: ProgressState, action?: ProgressAction): void {
    this.#state = next;
    for (const listener of this.#listeners) listener(next, action);
  }

  subscribe(listener: ProgressListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

function load(path: string, labId: string, target: Pick<TargetInfo, "kind" | "accountId" | "region">): ProgressState {
  const raw = readStateFile(path, PROGRESS_FORMAT_VERSION);
  const key = { kind: target.kind, accountId: target.accountId, region: target.region };
  if (!raw) return initialProgress(labId, key, new Date().toISOString());
  if (raw.lab !== labId || !isProgressShape(raw)) {
    throw new UsageError({
      vi: `${path} không phải tệp tiến độ của bài lab "${labId}". Tệp được giữ nguyên: hãy chuyển nó đi chỗ khác hoặc dùng --state-dir khác.`,
      en: `${path} is not a progress file of the lab "${labId}". The file was left untouched: move it aside or use another --state-dir.`,
    });
  }
  return withOptionalFields(raw);
}

/**
 * The hands-on fields are optional and additive (files written before them still load); a value that is not what
 * this genai-lab writes is dropped rather than trusted, so a hand-edited mode cannot turn into an unknown one.
 */
function withOptionalFields(state: ProgressState): ProgressState {
  const { mode, hints, ...rest } = state;
  const validHints =
    typeof hints === "object" &&
    hints !== null &&
    !Array.isArray(hints) &&
    Object.values(hints).every((n) => Number.isInteger(n) && n >= 0);
  return {
    ...rest,
    ...(mode !== undefined && MODES.includes(mode) ? { mode } : {}),
    ...(validHints ? { hints } : {}),
  };
}

/** Identity of the file's current version: a rename makes a new inode, so an atomic write always changes it. */
function fingerprint(path: string): string | undefined {
  try {
    const stat = statSync(path, { bigint: true });
    return `${stat.ino}:${stat.size}:${stat.mtimeNs}`;
  } catch {
    return undefined;
  }
}

function isProgressShape(raw: Record<string, unknown>): raw is Record<string, unknown> & ProgressState {
  const isRecord = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);
  return (
    isRecord(raw.target) &&
    isRecord(raw.steps) &&
    isRecord(raw.checks) &&
    isRecord(raw.facts) &&
    Array.isArray(raw.ledger)
  );
}
