/**
 * `genai-lab sandbox seed --hours N --rate R [--seed S] [--scenario NAME]`: backfills the history of a realistic
 * GenAI application — ModelInvocationLog records in the logging group (the configured one, else
 * /aws/bedrock/model-invocations) and the AWS/Bedrock metrics, delivery metrics included — over the last N hours
 * at about R calls a minute (averaged over a week; see rhythm.ts), with an optional incident (scenarios.ts).
 *
 * The world is in workload.ts, the calls' timing in planner.ts and rhythm.ts, each call in call.ts. Everything
 * comes from one seeded PRNG: the same options give the same history, byte for byte. Writes go in transactions of
 * CHUNK calls, yielding to the event loop between them, so a server sharing the process keeps answering.
 */
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { INVOCATION_LOG_STREAM, LoggingConfigStore } from "../bedrock/logging-config.js";
import type { LoggingConfig } from "../bedrock/logging-config.js";
import { createCloudWatchService } from "../cloudwatch/index.js";
import type { MetricDatum } from "../cloudwatch/metric-datum.js";
import { SANDBOX_DEFAULTS } from "../context.js";
import { createPrng } from "../faults/prng.js";
import { createMetricFilters } from "../logs/metric-filters/index.js";
import { resolveInvocationTarget } from "../model/resolve.js";
import { BEDROCK_NAMESPACE, deliveryMetrics } from "../pipeline/metrics.js";
import { openDatabase } from "../storage/db.js";
import type { Db } from "../storage/db.js";
import type { NewEvent } from "../storage/logs-store.js";
import { LogsStore } from "../storage/logs-store.js";
import type { CallPlan, SeededCall } from "./call.js";
import { CallSimulator } from "./call.js";
import { recordSeedRun } from "./manifest.js";
import type { SeededApp } from "./planner.js";
import { Planner } from "./planner.js";
import type { ScenarioName } from "./scenarios.js";
import { createIncident, ONGOING_MS } from "./scenarios.js";
import { SeedTally } from "./tally.js";
import type { SeedCounts } from "./tally.js";
import { APPS } from "./workload.js";

export interface SeedOptions {
  /** The database file to write, or… */
  dbPath?: string;
  /** …an open database (the running sandbox's, through the admin API); it stays open. */
  db?: Db;
  hours: number;
  /** Calls per minute, averaged over a week. */
  rate: number;
  accountId?: string;
  region?: string;
  /** Model or inference-profile ids every app uses instead of its own (e.g. the one model a test charts). */
  modelIds?: string[];
  seed?: number;
  scenario?: ScenarioName;
  /** The end of the window, epoch ms. Default now. */
  now?: number;
  /**
   * Continues an incident already under way (ongoing.ts): the window starts at this whole minute instead of
   * `hours` before `now`, the incident keeps its start, and no new history is recorded (the caller extends it).
   */
  continues?: { from: number; incidentStart: number };
}

export interface SeedResult extends SeedCounts {
  logGroupName: string;
  from: number;
  to: number;
  /** The end of the whole minutes written (≤ `to`): where a continuation starts. */
  through: number;
  scenario: ScenarioName;
  /** When the incident began (epoch ms); it is still going on at `to`. Absent for `steady`. */
  incidentStart?: number;
  /** Until when a running sandbox carries the incident on (ongoing.ts). Absent for `steady`. */
  ongoingUntil?: number;
}

export const DEFAULT_SEED_LOG_GROUP = "/aws/bedrock/model-invocations";
const CHUNK = 500;
const MINUTE_MS = 60_000;

/** The id to call in `region`: as given, else with the Region's geography prefix; undefined when nothing resolves. */
export function localModelId(id: string, region: string, accountId: string): string | undefined {
  const geo = region.startsWith("us-") ? "us." : region.startsWith("eu-") ? "eu." : "apac.";
  const bare = id.replace(/^(us|eu|apac|jp|global)\./, "");
  for (const candidate of [id, `${geo}${bare}`, `global.${bare}`]) {
    try {
      resolveInvocationTarget(region, accountId, candidate);
      return candidate;
    } catch {
      // try the next form
    }
  }
  return undefined;
}

