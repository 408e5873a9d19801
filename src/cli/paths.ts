/**
 * Paths the user gives (--state-dir, --out) are checked before any work is done, so that a typo costs a usage
 * error naming the flag (exit 2), not a raw ENOENT after a whole class has been graded.
 */
import { accessSync, constants, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { tightenStateDir } from "../engine/state-dir.js";
import { UsageError } from "../engine/usage-error.js";

/**
 * Creates the state directory if needed (private: 0700), proves it writable, and tightens what older versions left
 * readable by others. `source` names where it came from; a folder named by --state-dir that holds other things
 * keeps its own mode (genai-lab's entries inside it are tightened all the same).
 */
export function ensureStateDir(stateDir: string, source: string): void {
  try {
    const existed = existsSync(stateDir);
    mkdirSync(stateDir, { recursive: true, mode: 0o700 });
    accessSync(stateDir, constants.W_OK);
    tightenStateDir(stateDir, !existed || source !== "--state-dir");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError({
      vi: `${source}: không dùng được ${stateDir} để lưu tiến độ (${reason}). Chọn một thư mục ghi được, ví dụ --state-dir ~/genai-lab-state.`,
      en: `${source}: ${stateDir} cannot hold genai-lab's state (${reason}). Choose a writable folder, e.g. --state-dir ~/genai-lab-state.`,
    });
  }
}

/** The absolute path for --out, after checking that its folder exists and can be written. */
export function outPath(cwd: string, out: string): string {
  const path = resolve(cwd, out);
  const folder = dirname(path);
  try {
    if (!statSync(folder).isDirectory()) throw Object.assign(new Error("not a folder"), { code: "ENOTDIR" });
    accessSync(folder, constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError({
      vi: `--out: không ghi được vào ${folder} (${reason}). Tạo thư mục đó trước, hoặc chọn đường dẫn khác.`,
      en: `--out: cannot write into ${folder} (${reason}). Create that folder first, or choose another path.`,
    });
  }
  return path;
}
