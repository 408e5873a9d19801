import { chmodSync, closeSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS } from "./migrations.js";

export type Db = Database.Database;

export class SandboxStateError extends Error {
  override readonly name = "SandboxStateError";
}

/**
 * Opens (creating if needed) the sandbox database and brings its schema up to date.
 * File databases run in WAL mode with synchronous=FULL: a transaction that returned has reached the disk, so an
 * acknowledged write survives kill -9 (and power loss). ":memory:" is for tests.
 */
export function openDatabase(path: string): Db {
  const onDisk = path !== ":memory:" && path !== "";
  let db: Db;
  try {
    if (onDisk) makePrivate(path);
    db = new Database(path);
  } catch (error) {
    throw new SandboxStateError(`Cannot open the sandbox database ${path}: ${(error as Error).message}`);
  }
  try {
    if (path !== ":memory:") {
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = FULL");
    }
    db.pragma("busy_timeout = 5000");
    migrate(db, path);
  } catch (error) {
    db.close();
    if (error instanceof SandboxStateError) throw error;
    throw new SandboxStateError(`The sandbox database ${path} is unreadable or corrupt: ${(error as Error).message}`);
  }
  return db;
}

function migrate(db: Db, path: string): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new SandboxStateError(
      `The sandbox database ${path} was written by a newer genai-lab (schema ${version}, this one knows ${MIGRATIONS.length}). Upgrade genai-lab or use another --state-dir.`,
    );
  }
  for (let v = version; v < MIGRATIONS.length; v += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] ?? "");
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

/**
 * The database holds AssumeRole session secrets: its folder is 0700 and the file 0600, created so before SQLite opens
 * it (SQLite gives the -wal and -shm files the database file's mode). Files an older version created 0644 are
 * tightened.
 */
function makePrivate(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, "a", 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      chmodSync(file, 0o600);
    } catch {
      // -wal and -shm exist only while (or if) the database was open in WAL mode
    }
  }
}
