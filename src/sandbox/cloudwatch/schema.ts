/** The CloudWatch tables (prefixed `cw_`). Metrics are partitioned by account and Region; dashboards are global. */
import type Database from "better-sqlite3";

export function createCloudWatchSchema(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS cw_dashboards (
      account_id TEXT NOT NULL,
      name TEXT NOT NULL,
      body TEXT NOT NULL,
      last_modified INTEGER NOT NULL,
      size INTEGER NOT NULL,
      PRIMARY KEY (account_id, name)
    ) WITHOUT ROWID;

    -- One row per metric: namespace + name + the exact, canonical (sorted) set of dimensions.
    CREATE TABLE IF NOT EXISTS cw_metrics (
      id INTEGER PRIMARY KEY,
      account_id TEXT NOT NULL,
      region TEXT NOT NULL,
      namespace TEXT NOT NULL,
      metric_name TEXT NOT NULL,
      dims_key TEXT NOT NULL,
      last_put INTEGER NOT NULL,
      UNIQUE (account_id, region, namespace, metric_name, dims_key)
    );

    -- One row per published datum. kind 0 = a single Value (sum = min = max = value, sample_count 1);
    -- 1 = Values/Counts (raw = JSON [[value, count], ...]); 2 = a StatisticSet (no raw values).
    CREATE TABLE IF NOT EXISTS cw_datapoints (
      metric_id INTEGER NOT NULL,
      ts INTEGER NOT NULL,
      unit TEXT NOT NULL,
      kind INTEGER NOT NULL,
      sample_count REAL NOT NULL,
      sum REAL NOT NULL,
      min REAL NOT NULL,
      max REAL NOT NULL,
      raw TEXT
    );
    CREATE INDEX IF NOT EXISTS cw_datapoints_metric_ts ON cw_datapoints (metric_id, ts);
  `);
}
