/**
 * "A Logs Insights query returns results": a query someone ran over the lab's group (the console, the CLI, boto3,
 * the runner) that completed with at least one row holding a value — found through DescribeQueries and read back
 * with GetQueryResults. The check never runs a query of its own: checks change nothing, and its own query would be
 * evidence of nothing. Credited to the runner when a query its own action started is among those that qualify.
 *
 * The original lab's query (`fields @timestamp, modelId, inputTokenCount, outputTokenCount`) passes: it returns
 * rows (time and model), which is what the checklist item asks; its empty token columns are pointed out in the
 * evidence. A query whose every column is empty (only non-existent top-level token fields) returns nothing a person
 * can read, and fails with the nested field names as its hint.
 */
import { DescribeQueriesCommand, GetQueryResultsCommand, type QueryInfo } from "@aws-sdk/client-cloudwatch-logs";
import { enCount, type CheckResult, type DoneBy, type Text } from "genai-lab/kit";
import { isNotFound } from "./errors.js";
import { runnerQueryIds } from "./insights.js";
import { creditFor } from "./ledger.js";
import { findLogGroup } from "./log-group.js";
import { explainNoResults, type QueryLook } from "./insights-why.js";
import type { ReadCtx } from "./model.js";

/** Newest queries read back per check (GetQueryResults is rate-limited). */
const MAX_READ = 20;
const MAX_PAGES = 3;
/** A query still running is worth waiting for this long (not under live checking, where the next round comes). */
const RUNNING_WAIT_MS = 30_000;

/** Recent queries of the account and Region, newest first (only those over `group`, when given). */
export async function listQueries(ctx: ReadCtx, group?: string): Promise<QueryInfo[]> {
  const all: QueryInfo[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const out = await ctx.aws.logs.send(
      new DescribeQueriesCommand({
        maxResults: 1000,
        ...(group ? { logGroupName: group } : {}),
        ...(nextToken ? { nextToken } : {}),
      }),
      { abortSignal: ctx.signal },
    );
    all.push(...(out.queries ?? []));
    nextToken = out.nextToken;
    if (!nextToken) break;
  }
  return all.sort((a, b) => (b.createTime ?? 0) - (a.createTime ?? 0));
}

