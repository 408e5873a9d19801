/**
 * Metric storage over SQLite: one row per metric identity, one row per datum, indexed by (metric, time) so a week of
 * per-minute data answers a query with one range scan. Aggregates that need no raw values are computed in SQL.
 */
import type Database from "better-sqlite3";
import type { DatumKind, NormalizedDatum } from "./metric-datum.js";

export interface MetricIdentity {
  namespace: string;
  metricName: string;
  dimensions: [string, string][];
}

export interface BucketAggregate {
  /** Bucket index from the aligned start. */
  bucket: number;
  sampleCount: number;
  sum: number;
  min: number;
  max: number;
  unit: string;
}

/** [ts, kind, sampleCount, sum, min, max, raw, unit]: positional, because an object per row doubles read time. */
export type SampleRow = [
  ts: number,
  kind: DatumKind,
  sampleCount: number,
  sum: number,
  min: number,
  max: number,
  raw: string | null,
  unit: string,
];

export interface ListedMetric extends MetricIdentity {
  id: number;
}

export function dimensionsKey(dimensions: readonly [string, string][]): string {
  return JSON.stringify(dimensions);
}

export class MetricStore {
  private readonly upsertMetric: Database.Statement;
  private readonly selectMetricId: Database.Statement;
  private readonly insertDatum: Database.Statement;
  private readonly aggregateStmt: Database.Statement;
  private readonly aggregateUnitStmt: Database.Statement;
  private readonly samplesStmt: Database.Statement;
  private readonly samplesUnitStmt: Database.Statement;
  private readonly listStmt: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.upsertMetric = db.prepare(
      `INSERT INTO cw_metrics (account_id, region, namespace, metric_name, dims_key, last_put) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, region, namespace, metric_name, dims_key)
       DO UPDATE SET last_put = max(last_put, excluded.last_put) RETURNING id`,
    );
    this.selectMetricId = db.prepare(
      "SELECT id FROM cw_metrics WHERE account_id = ? AND region = ? AND namespace = ? AND metric_name = ? AND dims_key = ?",
    );
    this.insertDatum = db.prepare(
      "INSERT INTO cw_datapoints (metric_id, ts, unit, kind, sample_count, sum, min, max, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    // Data published with different units never mix: CloudWatch keeps one series per unit.
    const aggregate = `SELECT CAST((ts - @start) / @period AS INTEGER) AS bucket, sum(sample_count) AS sampleCount, sum(sum) AS sum,
        min(min) AS min, max(max) AS max, unit
      FROM cw_datapoints WHERE metric_id = @id AND ts >= @start AND ts < @end`;
    this.aggregateStmt = db.prepare(`${aggregate} GROUP BY bucket, unit ORDER BY bucket, unit`);
    this.aggregateUnitStmt = db.prepare(`${aggregate} AND unit = @unit GROUP BY bucket ORDER BY bucket`);
    const samples = `SELECT ts, kind, sample_count AS sampleCount, sum, min, max, raw, unit FROM cw_datapoints
      WHERE metric_id = @id AND ts >= @start AND ts < @end`;
    this.samplesStmt = db.prepare(`${samples} ORDER BY ts`).raw(true);
    this.samplesUnitStmt = db.prepare(`${samples} AND unit = @unit ORDER BY ts`).raw(true);
    this.listStmt = db.prepare(
      `SELECT id, namespace, metric_name AS metricName, dims_key AS dimsKey FROM cw_metrics
       WHERE account_id = ? AND region = ? AND last_put >= ? ORDER BY namespace, metric_name, dims_key, id`,
    );
  }

  /** Stores a batch atomically: all or nothing. */
  insert(accountId: string, region: string, namespace: string, data: readonly NormalizedDatum[], now: number): void {
    this.db.transaction(() => {
      const ids = new Map<string, number>();
      for (const datum of data) {
        const key = `${datum.metricName}\u0000${dimensionsKey(datum.dimensions)}`;
        let id = ids.get(key);
        if (id === undefined) {
          const row = this.upsertMetric.get(
            accountId,
            region,
            namespace,
            datum.metricName,
            dimensionsKey(datum.dimensions),
            now,
          ) as { id: number };
          id = row.id;
          ids.set(key, id);
        }
        this.insertDatum.run(
          id,
          datum.ts,
          datum.unit,
          datum.kind,
          datum.sampleCount,
          datum.sum,
          datum.min,
          datum.max,
          datum.raw === undefined ? null : JSON.stringify(datum.raw),
        );
      }
    })();
  }

  findMetricId(accountId: string, region: string, metric: MetricIdentity): number | undefined {
    const row = this.selectMetricId.get(
      accountId,
      region,
      metric.namespace,
      metric.metricName,
      dimensionsKey(metric.dimensions),
    ) as { id: number } | undefined;
    return row?.id;
  }

  aggregate(id: number, start: number, end: number, periodMs: number, unit: string | undefined): BucketAggregate[] {
    const params = { id, start, end, period: periodMs, unit };
    return (
      unit === undefined ? this.aggregateStmt.all(params) : this.aggregateUnitStmt.all(params)
    ) as BucketAggregate[];
  }

  samples(id: number, start: number, end: number, unit: string | undefined): SampleRow[] {
    const params = { id, start, end, unit };
    return (unit === undefined ? this.samplesStmt.all(params) : this.samplesUnitStmt.all(params)) as SampleRow[];
  }

  /** Every metric of the account and Region published since `since`, in a stable order. */
  list(accountId: string, region: string, since: number): ListedMetric[] {
    const rows = this.listStmt.all(accountId, region, since) as {
      id: number;
      namespace: string;
      metricName: string;
      dimsKey: string;
    }[];
    return rows.map((row) => ({
      id: row.id,
      namespace: row.namespace,
      metricName: row.metricName,
      dimensions: JSON.parse(row.dimsKey) as [string, string][],
    }));
  }
}
