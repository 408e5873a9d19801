/**
 * The sandbox remembers its seeded histories (table `seed_runs`): which scenario, which window, when the incident
 * began. The admin API serves the latest (GET /_sandbox/seed), so the lab's investigation step can tell the learner
 * where to look and grade the answers against the history that is really there.
 */
import type { Statement } from "better-sqlite3";
import type { Db } from "../storage/db.js";

export interface SeedRun {
  accountId: string;
  region: string;
  scenario: string;
  seed: number;
  from: number;
  to: number;
  incidentStart?: number;
  logGroupName: string;
  invocations: number;
  /** Calls a minute it was seeded at, and the end of the minutes written so far (ongoing.ts extends it). */
  rate?: number;
  through?: number;
}

/**
 * The table (made on first use) and its statements, prepared once per connection: the running sandbox asks for the
 * latest run before every call (ongoing.ts), where making the table and compiling the query each time cost more
 * than the query.
 */
const statements = new WeakMap<Db, Record<"insert" | "latest" | "update", Statement>>();
function seedRuns(db: Db): Record<"insert" | "latest" | "update", Statement> {
  let q = statements.get(db);
  if (q === undefined) {
    db.exec(`CREATE TABLE IF NOT EXISTS seed_runs (
    id INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL,
    region TEXT NOT NULL,
    body TEXT NOT NULL
  )`);
    q = {
      insert: db.prepare("INSERT INTO seed_runs (account_id, region, body) VALUES (?, ?, ?)"),
      latest: db.prepare("SELECT id, body FROM seed_runs WHERE account_id = ? AND region = ? ORDER BY id DESC LIMIT 1"),
      update: db.prepare("UPDATE seed_runs SET body = ? WHERE id = ?"),
    };
    statements.set(db, q);
  }
  return q;
}

export function recordSeedRun(
  db: Db,
  accountId: string,
  region: string,
  result: Omit<SeedRun, "accountId" | "region" | "seed" | "rate" | "through"> & { rate: number; through: number },
  seed: number,
): void {
  const run: SeedRun = {
    accountId,
    region,
    scenario: result.scenario,
    seed,
    from: result.from,
    to: result.to,
    ...(result.incidentStart === undefined ? {} : { incidentStart: result.incidentStart }),
    logGroupName: result.logGroupName,
    invocations: result.invocations,
    rate: result.rate,
    through: result.through,
  };
  seedRuns(db).insert.run(accountId, region, JSON.stringify(run));
}

/** The newest seeded history of an account and Region, if any. */
export function latestSeedRun(db: Db, accountId: string, region: string): SeedRun | undefined {
  return latestSeedRow(db, accountId, region)?.run;
}

/** The newest seeded history with its row id (what extendSeedRun updates). */
export function latestSeedRow(db: Db, accountId: string, region: string): { id: number; run: SeedRun } | undefined {
  const row = seedRuns(db).latest.get(accountId, region) as { id: number; body: string } | undefined;
  return row === undefined ? undefined : { id: row.id, run: JSON.parse(row.body) as SeedRun };
}

/** An ongoing incident's history now reaches `through`, with `added` more calls (its window `to` stays). */
export function extendSeedRun(db: Db, id: number, run: SeedRun, through: number, added: number): void {
  const body: SeedRun = { ...run, through, invocations: run.invocations + added };
  seedRuns(db).update.run(JSON.stringify(body), id);
}