function seededApps(region: string, accountId: string, modelIds: readonly string[] | undefined): SeededApp[] {
  if (modelIds !== undefined) {
    for (const id of modelIds) resolveInvocationTarget(region, accountId, id); // AWS's error for a bad id
    const models = modelIds.map((value) => ({ value, weight: 1 }));
    return APPS.map((app) => ({ app, models }));
  }
  const apps = APPS.map((app) => ({
    app,
    models: app.models.flatMap((m) => {
      const value = localModelId(m.value, region, accountId);
      return value === undefined ? [] : [{ value, weight: m.weight }];
    }),
  })).filter((seeded) => seeded.models.length > 0);
  if (apps.length === 0) throw new Error(`None of the seed models is callable in ${region}; pass modelIds.`);
  return apps;
}

export async function seedHistory(
  options: SeedOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<SeedResult> {
  const accountId = options.accountId ?? SANDBOX_DEFAULTS.accountId;
  const region = options.region ?? SANDBOX_DEFAULTS.region;
  const scenario = options.scenario ?? "steady";
  const to = options.now ?? Date.now();
  const from = options.continues?.from ?? to - options.hours * 3600_000;
  const random = createPrng(options.seed ?? 20250815);
  const incident = createIncident(scenario, from, to, options.rate, options.continues?.incidentStart);
  const apps = seededApps(region, accountId, options.modelIds);
  const db = options.db ?? openDatabase(options.dbPath ?? ":memory:");
  try {
    const logs = new LogsStore(db);
    const cloudwatch = createCloudWatchService(db);
    // The group's metric filters see seeded events arrive, as they see live ones.
    createMetricFilters(db, logs, cloudwatch);
    const configured = new LoggingConfigStore(db).get(accountId, region);
    const config: LoggingConfig = configured ?? { textDataDeliveryEnabled: true };
    const logGroupName = configured?.cloudWatchConfig?.logGroupName ?? DEFAULT_SEED_LOG_GROUP;
    const group =
      logs.findGroup(accountId, region, logGroupName) ?? logs.createGroup(accountId, region, logGroupName, from);
    const stream = logs.ensureStream(group.id, INVOCATION_LOG_STREAM, from);
    const localize = (id: string): string => localModelId(id, region, accountId) ?? apps[0]?.models[0]?.value ?? id;
    const planner = new Planner(apps, incident, options.rate, random, localize);
    const simulator = new CallSimulator({ accountId, region, config, incident, random });
    const tally = new SeedTally();

    let pending: { call: SeededCall; ingested: number; delivered: boolean }[] = [];
    const flush = (): void => {
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      db.transaction(() => {
        const data: MetricDatum[] = [];
        for (const { call, ingested, delivered } of batch) {
          if (delivered) {
            const event: NewEvent = { timestamp: call.plan.at, message: call.message };
            logs.appendEvents(group.id, stream.id, [event], ingested);
          }
          data.push(...call.metrics, ...deliveryMetrics(delivered, new Date(ingested)));
        }
        cloudwatch.putMetricData(accountId, region, BEDROCK_NAMESPACE, data, to);
      }).immediate();
    };

    const first = Math.ceil(from / MINUTE_MS) * MINUTE_MS;
    const minutes = Math.max(0, Math.floor((to - first) / MINUTE_MS));
    let retries: CallPlan[] = [];
    for (let m = 0; m < minutes; m += 1) {
      const minute = first + m * MINUTE_MS;
      const due = retries.filter((plan) => plan.at < minute + MINUTE_MS);
      retries = retries.filter((plan) => plan.at >= minute + MINUTE_MS);
      const plans = [...planner.minute(minute), ...due].sort((a, b) => a.at - b.at);
      for (const plan of plans) {
        const call = simulator.simulate(plan);
        if (call.retryAt !== undefined && call.retryAt < to) {
          retries.push({ ...plan, at: call.retryAt, attempt: plan.attempt + 1 });
        }
        const ingested = plan.at + 3000 + Math.floor(random() * 9000);
        const delivered = !incident.deliveryFails(ingested);
        tally.add(call, delivered);
        pending.push({ call, ingested, delivered });
      }
      if (pending.length >= CHUNK) {
        flush();
        onProgress?.(m + 1, minutes);
        await yieldToLoop();
      }
    }
    flush();
    onProgress?.(minutes, minutes);
    const result: SeedResult = {
      ...tally.counts(),
      logGroupName,
      from,
      to,
      through: first + minutes * MINUTE_MS,
      scenario,
      ...(scenario === "steady" ? {} : { incidentStart: incident.start, ongoingUntil: to + ONGOING_MS }),
    };
    if (options.continues === undefined)
      recordSeedRun(db, accountId, region, { ...result, rate: options.rate }, options.seed ?? 20250815);
    return result;
  } finally {
    if (options.db === undefined) db.close();
  }
}
