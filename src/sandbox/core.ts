/** Wires storage, services and the pipeline into the runtime the HTTP layer dispatches to. */
import { IdentityResolver } from "./auth/identity.js";
import type { SandboxCredentials } from "./auth/identity.js";
import { bedrockControlRoutes } from "./bedrock/control.js";
import { LoggingConfigStore } from "./bedrock/logging-config.js";
import { bedrockRuntimeRoutes } from "./bedrock/runtime.js";
import { createCloudWatchService } from "./cloudwatch/index.js";
import type { FaultConfig } from "./faults/config.js";
import { FaultInjector } from "./faults/injector.js";
import { iamOperations } from "./iam/operations.js";
import { createInsightsEngine } from "./insights/index.js";
import type { InsightsEngine } from "./insights/index.js";
import { withHistory } from "./insights/with-history.js";
import { createLogsOperations } from "./logs/index.js";
import { simulatedSource } from "./model/index.js";
import type { ModelSource } from "./model/index.js";
import { createMetricFilters } from "./logs/metric-filters/index.js";
import { InvocationLogDelivery } from "./pipeline/delivery.js";
import { shapedOperations } from "./protocol/shapes/index.js";
import { SANDBOX_DEFAULTS } from "./context.js";
import { seedAdminRoutes } from "./seed/admin.js";
import { ongoingIncident } from "./seed/ongoing.js";
import { createAdmin } from "./server/admin.js";
import type { SandboxRuntime } from "./server/dispatch.js";
import type { Db } from "./storage/db.js";
import { EventReads } from "./storage/event-reads.js";
import { fieldsCache } from "./storage/fields-cache.js";
import { IamStore } from "./storage/iam-store.js";
import { IamUserStore } from "./storage/iam-users.js";
import { createInsightsSource } from "./storage/insights-source.js";
import { LogsStore } from "./storage/logs-store.js";
import { QueryHistory } from "./storage/query-history.js";
import { stsOperations } from "./sts/operations.js";

export interface CoreOptions {
  db: Db;
  credentials: SandboxCredentials;
  accountId: string;
  /** The sandbox's default Region (the admin API's seeded history lives there). */
  region?: string;
  faults: FaultConfig;
  deliveryDelayMs: number;
  /** Who answers Bedrock Runtime calls: the simulated model (default, streaming in real time), or a real one. */
  model?: ModelSource;
  now: () => number;
  onError: (error: unknown) => void;
  info: () => Record<string, unknown>;
}

export function createSandboxCore(o: CoreOptions): SandboxRuntime {
  const { db } = o;
  const logs = new LogsStore(db);
  const reads = new EventReads(db);
  const iam = new IamStore(db);
  const configs = new LoggingConfigStore(db);
  const faults = new FaultInjector(o.faults);
  const cloudwatch = createCloudWatchService(db);
  const metricFilters = createMetricFilters(db, logs, cloudwatch);
  // Created up front: it listens for appended events and discovers their fields in the background. Finished queries
  // are also kept in the database: query history survives a restart, as on AWS.
  const engine: InsightsEngine = withHistory(
    createInsightsEngine(createInsightsSource(logs, reads, fieldsCache(db, reads)), o.now),
    new QueryHistory(db),
    o.now,
  );
  const insights = (): InsightsEngine => engine;
  const delivery = new InvocationLogDelivery({
    db,
    logs,
    iam,
    configs,
    metrics: cloudwatch,
    faults,
    delayMs: o.deliveryDelayMs,
  });

  const ongoing = ongoingIncident(db, o.accountId, o.region ?? SANDBOX_DEFAULTS.region);

  return {
    now: o.now,
    identities: new IdentityResolver(db, o.credentials, o.accountId),
    faults,
    beforeRequest: async (now) => {
      // A seeded incident goes on (its minutes up to now written) before alarms look at the newest data.
      await ongoing.catchUp(now);
      delivery.materializeDue(now);
      cloudwatch.evaluateAlarms(now);
    },
    rpc: {
      // Each reply is written by its operation's model shape (doubles as doubles, maps as maps, members in order).
      logs: shapedOperations("logs", createLogsOperations(logs, reads, insights, metricFilters)),
      monitoring: shapedOperations("monitoring", cloudwatch.operations),
      sts: shapedOperations("sts", stsOperations(db, iam)),
      iam: shapedOperations("iam", iamOperations(iam, new IamUserStore(db))),
    },
    rest: {
      bedrock: bedrockControlRoutes({ configs, logs, iam, faults }),
      "bedrock-runtime": bedrockRuntimeRoutes({
        faults,
        delivery,
        metrics: cloudwatch,
        transaction: (fn) => db.transaction(fn).immediate(),
        model: o.model ?? simulatedSource(1),
      }),
    },
    admin: createAdmin(
      faults,
      () => ({ ...o.info(), pendingDeliveries: delivery.pending() }),
      seedAdminRoutes(db, o.accountId, o.region ?? SANDBOX_DEFAULTS.region, o.now),
    ),
    onInternalError: o.onError,
  };
}
