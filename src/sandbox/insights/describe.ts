/**
 * DescribeQueries: the account's queries in one Region, newest first, filtered by status and log group, in pages
 * of `maxResults` (1–1000) with an opaque `nextToken`. `queryString` reads as AWS renders it: the log groups the
 * request named and the time range in epoch milliseconds go in front as a SOURCE clause,
 * `SOURCE "<group>" START=<ms> END=<ms> | <query>`.
 */
import { AwsError } from "../errors.js";
import type { LogGroupRef } from "./source.js";

export type QueryStatus = "Scheduled" | "Running" | "Complete" | "Failed" | "Cancelled" | "Timeout" | "Unknown";

export interface QueryInfo {
  queryId: string;
  queryString: string;
  status: QueryStatus;
  createTime: number;
  logGroupName?: string;
  queryLanguage?: string;
}

export interface DescribeFilter {
  logGroupName?: string;
  status?: QueryStatus;
  maxResults?: number;
  nextToken?: string;
}

export interface DescribeQueriesResponse {
  queries: QueryInfo[];
  nextToken?: string;
}

/** What DescribeQueries needs of a kept query. */
export interface Described {
  info: QueryInfo;
  accountId: string;
  region: string;
  groups: readonly LogGroupRef[];
}

/** The query text as DescribeQueries shows it; a query that chose its groups with its own SOURCE stays as written. */
export function renderedQueryString(
  text: string,
  namedGroups: readonly string[],
  startSeconds: number,
  endSeconds: number,
): string {
  if (namedGroups.length === 0) return text;
  const source = namedGroups.map((name) => `"${name}"`).join(" ");
  return `SOURCE ${source} START=${startSeconds * 1000} END=${endSeconds * 1000} | ${text}`;
}

const TOKEN_PREFIX = "dq1:";

function decodeToken(token: string): number {
  const text = Buffer.from(token, "base64").toString("utf8");
  const offset = text.startsWith(TOKEN_PREFIX) ? Number(text.slice(TOKEN_PREFIX.length)) : Number.NaN;
  if (!Number.isSafeInteger(offset) || offset < 0)
    throw new AwsError("InvalidParameterException", "The specified nextToken is not valid.");
  return offset;
}

export function describeQueries(
  kept: Iterable<Described>,
  accountId: string,
  region: string,
  filter: DescribeFilter,
): DescribeQueriesResponse {
  const max = Math.max(1, Math.min(1000, filter.maxResults ?? 1000));
  const offset = filter.nextToken === undefined ? 0 : decodeToken(filter.nextToken);
  const matching = [...kept]
    .filter((q) => q.accountId === accountId && q.region === region)
    .filter((q) => filter.status === undefined || q.info.status === filter.status)
    .filter((q) => filter.logGroupName === undefined || q.groups.some((g) => g.name === filter.logGroupName))
    .sort((a, b) => b.info.createTime - a.info.createTime);
  const response: DescribeQueriesResponse = {
    queries: matching.slice(offset, offset + max).map((q) => ({ ...q.info })),
  };
  if (offset + max < matching.length)
    response.nextToken = Buffer.from(`${TOKEN_PREFIX}${offset + max}`, "utf8").toString("base64");
  return response;
}
