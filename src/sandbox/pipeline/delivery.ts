import type { LoggingConfigStore } from "../bedrock/logging-config.js";
import { canDeliver, INVOCATION_LOG_STREAM } from "../bedrock/logging-config.js";
import type { CallContext } from "../context.js";
import type { FaultInjector } from "../faults/injector.js";
import type { Db } from "../storage/db.js";
import type { IamStore } from "../storage/iam-store.js";
import type { LogsStore } from "../storage/logs-store.js";
import type { MetricSink } from "./metrics.js";
import { BEDROCK_NAMESPACE, deliveryMetrics } from "./metrics.js";
import type { InvocationOutcome } from "./record.js";
import { buildInvocationRecord } from "./record.js";

interface PendingRow {
  id: number;
  account_id: string;
  region: string;
  log_group_name: string;
  role_arn: string;
  event_time: number;
  message: string;
}

export interface DeliveryDeps {
  db: Db;
  logs: LogsStore;
  iam: IamStore;
  configs: LoggingConfigStore;
  metrics: MetricSink;
  faults: FaultInjector;
  delayMs: number;
}

/**
 * Bedrock → CloudWatch Logs delivery, durable and lazy: a call stores its record with a due time; the start of any
 * later request materialises every due record into a log event (so event ids follow visibility order). A record
 * whose destination is gone or no longer usable at delivery time is dropped and counted as a delivery failure.
 */
export class InvocationLogDelivery {
  readonly #deps: DeliveryDeps;
  readonly #q;

  constructor(deps: DeliveryDeps) {
    this.#deps = deps;
    this.#q = {
      insert: deps.db.prepare(
        `INSERT INTO pending_deliveries (account_id, region, due_at, log_group_name, role_arn, event_time, message)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      anyDue: deps.db.prepare("SELECT 1 FROM pending_deliveries WHERE due_at <= ? LIMIT 1"),
      due: deps.db.prepare("SELECT * FROM pending_deliveries WHERE due_at <= ? ORDER BY due_at, id LIMIT 1000"),
      remove: deps.db.prepare("DELETE FROM pending_deliveries WHERE id = ?"),
      count: deps.db.prepare("SELECT COUNT(*) AS n FROM pending_deliveries"),
    };
  }

  /** Queues the record of one runtime call if logging to CloudWatch is configured (and delivery is not faulted off). */
  enqueue(ctx: CallContext, outcome: InvocationOutcome): void {
    const config = this.#deps.configs.get(ctx.accountId, ctx.region);
    const cw = config?.cloudWatchConfig;
    if (config === undefined || cw === undefined || this.#deps.faults.config.logDeliveryDisabled) return;
    const message = buildInvocationRecord(ctx, outcome, config);
    this.#q.insert.run(
      ctx.accountId,
      ctx.region,
      ctx.now + this.#deps.delayMs,
      cw.logGroupName,
      cw.roleArn,
      ctx.now,
      message,
    );
  }

  pending(): number {
    return (this.#q.count.get() as { n: number }).n;
  }

  /** Delivers everything due at `now`. Cheap when nothing is due (one indexed probe). */
  materializeDue(now: number): void {
    if (this.#q.anyDue.get(now) === undefined) return;
    const { db, logs, iam, metrics } = this.#deps;
    db.transaction(() => {
      for (;;) {
        const rows = this.#q.due.all(now) as PendingRow[];
        for (const row of rows) {
          const ok = canDeliver(logs, iam, {
            accountId: row.account_id,
            region: row.region,
            logGroupName: row.log_group_name,
            roleArn: row.role_arn,
            now,
            propagationMs: 0,
          });
          if (ok) {
            const group = logs.requireGroup(row.account_id, row.region, row.log_group_name);
            const stream = logs.ensureStream(group.id, INVOCATION_LOG_STREAM, now);
            logs.appendEvents(group.id, stream.id, [{ timestamp: row.event_time, message: row.message }], now);
          }
          metrics.putMetricData(row.account_id, row.region, BEDROCK_NAMESPACE, deliveryMetrics(ok, new Date(now)), now);
          this.#q.remove.run(row.id);
        }
        if (rows.length < 1000) break;
      }
    }).immediate();
  }
}
