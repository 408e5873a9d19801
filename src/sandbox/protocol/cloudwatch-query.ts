/**
 * AWS Query sends every CloudWatch member as a string. This restores the non-string members (from the botocore
 * model of the eight operations the sandbox serves) so the service sees what JSON 1.0 and CBOR would deliver.
 * Timestamps stay ISO strings: the CloudWatch service accepts those.
 */
type Spec = "number" | "boolean" | readonly [Spec] | { readonly [member: string]: Spec };

const DATUM: Spec = {
  Value: "number",
  StatisticValues: { SampleCount: "number", Sum: "number", Minimum: "number", Maximum: "number" },
  Values: ["number"],
  Counts: ["number"],
  StorageResolution: "number",
};

const SPECS: Readonly<Record<string, Spec>> = {
  PutMetricData: {
    MetricData: [DATUM],
    EntityMetricData: [{ MetricData: [DATUM] }],
    StrictEntityValidation: "boolean",
  },
  GetMetricData: {
    MetricDataQueries: [{ MetricStat: { Period: "number" }, ReturnData: "boolean", Period: "number" }],
    MaxDatapoints: "number",
  },
  GetMetricStatistics: { Period: "number" },
  ListMetrics: { IncludeLinkedAccounts: "boolean" },
};

function coerce(value: unknown, spec: Spec): unknown {
  if (spec === "number") {
    if (typeof value !== "string" || value.trim() === "") return value;
    const n = Number(value);
    return Number.isNaN(n) ? value : n;
  }
  if (spec === "boolean") return value === "true" ? true : value === "false" ? false : value;
  if (Array.isArray(spec)) {
    if (value === "") return [];
    return Array.isArray(value) ? value.map((v) => coerce(v, spec[0] as Spec)) : value;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [k, s] of Object.entries(spec as Record<string, Spec>)) if (k in out) out[k] = coerce(out[k], s);
  return out;
}

/** Lists that Query sends empty as a bare "Name=" for the string-list members. */
const STRING_LISTS: Readonly<Record<string, readonly string[]>> = {
  DeleteDashboards: ["DashboardNames"],
  GetMetricStatistics: ["Statistics", "ExtendedStatistics", "Dimensions"],
  ListMetrics: ["Dimensions"],
};

export function coerceCloudWatchQuery(operation: string, input: Record<string, unknown>): Record<string, unknown> {
  const spec = SPECS[operation];
  const out = spec === undefined ? { ...input } : (coerce(input, spec) as Record<string, unknown>);
  for (const k of STRING_LISTS[operation] ?? []) if (out[k] === "") out[k] = [];
  return out;
}
