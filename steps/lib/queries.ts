/**
 * The Logs Insights queries of the lab: the seed's, exactly as it wrote them, and the corrected ones. Bedrock nests
 * token counts (`input.inputTokenCount`, `output.outputTokenCount`) and logs no latency at all (docs/aws-behaviour.md).
 */

/** The seed's step 3 query, as written: its token columns come back empty. */
export const SEED_QUERY = `fields @timestamp, modelId, inputTokenCount, outputTokenCount
| sort @timestamp desc
| limit 20`;

/** The same query with the nested field names. */
export const FIXED_QUERY = `fields @timestamp, modelId, input.inputTokenCount, output.outputTokenCount
| sort @timestamp desc
| limit 20`;

/** Dashboard widget 1 (the seed's idea, unchanged: it never named a token field). */
export const INVOCATIONS_PER_HOUR = "stats count(*) as invocations by bin(1h)";

/** Dashboard widget 2, corrected: the seed summed top-level fields that do not exist. */
export const TOKENS_PER_HOUR =
  "stats sum(input.inputTokenCount) as totalInput, sum(output.outputTokenCount) as totalOutput by bin(1h)";

/** A dashboard log widget's query: `SOURCE '<group>' | <query>`. */
export function withSource(group: string, query: string): string {
  return `SOURCE '${group}' | ${query}`;
}

/** A query on one line, for `--query-string` (Logs Insights reads the `|` pipeline the same on one line). */
export function oneLine(query: string): string {
  return query.replace(/\s*\n\s*/g, " ");
}
