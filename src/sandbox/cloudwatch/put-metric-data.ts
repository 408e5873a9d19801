/** PutMetricData, for callers (operation) and for the sandbox's own producers (pipeline, history seeder). */
import type { CallContext } from "../context.js";
import { invalidValue, missingParameter } from "./errors.js";
import { isRecord, optList, optString } from "./input.js";
import type { Input } from "./input.js";
import { checkNamespace, normalizeDatum } from "./metric-datum.js";
import type { MetricDatum, NormalizedDatum } from "./metric-datum.js";
import type { MetricStore } from "./metric-store.js";

const MAX_ITEMS = 1000;

/** The operation: AWS/ namespaces are refused, as are timestamps older than two weeks. Returns an empty output. */
export function putMetricDataOperation(store: MetricStore, input: Input, ctx: CallContext): Record<string, unknown> {
  const namespace = checkNamespace(optString(input, "Namespace"), false);
  const data = optList(input, "MetricData") ?? [];
  // Entity-associated data is stored like plain data: the sandbox keeps no entity graph.
  const entityData = (optList(input, "EntityMetricData") ?? []).flatMap((entry, i) =>
    isRecord(entry)
      ? (optList(entry, "MetricData", `EntityMetricData.member.${i + 1}.MetricData`) ?? []).map((datum, j) => ({
          datum,
          path: `EntityMetricData.member.${i + 1}.MetricData.member.${j + 1}`,
        }))
      : [],
  );
  if (data.length === 0 && entityData.length === 0) throw missingParameter("The parameter MetricData is required.");
  if (data.length + entityData.length > MAX_ITEMS) {
    throw invalidValue(`The collection MetricData must not have a size greater than ${MAX_ITEMS}.`);
  }
  const normalized: NormalizedDatum[] = [
    ...data.map((datum, i) => normalizeDatum(datum, `MetricData.member.${i + 1}`, ctx.now, true)),
    ...entityData.map(({ datum, path }) => normalizeDatum(datum, path, ctx.now, true)),
  ];
  store.insert(ctx.accountId, ctx.region, namespace, normalized, ctx.now);
  return {};
}

/**
 * For the Bedrock pipeline and the history seeder: the same validation except that `AWS/` namespaces are allowed
 * and old timestamps are accepted (backfills). Throws AwsError on invalid data; stores nothing then.
 */
export function putMetricDataInternal(
  store: MetricStore,
  accountId: string,
  region: string,
  namespace: string,
  data: readonly MetricDatum[],
  now: number,
): void {
  checkNamespace(namespace, true);
  const normalized = data.map((datum, i) => normalizeDatum(datum, `MetricData.member.${i + 1}`, now, false));
  store.insert(accountId, region, namespace, normalized, now);
}
