/**
 * Reading invocation log records back: FilterLogEvents over the lab's group (times in epoch *milliseconds*), the
 * records parsed, matched to step 2's request ids. Pages may come back empty with a nextToken still present, so
 * paging is bounded by count, not by "empty page".
 */
import { FilterLogEventsCommand, GetLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { ifExists, isNotFound } from "./errors.js";
import type { ReadCtx } from "./model.js";
import { INVOCATION_STREAM } from "./policies.js";

export interface InvocationRecord {
  requestId: string;
  timestamp: string;
  modelId: string;
  operation: string;
  inputTokens: number | undefined;
  outputTokens: number | undefined;
  errorCode: string | undefined;
  raw: Record<string, unknown>;
}

export type RecordsRead = { groupMissing: true } | { groupMissing: false; records: InvocationRecord[] };

const MAX_PAGES = 50;

function parse(message: string | undefined): InvocationRecord | undefined {
  try {
    const raw = JSON.parse(message ?? "") as Record<string, unknown>;
    if (raw.schemaType !== "ModelInvocationLog" || typeof raw.requestId !== "string") return undefined;
    const input = raw.input as { inputTokenCount?: number } | undefined;
    const output = raw.output as { outputTokenCount?: number } | undefined;
    return {
      requestId: raw.requestId,
      timestamp: String(raw.timestamp ?? ""),
      modelId: String(raw.modelId ?? ""),
      operation: String(raw.operation ?? ""),
      inputTokens: input?.inputTokenCount,
      outputTokens: output?.outputTokenCount,
      errorCode: typeof raw.errorCode === "string" ? raw.errorCode : undefined,
      raw,
    };
  } catch {
    return undefined;
  }
}

/** Invocation records in the group since `sinceMs` (only those with a request id in `wanted`, when given). */
export async function readRecords(
  ctx: ReadCtx,
  group: string,
  sinceMs: number,
  wanted?: ReadonlySet<string>,
): Promise<RecordsRead> {
  const records: InvocationRecord[] = [];
  let nextToken: string | undefined;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const out = await ctx.aws.logs.send(
        new FilterLogEventsCommand({
          logGroupName: group,
          startTime: Math.max(0, sinceMs),
          ...(nextToken ? { nextToken } : {}),
        }),
        { abortSignal: ctx.signal },
      );
      for (const event of out.events ?? []) {
        if (event.logStreamName !== INVOCATION_STREAM) continue;
        const record = parse(event.message);
        if (record && (!wanted || wanted.has(record.requestId))) records.push(record);
      }
      nextToken = out.nextToken;
      if (!nextToken || (wanted && records.length >= wanted.size)) break;
    }
  } catch (error) {
    if (isNotFound(error)) return { groupMissing: true };
    throw error;
  }
  return { groupMissing: false, records };
}

/** When the newest event of the group's invocation stream was written (undefined: no stream, or empty). */
export async function newestRecordAt(ctx: ReadCtx, group: string): Promise<number | undefined> {
  const out = await ifExists(() =>
    ctx.aws.logs.send(
      new GetLogEventsCommand({
        logGroupName: group,
        logStreamName: INVOCATION_STREAM,
        startFromHead: false,
        limit: 1,
      }),
      { abortSignal: ctx.signal },
    ),
  );
  return out?.events?.[0]?.timestamp;
}
