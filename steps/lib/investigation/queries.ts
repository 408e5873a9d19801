/**
 * The learner's Logs Insights queries over the group since the incident was seeded, with their results: found
 * through DescribeQueries and read back with GetQueryResults, newest first. What the learner typed is never read:
 * the answers are graded on what the queries returned.
 */
import { GetQueryResultsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { listQueries, queriesGroup } from "../insights-check.js";
import { runnerQueryIds } from "../insights.js";
import type { ReadCtx } from "../model.js";

export interface QueryLook {
  id: string;
  /** Epoch ms. */
  createdAt: number;
  /**
   * Where the query's time range began (epoch ms), from the `START=` AWS renders in DescribeQueries' queryString:
   * only to name a near miss's cause, never to grade.
   */
  startMs?: number;
  rows: Record<string, string>[];
}

/** `SOURCE "<group>" START=<ms> END=<ms> | …` (AWS's rendering) → the start, if it is there. */
export function renderedStart(queryString: string | undefined): number | undefined {
  const match = /^SOURCE\b[^|]*\bSTART=(\d+)/.exec(queryString ?? "");
  return match ? Number(match[1]) : undefined;
}

/** How many of the newest completed queries are read back (GetQueryResults is rate-limited on AWS). */
const MAX_READ = 25;

/** The queries the runner's own actions started ("do it for me"): their answers are credited to genai-lab. */
export function runnerQueries(ctx: ReadCtx): Set<string> {
  return runnerQueryIds(ctx.facts);
}

export async function learnerLooks(ctx: ReadCtx, group: string, since: number): Promise<QueryLook[]> {
  const queries = (await listQueries(ctx, group))
    .filter((q) => q.status === "Complete" && (q.createTime ?? 0) >= since && q.queryId && queriesGroup(q, group))
    .slice(0, MAX_READ);
  const looks: QueryLook[] = [];
  for (const query of queries) {
    const r = await ctx.aws.logs.send(new GetQueryResultsCommand({ queryId: query.queryId }), {
      abortSignal: ctx.signal,
    });
    const rows = (r.results ?? []).map((fields) =>
      Object.fromEntries(
        fields.filter((f) => f.field && f.field !== "@ptr").map((f) => [f.field ?? "", f.value ?? ""]),
      ),
    );
    const startMs = renderedStart(query.queryString);
    looks.push({ id: query.queryId ?? "", createdAt: query.createTime ?? 0, ...(startMs ? { startMs } : {}), rows });
  }
  return looks;
}
