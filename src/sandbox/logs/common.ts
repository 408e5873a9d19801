import type { CallContext } from "../context.js";
import { AwsError } from "../errors.js";
import type { GroupRow, LogsStore } from "../storage/logs-store.js";
import { groupNotFound } from "../storage/logs-store.js";
import { InputReader } from "../validate/input.js";

export const GROUP_NAME = {
  min: 1,
  max: 512,
  pattern: /^[.\-_/#A-Za-z0-9]+$/,
  patternText: "[\\.\\-_/#A-Za-z0-9]+",
} as const;
export const GROUP_IDENTIFIER = {
  min: 1,
  max: 2048,
  pattern: /^[\w#+=/:,.@-]*$/,
  patternText: "[\\w#+=/:,.@-]*",
} as const;
export const STREAM_NAME = { min: 1, max: 512, pattern: /^[^:*]*$/, patternText: "[^:*]*" } as const;
export const TAG_KEY = {
  min: 1,
  max: 128,
  pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u,
  patternText: "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+)$",
} as const;
export const TAG_VALUE = {
  min: 0,
  max: 256,
  pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u,
  patternText: "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$",
} as const;

export const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const DAY_MS = 24 * 3600 * 1000;

/** The oldest timestamp a group still keeps at `now` under its retention policy (-Infinity without one). */
export const retainedSince = (group: GroupRow, now: number): number =>
  group.retention_days === null ? -Infinity : now - group.retention_days * DAY_MS;

export const reader = (input: Record<string, unknown>): InputReader =>
  new InputReader(input, { code: "InvalidParameterException", wire: "json" });

export const invalidParameter = (message: string): AwsError => new AwsError("InvalidParameterException", message);

/**
 * Creating a log group or stream checks the name's length itself, in its own words (recorded by LocalStack:
 * tests/aws/services/logs/test_logs_groups.snapshot.json, test_create_log_group_invalid_name_length).
 */
export function checkCreateLength(name: string): void {
  if ([...name].length > 512) {
    throw invalidParameter("Invalid LogGroup or LogStream, both must have length less than or equal to 512.");
  }
}

/**
 * Reads logGroupName / logGroupIdentifier now (so their constraint failures join the reader's), and resolves the group
 * in the caller's account and Region when `read()` is called, after `done()`: exactly one of the two must be given.
 */
export function readGroup(r: InputReader, store: LogsStore, ctx: CallContext): { read: () => GroupRow } {
  const name = r.string("logGroupName", GROUP_NAME);
  const identifier = r.string("logGroupIdentifier", GROUP_IDENTIFIER);
  return {
    read: () => {
      // Recorded by LocalStack (tests/aws/services/logs/test_logs_streams.snapshot.json,
      // test_describe_log_streams_with_log_group_identifier): a ValidationException, and AWS says "ARN".
      if (name !== undefined && identifier !== undefined) {
        throw new AwsError("ValidationException", "LogGroup name and LogGroup ARN are mutually exclusive parameters.");
      }
      const key = name ?? identifier;
      if (key === undefined) throw invalidParameter("Either LogGroupName or LogGroupIdentifier should be provided.");
      const group = store.resolveGroup(ctx.accountId, ctx.region, key);
      if (group === undefined) throw groupNotFound();
      return group;
    },
  };
}

/** Opaque page tokens: base64url JSON tagged with the operation so a token from elsewhere is rejected. */
export function encodeToken(kind: string, data: unknown): string {
  return Buffer.from(JSON.stringify({ k: kind, d: data })).toString("base64url");
}

export function decodeToken<T>(kind: string, token: string, check: (d: unknown) => d is T): T {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { k?: unknown; d?: unknown };
    if (parsed.k === kind && check(parsed.d)) return parsed.d;
  } catch {
    // fall through to the AWS error
  }
  throw invalidParameter("The specified nextToken is invalid.");
}
