/**
 * Metric filters at work: as events arrive in a group (live delivery, PutLogEvents, the history seeder), each of the
 * group's filters turns each event into a datapoint (transform.ts), published in the filter's namespace at the
 * event's time, inside the append's own transaction. Filters see only events that arrive after they exist, as on
 * AWS (no backfill).
 */
import type { MetricDatum } from "../../cloudwatch/metric-datum.js";
import type { MetricSink } from "../../pipeline/metrics.js";
import type { LogsStore, NewEvent } from "../../storage/logs-store.js";
import type { MetricFilterStore } from "./store.js";
import type { FilterOutcome, Transformation } from "./transform.js";
import { compileMetricFilter } from "./transform.js";

interface Compiled {
  transformation: Transformation;
  apply: (message: string) => FilterOutcome;
}

export class MetricFilterPublisher {
  readonly #filters: MetricFilterStore;
  readonly #logs: LogsStore;
  readonly #sink: MetricSink;
  readonly #cache = new Map<number, Compiled[]>();

  constructor(filters: MetricFilterStore, logs: LogsStore, sink: MetricSink) {
    this.#filters = filters;
    this.#logs = logs;
    this.#sink = sink;
  }

  /** Forget a group's compiled filters (after PutMetricFilter or DeleteMetricFilter). */
  invalidate(groupId: number): void {
    this.#cache.delete(groupId);
  }

  #compiled(groupId: number): Compiled[] {
    let compiled = this.#cache.get(groupId);
    if (compiled === undefined) {
      compiled = this.#filters.ofGroup(groupId).map((row) => ({
        transformation: row.transformation,
        apply: compileMetricFilter(row.filterPattern, row.transformation),
      }));
      this.#cache.set(groupId, compiled);
    }
    return compiled;
  }

  /** An AppendListener: publishes what the group's filters make of `events`. */
  onAppend(groupId: number, events: readonly NewEvent[]): void {
    const compiled = this.#compiled(groupId);
    if (compiled.length === 0 || events.length === 0) return;
    const group = this.#logs.groupById(groupId);
    if (group === undefined) return;
    const byNamespace = new Map<string, MetricDatum[]>();
    let latest = 0;
    for (const event of events) {
      latest = Math.max(latest, event.timestamp);
      for (const { transformation: t, apply } of compiled) {
        const outcome = apply(event.message);
        if (outcome === undefined) continue;
        const data = byNamespace.get(t.metricNamespace) ?? [];
        data.push({
          MetricName: t.metricName,
          Dimensions: outcome.dimensions.map(([Name, Value]) => ({ Name, Value })),
          Value: outcome.value,
          Unit: t.unit ?? "None",
          Timestamp: new Date(event.timestamp),
        });
        byNamespace.set(t.metricNamespace, data);
      }
    }
    for (const [namespace, data] of byNamespace) {
      this.#sink.putMetricData(group.account_id, group.region, namespace, data, latest);
    }
  }
}
