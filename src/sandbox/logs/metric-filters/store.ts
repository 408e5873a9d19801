/**
 * Metric filters in SQLite (table `logs_metric_filters`), keyed by log group id *and* the group's creation time: a
 * deleted group takes its filters with it (AWS's behaviour) even if a group of the same name is created later.
 */
import type { Db } from "../../storage/db.js";
import type { Transformation } from "./transform.js";

export interface FilterRow {
  groupId: number;
  groupName: string;
  filterName: string;
  filterPattern: string;
  transformation: Transformation;
  applyOnTransformedLogs: boolean;
  createdAt: number;
}

interface Raw {
  group_id: number;
  group_name: string;
  filter_name: string;
  filter_pattern: string;
  transformation: string;
  apply_on_transformed: number;
  created_at: number;
}

const fromRaw = (raw: Raw): FilterRow => ({
  groupId: raw.group_id,
  groupName: raw.group_name,
  filterName: raw.filter_name,
  filterPattern: raw.filter_pattern,
  transformation: JSON.parse(raw.transformation) as Transformation,
  applyOnTransformedLogs: raw.apply_on_transformed === 1,
  createdAt: raw.created_at,
});

const JOINED = `SELECT f.*, g.name AS group_name FROM logs_metric_filters f
  JOIN log_groups g ON g.id = f.group_id AND g.created_at = f.group_created`;

export class MetricFilterStore {
  readonly #q;

  constructor(db: Db) {
    db.exec(`CREATE TABLE IF NOT EXISTS logs_metric_filters (
      group_id INTEGER NOT NULL, group_created INTEGER NOT NULL, filter_name TEXT NOT NULL,
      filter_pattern TEXT NOT NULL, transformation TEXT NOT NULL, apply_on_transformed INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (group_id, group_created, filter_name)
    ) WITHOUT ROWID`);
    this.#q = {
      upsert: db.prepare(
        `INSERT INTO logs_metric_filters VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (group_id, group_created, filter_name) DO UPDATE SET filter_pattern = excluded.filter_pattern,
           transformation = excluded.transformation, apply_on_transformed = excluded.apply_on_transformed`,
      ),
      remove: db.prepare(
        "DELETE FROM logs_metric_filters WHERE group_id = ? AND group_created = ? AND filter_name = ?",
      ),
      ofGroup: db.prepare(`${JOINED} WHERE f.group_id = ? ORDER BY f.filter_name`),
      inAccount: db.prepare(`${JOINED} WHERE g.account_id = ? AND g.region = ? ORDER BY g.name, f.filter_name`),
      count: db.prepare(
        "SELECT COUNT(*) AS n FROM logs_metric_filters f JOIN log_groups g ON g.id = f.group_id AND g.created_at = f.group_created WHERE f.group_id = ?",
      ),
    };
  }

  put(group: { id: number; created_at: number }, row: Omit<FilterRow, "groupId" | "groupName">): void {
    this.#q.upsert.run(
      group.id,
      group.created_at,
      row.filterName,
      row.filterPattern,
      JSON.stringify(row.transformation),
      row.applyOnTransformedLogs ? 1 : 0,
      row.createdAt,
    );
  }

  remove(group: { id: number; created_at: number }, filterName: string): boolean {
    return this.#q.remove.run(group.id, group.created_at, filterName).changes > 0;
  }

  ofGroup(groupId: number): FilterRow[] {
    return (this.#q.ofGroup.all(groupId) as Raw[]).map(fromRaw);
  }

  inAccount(accountId: string, region: string): FilterRow[] {
    return (this.#q.inAccount.all(accountId, region) as Raw[]).map(fromRaw);
  }

  count(groupId: number): number {
    return (this.#q.count.get(groupId) as { n: number }).n;
  }
}
