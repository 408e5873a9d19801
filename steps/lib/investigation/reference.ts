/**
 * The reference answers, worked out from the log records themselves (FilterLogEvents, read-only — no Logs Insights
 * query, so the learner's query list holds only the learner's queries):
 *   tokens per tenant since the incident began (input + output tokens of requestMetadata.tenant_id's calls),
 *   the first throttled call since then, and the last throttled call before it (a near miss to recognise).
 */
import { FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import type { ReadCtx } from "../model.js";

export interface TenantTokens {
  tenant: string;
  tokens: number;
}

export interface Reference {
  /** Most tokens first. */
  tenants: TenantTokens[];
  /** Over the whole history (the answer of a query that forgot the time range). */
  tenantsOverall: TenantTokens[];
  /** Epoch ms of the first ThrottlingException record at or after the incident's start. */
  firstThrottle?: number;
  /** The latest throttled call before the incident (what a query over the whole history finds first). */
  earlierThrottle?: number;
}

interface LoggedCall {
  timestamp: number;
  record: {
    requestMetadata?: { tenant_id?: string };
    input?: { inputTokenCount?: number };
    output?: { outputTokenCount?: number };
  };
}

async function records(ctx: ReadCtx, group: string, pattern: string, from: number, to: number): Promise<LoggedCall[]> {
  const out: LoggedCall[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < 200; page++) {
    const r = await ctx.aws.logs.send(
      new FilterLogEventsCommand({
        logGroupName: group,
        filterPattern: pattern,
        startTime: from,
        endTime: to,
        nextToken,
      }),
      { abortSignal: ctx.signal },
    );
    for (const event of r.events ?? []) {
      try {
        out.push({
          timestamp: event.timestamp ?? 0,
          record: JSON.parse(event.message ?? "{}") as LoggedCall["record"],
        });
      } catch {
        // not a record
      }
    }
    nextToken = r.nextToken;
    if (nextToken === undefined) break;
  }
  return out;
}

function byTenant(calls: readonly LoggedCall[]): TenantTokens[] {
  const totals = new Map<string, number>();
  for (const { record } of calls) {
    const tenant = record.requestMetadata?.tenant_id;
    if (tenant === undefined) continue;
    const tokens = (record.input?.inputTokenCount ?? 0) + (record.output?.outputTokenCount ?? 0);
    totals.set(tenant, (totals.get(tenant) ?? 0) + tokens);
  }
  return [...totals].map(([tenant, tokens]) => ({ tenant, tokens })).sort((a, b) => b.tokens - a.tokens);
}

export async function referenceAnswers(
  ctx: ReadCtx,
  group: string,
  window: { from: number; start: number; to: number },
): Promise<Reference> {
  const tenantPattern = "{ $.requestMetadata.tenant_id = * }";
  const all = await records(ctx, group, tenantPattern, window.from, window.to + 60_000);
  const throttles = await records(
    ctx,
    group,
    '{ $.errorCode = "ThrottlingException" }',
    window.from,
    window.to + 60_000,
  );
  const times = throttles.map((t) => t.timestamp).sort((a, b) => a - b);
  const first = times.find((t) => t >= window.start);
  const earlier = times.filter((t) => t < window.start).at(-1);
  return {
    tenants: byTenant(all.filter((call) => call.timestamp >= window.start)),
    tenantsOverall: byTenant(all),
    ...(first === undefined ? {} : { firstThrottle: first }),
    ...(earlier === undefined ? {} : { earlierThrottle: earlier }),
  };
}
