import { mkdirSync } from "node:fs";
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
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
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
