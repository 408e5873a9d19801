/**
 * What one metric filter makes of one log event ("Creating metrics from log events using filters", CloudWatch Logs
 * User Guide): when the filter pattern matches, a datapoint of `metricValue` — a number, or a JSON selector
 * (`$.output.outputTokenCount`) whose value in the event is a number — with the dimensions the transformation names
 * (`{"ModelId": "$.modelId"}`, at most three); when it does not match, the `defaultValue` if the transformation has
 * one (never with dimensions). An event whose selector is missing or not a number publishes nothing.
 *   { $.output.outputTokenCount > 1000 }  metricValue "$.output.outputTokenCount"  dimensions {ModelId: $.modelId}
 *   event {"modelId":"m","output":{"outputTokenCount":1500}}  →  1500, ModelId=m
 */
import { compileFilterPattern, lookup, MISSING, parseSelector } from "../filter-pattern.js";
import type { Path } from "../filter-pattern.js";
import { invalidParameter } from "../common.js";

export interface Transformation {
  metricName: string;
  metricNamespace: string;
  metricValue: string;
  defaultValue?: number;
  dimensions?: Record<string, string>;
  unit?: string;
}

export type FilterOutcome = { value: number; dimensions: [string, string][] } | undefined;

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const MAX_DIMENSIONS = 3;

function selector(text: string, what: string, json: boolean): Path {
  if (!text.startsWith("$.")) {
    throw invalidParameter(`Invalid ${what} '${text}': use a number or a JSON selector such as $.field.`);
  }
  if (!json) throw invalidParameter(`Invalid ${what} '${text}': JSON selectors need a JSON filter pattern ({ … }).`);
  try {
    return parseSelector(text);
  } catch {
    throw invalidParameter(`Invalid ${what} '${text}': not a JSON selector.`);
  }
}

function numberOf(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && NUMBER.test(value.trim())) return Number(value);
  return undefined;
}

/** Checks a transformation against its pattern (PutMetricFilter) and returns what to do with each event. */
export function compileMetricFilter(pattern: string, t: Transformation): (message: string) => FilterOutcome {
  const matches = compileFilterPattern(pattern);
  const json = pattern.trim().startsWith("{");
  const dimensions = Object.entries(t.dimensions ?? {});
  if (dimensions.length > MAX_DIMENSIONS) {
    throw invalidParameter(`A metric filter can have at most ${MAX_DIMENSIONS} dimensions.`);
  }
  if (dimensions.length > 0 && t.defaultValue !== undefined) {
    throw invalidParameter("A metric filter with dimensions cannot have a default value.");
  }
  if (dimensions.length > 0 && !json) {
    throw invalidParameter("Dimensions are available only for JSON and space-delimited filter patterns.");
  }
  const literal = NUMBER.test(t.metricValue.trim()) ? Number(t.metricValue) : undefined;
  const valuePath = literal === undefined ? selector(t.metricValue.trim(), "metric value", json) : undefined;
  const dimensionPaths = dimensions.map(([name, text]): [string, Path] => [
    name,
    selector(text, `dimension ${name}`, json),
  ]);
  const parse = (message: string): unknown => {
    try {
      return JSON.parse(message) as unknown;
    } catch {
      return undefined;
    }
  };
  return (message) => {
    if (!matches(message)) {
      return t.defaultValue === undefined ? undefined : { value: t.defaultValue, dimensions: [] };
    }
    if (valuePath === undefined && dimensionPaths.length === 0) return { value: literal ?? 0, dimensions: [] };
    const doc = parse(message);
    const value = valuePath === undefined ? literal : numberOf(lookup(doc, valuePath));
    if (value === undefined) return undefined;
    const dims: [string, string][] = [];
    for (const [name, path] of dimensionPaths) {
      const found = lookup(doc, path);
      if (found === MISSING || found === null || typeof found === "object") return undefined;
      dims.push([name, String(found)]);
    }
    return { value, dimensions: dims };
  };
}
