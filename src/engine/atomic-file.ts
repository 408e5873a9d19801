/**
 * Persisted state is written atomically: write a temporary file beside the target, fsync it, rename it over the
 * target, fsync the directory. A crash at any point leaves either the old file or the new one, never half of one.
 * A file that cannot be read back is reported, never silently replaced.
 */
import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { UsageError } from "./usage-error.js";

/** Test seam: called after the temporary file is durable and before the rename. */
export interface AtomicWriteHooks {
  beforeRename?(tempPath: string): void;
}

export function writeFileAtomic(path: string, data: string, hooks: AtomicWriteHooks = {}): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  try {
    const fd = openSync(temp, "w", 0o600);
    try {
      // writeFileSync on a descriptor loops until every byte is written (a bare writeSync may write fewer, e.g.
      // on a nearly full disk, and a short file must never replace a good one).
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    hooks.beforeRename?.(temp);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  try {
    const dirFd = openSync(dir, "r");
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // Some file systems cannot fsync a directory; the rename itself is still atomic.
  }
}

/**
 * Reads a JSON state file with a `formatVersion`. Returns undefined when the file does not exist. Throws a
 * UsageError naming the file for a corrupt file or one written by a newer genai-lab.
 */
export function readStateFile(path: string, supportedVersion: number): Record<string, unknown> | undefined {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw corrupt(path, (error as Error).message);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw corrupt(path, "not a JSON object");
  }
  const version = (parsed as { formatVersion?: unknown }).formatVersion;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw corrupt(path, "no formatVersion");
  }
  if (version > supportedVersion) {
    throw new UsageError({
      vi: `${path} được ghi bởi một phiên bản genai-lab mới hơn (định dạng ${version}, bản này đọc được tới ${supportedVersion}). Tệp được giữ nguyên: hãy cập nhật genai-lab, hoặc dùng --state-dir khác.`,
      en: `${path} was written by a newer genai-lab (format ${version}; this one reads up to ${supportedVersion}). The file was left untouched: update genai-lab, or use another --state-dir.`,
    });
  }
  return parsed as Record<string, unknown>;
}

function corrupt(path: string, reason: string): UsageError {
  return new UsageError({
    vi: `Không đọc được tệp trạng thái ${path} (${reason}). Tệp được giữ nguyên: hãy sửa hoặc chuyển nó đi chỗ khác, hoặc chạy \`genai-lab reset\` để bắt đầu lại.`,
    en: `Cannot read the state file ${path} (${reason}). The file was left untouched: fix it or move it aside, or run \`genai-lab reset\` to start over.`,
  });
}
