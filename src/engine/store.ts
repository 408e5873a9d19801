/**
 * The progress store: the only writer of progress files. Every dispatch runs the pure reducer and then writes
 * the whole new state atomically, so Ctrl+C or a crash at any moment leaves the last complete state on disk.
 */
import type { TargetInfo } from "./contract.js";
import { readStateFile, writeFileAtomic, type AtomicWriteHooks } from "./atomic-file.js";
import {
  initialProgress,
  progressReducer,
  PROGRESS_FORMAT_VERSION,
  type ProgressAction,
  type ProgressState,
} from "./progress.js";
import { UsageError } from "./usage-error.js";

export type ProgressListener = (state: ProgressState, action: ProgressAction) => void;

export class ProgressStore {
  #state: ProgressState;
  readonly path: string;
  readonly #hooks: AtomicWriteHooks;
  readonly #listeners = new Set<ProgressListener>();

  private constructor(path: string, state: ProgressState, hooks: AtomicWriteHooks) {
    this.path = path;
    this.#state = state;
    this.#hooks = hooks;
  }

  /** Loads the file if there is one (nothing is written until the first dispatch). */
  static open(path: string, labId: string, target: TargetInfo, hooks: AtomicWriteHooks = {}): ProgressStore {
    const raw = readStateFile(path, PROGRESS_FORMAT_VERSION);
    const key = { kind: target.kind, accountId: target.accountId, region: target.region };
    if (!raw) return new ProgressStore(path, initialProgress(labId, key, new Date().toISOString()), hooks);
    if (raw.lab !== labId || !isProgressShape(raw)) {
      throw new UsageError({
        vi: `${path} không phải tệp tiến độ của bài lab "${labId}". Tệp được giữ nguyên: hãy chuyển nó đi chỗ khác hoặc dùng --state-dir khác.`,
        en: `${path} is not a progress file of the lab "${labId}". The file was left untouched: move it aside or use another --state-dir.`,
      });
    }
    return new ProgressStore(path, raw, hooks);
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
    const next = progressReducer(this.#state, action);
    if (this.path) writeFileAtomic(this.path, `${JSON.stringify(next, null, 2)}\n`, this.#hooks);
    this.#state = next;
    for (const listener of this.#listeners) listener(next, action);
  }

  subscribe(listener: ProgressListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

function isProgressShape(raw: Record<string, unknown>): raw is Record<string, unknown> & ProgressState {
  const isRecord = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);
  return (
    isRecord(raw.target) && isRecord(raw.steps) && isRecord(raw.checks) && isRecord(raw.facts) && Array.isArray(raw.ledger)
  );
}
