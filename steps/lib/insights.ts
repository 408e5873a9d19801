/**
 * Runs a Logs Insights query and waits for it: StartQuery (times in epoch *seconds*, inclusive), then
 * GetQueryResults until Complete, with the engine's countdown. Rows come back as lists of {field, value} with every
 * value a string; here they become plain records without the internal @ptr. Only the runner's actions run queries
 * (checks change nothing): each id is remembered as the fact `insightsQueries`, so that the Insights check can tell
 * the runner's queries from the learner's.
 */
import { defineFact, StepFailure, z, type FactsReader } from "genai-lab/kit";
import {
  GetQueryResultsCommand,
  StartQueryCommand,
  type GetQueryResultsCommandOutput,
} from "@aws-sdk/client-cloudwatch-logs";
import type { ActCtx } from "./model.js";
import { withRetries } from "./retry.js";

const QUICK_LOOKS_MS = [0, 25, 75, 150, 250];

export interface QueryOutcome {
  queryId: string;
  rows: Record<string, string>[];
  recordsMatched: number;
  recordsScanned: number;
}

/** The query ids the runner's own actions started (the newest last). */
export const RUNNER_QUERIES = defineFact("insightsQueries", z.array(z.string()));
const KEPT_QUERY_IDS = 100;

export function runnerQueryIds(facts: FactsReader): Set<string> {
  return new Set(RUNNER_QUERIES.get({ facts }) ?? []);
}

function rememberQuery(ctx: ActCtx, queryId: string): void {
  const ids = [...runnerQueryIds(ctx.facts), queryId].slice(-KEPT_QUERY_IDS);
  RUNNER_QUERIES.set(ctx, ids);
}

export async function runQuery(
  ctx: ActCtx,
  group: string,
  query: string,
  range: { startMs: number; endMs: number },
): Promise<QueryOutcome> {
  const started = await withRetries(
    ctx,
    { vi: "Chạy truy vấn Logs Insights", en: "Starting the Logs Insights query" },
    () =>
      ctx.aws.logs.send(
        new StartQueryCommand({
          logGroupNames: [group],
          queryString: query,
          startTime: Math.floor(range.startMs / 1000),
          endTime: Math.ceil(range.endMs / 1000),
        }),
        { abortSignal: ctx.signal },
      ),
  );
  const queryId = started.queryId ?? "";
  rememberQuery(ctx, queryId);
  const fetch = () => ctx.aws.logs.send(new GetQueryResultsCommand({ queryId }), { abortSignal: ctx.signal });
  // Small queries finish in well under a second: a few quick looks first, then the patient, visible poll (1/s,
  // well inside GetQueryResults' rate limit).
  let early: GetQueryResultsCommandOutput | undefined;
  for (const delay of QUICK_LOOKS_MS) {
    await ctx.clock.sleep(delay, ctx.signal);
    const out = await fetch();
    if (out.status !== "Scheduled" && out.status !== "Running") {
      early = out;
      break;
    }
  }
  const result = await ctx.poll<GetQueryResultsCommandOutput>({
    label: {
      vi: "Chờ CloudWatch Logs Insights chạy xong truy vấn",
      en: "Waiting for CloudWatch Logs Insights to finish the query",
    },
    timeoutMs: 120_000,
    intervalMs: 1000,
    async probe() {
      const out = early ?? (await fetch());
      early = undefined;
      switch (out.status) {
        case "Complete":
          return { state: "ready", value: out };
        case "Failed":
        case "Cancelled":
        case "Timeout":
          return {
            state: "wrong",
            evidence: { expected: "Complete", actual: out.status },
            hint: {
              vi: "Chạy lại truy vấn; kiểm tra khoảng thời gian và cú pháp.",
              en: "Run the query again; check its time range and syntax.",
            },
          };
        default:
          return { state: "not-yet" };
      }
    },
  });
  if (result.state !== "ready") {
    const status = result.state === "wrong" ? String(result.evidence.actual) : "Running";
    throw new StepFailure(
      {
        vi: `Truy vấn Logs Insights không hoàn tất (trạng thái ${status}).`,
        en: `The Logs Insights query did not complete (status ${status}).`,
      },
      { vi: "Chạy lại bước này sau ít phút.", en: "Run this step again in a few minutes." },
    );
  }
  const rows = (result.value.results ?? []).map((fields) =>
    Object.fromEntries(fields.filter((f) => f.field && f.field !== "@ptr").map((f) => [f.field ?? "", f.value ?? ""])),
  );
  return {
    queryId,
    rows,
    recordsMatched: result.value.statistics?.recordsMatched ?? 0,
    recordsScanned: result.value.statistics?.recordsScanned ?? 0,
  };
}
