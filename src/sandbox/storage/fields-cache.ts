/**
 * The Logs Insights engine's files of discovered fields, beside the database: <database>.insights/<group id>.fields,
 * private like the database (0700 folder, 0600 files). None for an in-memory database.
 */
import { readFileSync } from "node:fs";
import { mkdir, rename, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { FieldsCache } from "../insights/source.js";
import type { Db } from "./db.js";
import type { EventReads } from "./event-reads.js";

/** `reads` counts the events a file describes (so a file of events deleted since is not used). */
export function fieldsCache(db: Db, reads: EventReads): FieldsCache | undefined {
  if (db.memory || db.name === "" || db.name === ":memory:") return undefined;
  const dir = `${db.name}.insights`;
  const file = (groupId: number): string => join(dir, `${groupId}.fields`);
  return {
    load(groupId) {
      try {
        return readFileSync(file(groupId));
      } catch {
        return undefined;
      }
    },
    async save(groupId, parts) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const temporary = `${file(groupId)}.${process.pid}.tmp`;
      try {
        await writeFile(temporary, parts, { mode: 0o600 });
      } catch (error) {
        await unlink(temporary).catch(() => undefined);
        throw error;
      }
      await rename(temporary, file(groupId));
    },
    countUpTo: (groupId, upTo) => reads.countUpTo(groupId, upTo),
  };
}
