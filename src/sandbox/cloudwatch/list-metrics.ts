/**
 * ListMetrics: metrics of the account and Region that received data in the past two weeks (three hours with
 * RecentlyActive=PT3H), filtered by namespace, name and dimension filters (a filter without Value matches any value;
 * a metric may carry further dimensions), 500 per page.
 */
import type { CallContext } from "../context.js";
import { invalidValue } from "./errors.js";
import { decodeOffsetToken, encodeToken, isRecord, optBoolean, optList, optString, reqString } from "./input.js";
import type { Input } from "./input.js";
import type { MetricStore } from "./metric-store.js";

const PAGE_SIZE = 500;
const TWO_WEEKS_MS = 14 * 24 * 3600 * 1000;
const THREE_HOURS_MS = 3 * 3600 * 1000;

interface DimensionFilter {
  name: string;
  value: string | undefined;
}

function readFilters(input: Input): DimensionFilter[] {
  const list = optList(input, "Dimensions") ?? [];
  if (list.length > 10) throw invalidValue("The collection Dimensions must not have a size greater than 10.");
  return list.map((item, i) => {
    const path = `Dimensions.member.${i + 1}`;
    if (!isRecord(item)) throw invalidValue(`The value ${JSON.stringify(item)} for parameter ${path} is invalid.`);
    return { name: reqString(item, "Name", `${path}.Name`), value: optString(item, "Value", `${path}.Value`) };
  });
}

export function listMetrics(store: MetricStore, input: Input, ctx: CallContext): Record<string, unknown> {
  const namespace = optString(input, "Namespace");
  const metricName = optString(input, "MetricName");
  const filters = readFilters(input);
  const recently = optString(input, "RecentlyActive");
  if (recently !== undefined && recently !== "PT3H")
    throw invalidValue(`The value ${recently} for parameter RecentlyActive is invalid.`);
  const offset = decodeOffsetToken("lm", optString(input, "NextToken"));
  const since = ctx.now - (recently === "PT3H" ? THREE_HOURS_MS : TWO_WEEKS_MS);
  const matching = store
    .list(ctx.accountId, ctx.region, since)
    .filter(
      (metric) =>
        (namespace === undefined || metric.namespace === namespace) &&
        (metricName === undefined || metric.metricName === metricName) &&
        filters.every((filter) =>
          metric.dimensions.some(
            ([name, value]) => name === filter.name && (filter.value === undefined || value === filter.value),
          ),
        ),
    );
  const page = matching.slice(offset, offset + PAGE_SIZE).map((metric) => ({
    Namespace: metric.namespace,
    MetricName: metric.metricName,
    Dimensions: metric.dimensions.map(([Name, Value]) => ({ Name, Value })),
  }));
  const output: Record<string, unknown> = { Metrics: page };
  // With IncludeLinkedAccounts, each metric's owning account, one per metric (API reference, ListMetrics). The
  // sandbox links no accounts, so it is always the caller's.
  if (optBoolean(input, "IncludeLinkedAccounts") === true) output.OwningAccounts = page.map(() => ctx.accountId);
  if (offset + PAGE_SIZE < matching.length) output.NextToken = encodeToken("lm", String(offset + PAGE_SIZE));
  return output;
}