/** DescribeQueries names one group per query, and may also carry `SOURCE "<group>" …` in the query text. */
export function queriesGroup(query: QueryInfo, group: string): boolean {
  if (query.logGroupName === group) return true;
  // AWS renders the groups a query named in front: `SOURCE "<a>" "<b>" START=… END=… | <query>`.
  const clause = /^\s*SOURCE\s+((?:(['"])[^'"]*\2\s*)+)/i.exec(query.queryString ?? "")?.[1] ?? "";
  return [...clause.matchAll(/(['"])([^'"]*)\1/g)].some((m) => m[2] === group);
}

const TOP_LEVEL_TOKENS = /(?<![\w.`])(inputTokenCount|outputTokenCount)\b/g;

async function look(ctx: ReadCtx, query: QueryInfo): Promise<QueryLook> {
  const id = query.queryId ?? "";
  const base = { id, status: query.status ?? "Unknown", text: query.queryString ?? "", rows: 0, filled: 0 };
  // GetQueryResults only reads (on AWS a query runs by itself); a query still running is read too, for its status.
  if (!["Complete", "Running", "Scheduled"].includes(base.status)) return base;
  try {
    const out = await ctx.aws.logs.send(new GetQueryResultsCommand({ queryId: id }), { abortSignal: ctx.signal });
    const rows = (out.results ?? []).map((fields) =>
      Object.fromEntries(fields.filter((f) => f.field && f.field !== "@ptr").map((f) => [f.field, f.value ?? ""])),
    );
    const filled = rows.filter((row) => Object.values(row).some((v) => v !== "")).length;
    const named = [...new Set([...base.text.matchAll(TOP_LEVEL_TOKENS)].map((m) => m[1] ?? ""))];
    const emptyColumns = named.filter((field) => rows.every((row) => !row[field]));
    return { ...base, status: out.status ?? base.status, rows: rows.length, filled, emptyColumns };
  } catch (error) {
    if (isNotFound(error)) return { ...base, status: "Unknown" };
    throw error;
  }
}

interface Found {
  best?: QueryLook;
  doneBy: DoneBy | undefined;
  looks: QueryLook[];
  others: QueryInfo[];
}

async function survey(ctx: ReadCtx): Promise<Found> {
  const group = ctx.params.logGroupName;
  const runnerIds = runnerQueryIds(ctx.facts);
  // The filtered listing finds a query over several groups whichever it names first; the full one, the rest.
  const queries = await listQueries(ctx);
  const filtered = new Set((await listQueries(ctx, group)).map((q) => q.queryId));
  const over = queries.filter((q) => filtered.has(q.queryId) || queriesGroup(q, group));
  const looks: QueryLook[] = [];
  for (const query of over.slice(0, MAX_READ)) looks.push(await look(ctx, query));
  const qualifying = looks.filter((l) => l.status === "Complete" && l.filled > 0);
  const byRunner = qualifying.find((l) => runnerIds.has(l.id));
  return {
    best: byRunner ?? qualifying[0],
    doneBy: creditFor(ctx, byRunner !== undefined),
    looks,
    others: queries.filter((q) => !filtered.has(q.queryId) && !queriesGroup(q, group)),
  };
}

export async function checkInsights(ctx: ReadCtx): Promise<CheckResult> {
  const group = ctx.params.logGroupName;
  const expected: Text = {
    vi: `một truy vấn Logs Insights trên ${group} đã chạy xong và trả về ít nhất một dòng có giá trị`,
    en: `a Logs Insights query over ${group} that completed with at least one row holding a value`,
  };
  // Query history outlives the group (on AWS too): results over a group that is gone are no longer the lab's state.
  if (!(await findLogGroup(ctx, group))) {
    return {
      status: "fail",
      evidence: {
        expected,
        actual: { vi: `log group ${group} không tồn tại`, en: `log group ${group} does not exist` },
      },
      hint: {
        vi: `Tạo lại ${group} và bật logging vào đó (bước 1), gọi model (bước 2), rồi chạy một truy vấn Logs Insights trên nó.`,
        en: `Create ${group} again and point logging at it (step 1), call the model (step 2), then run a Logs Insights query over it.`,
      },
    };
  }
  let found: Found = { doneBy: "learner", looks: [], others: [] };
  await ctx.poll<true>({
    label: { vi: "Chờ truy vấn Logs Insights chạy xong", en: "Waiting for the Logs Insights query to finish" },
    timeoutMs: RUNNING_WAIT_MS,
    intervalMs: 2000,
    async probe() {
      found = await survey(ctx);
      const running = found.looks[0]?.status === "Running" || found.looks[0]?.status === "Scheduled";
      return found.best || !running ? { state: "ready", value: true } : { state: "not-yet" };
    },
  });
  const best = found.best;
  if (best) {
    const empty = best.emptyColumns ?? [];
    const note: Text =
      empty.length > 0
        ? {
            vi: `; cột ${empty.join(", ")} trống: số token nằm lồng trong input.inputTokenCount / output.outputTokenCount`,
            en: `; its ${empty.join(", ")} columns are empty: the counts are nested as input.inputTokenCount / output.outputTokenCount`,
          }
        : { vi: "", en: "" };
    return {
      status: "pass",
      evidence: {
        expected,
        actual: {
          vi: `truy vấn ${best.id} trả về ${best.filled} dòng${note.vi}`,
          en: `query ${best.id} returned ${enCount(best.filled, "row")}${note.en}`,
        },
        details: { queryId: best.id, query: best.text },
      },
      ...(found.doneBy ? { doneBy: found.doneBy } : {}),
    };
  }
  const why = await explainNoResults(ctx, found.looks, found.others);
  return {
    status: "fail",
    evidence: { expected, actual: why.actual, ...(why.queryId ? { details: { queryId: why.queryId } } : {}) },
    hint: why.hint,
  };
}
