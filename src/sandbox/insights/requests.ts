/**
 * StartQuery's checks, in the order AWS applies them: member validation (InvalidParameterException with AWS's
 * "1 validation error detected" wording), then the query text (MalformedQueryException), then the log
 * groups (ResourceNotFoundException), then the time range against the groups' creation.
 */
import { AwsError } from "../errors.js";
import type { Query } from "./lang/ast.js";
import type { InsightsEventSource, LogGroupRef } from "./source.js";

const MAX_QUERY_LENGTH = 10_000;
const MAX_LOG_GROUPS = 50;
const MAX_API_LIMIT = 10_000;

export interface GroupSelection {
  logGroupName?: string;
  logGroupNames?: string[];
  logGroupIdentifiers?: string[];
}

function invalid(message: string): AwsError {
  return new AwsError("InvalidParameterException", message);
}

function constraint(value: unknown, member: string, rule: string): AwsError {
  return invalid(
    `1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: ${rule}`,
  );
}

export function checkMembers(request: {
  queryString: string;
  startTime: number;
  endTime: number;
  limit?: number;
  queryLanguage?: string;
}): void {
  if (request.queryLanguage !== undefined && request.queryLanguage !== "CWLI") {
    throw invalid(`The sandbox runs Logs Insights QL (queryLanguage CWLI) only, not ${request.queryLanguage}.`);
  }
  if (request.queryString.length > MAX_QUERY_LENGTH) {
    throw constraint("…", "queryString", `Member must have length less than or equal to ${MAX_QUERY_LENGTH}`);
  }
  for (const member of ["startTime", "endTime"] as const) {
    const value = request[member];
    if (!Number.isInteger(value) || value < 0)
      throw constraint(value, member, "Member must have value greater than or equal to 0");
  }
  if (request.endTime < request.startTime) {
    throw invalid(
      `The query's endTime (${request.endTime}) is before its startTime (${request.startTime}); both are epoch seconds.`,
    );
  }
  const limit = request.limit;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw constraint(limit, "limit", "Member must have value greater than or equal to 1");
  }
  if (limit !== undefined && limit > MAX_API_LIMIT) {
    throw constraint(limit, "limit", `Member must have value less than or equal to ${MAX_API_LIMIT}`);
  }
}

/** The group names or ARNs a request selects, from exactly one member and/or the query's SOURCE commands. */
export function selectedGroups(
  selection: GroupSelection,
  query: Query,
  source: InsightsEventSource,
  accountId: string,
  region: string,
): LogGroupRef[] {
  const given = [selection.logGroupName, selection.logGroupNames, selection.logGroupIdentifiers].filter(
    (m) => m !== undefined,
  );
  if (given.length > 1) {
    throw invalid("Specify exactly one of logGroupName, logGroupNames and logGroupIdentifiers, not several.");
  }
  const names: string[] = [];
  if (selection.logGroupName !== undefined) names.push(selection.logGroupName);
  names.push(...(selection.logGroupNames ?? []), ...(selection.logGroupIdentifiers ?? []));
  const refs: LogGroupRef[] = [];
  for (const src of query.sources) {
    if (src.t === "group") names.push(src.name);
    else {
      if (source.listLogGroups === undefined)
        throw invalid("SOURCE logGroups() is not available in this sandbox: name the log groups.");
      const all = source.listLogGroups(accountId, region);
      refs.push(...all.filter((g) => src.prefixes.length === 0 || src.prefixes.some((p) => g.name.startsWith(p))));
    }
  }
  if (names.length === 0 && refs.length === 0 && query.sources.length === 0) {
    throw invalid(
      "Specify the log groups to query: logGroupName, logGroupNames or logGroupIdentifiers, or a SOURCE command in the query.",
    );
  }
  for (const name of names) {
    const ref = source.findLogGroup(accountId, region, name);
    if (ref === undefined) {
      const shown = name.startsWith("arn:") ? (name.split(":log-group:")[1] ?? name).replace(/:\*$/, "") : name;
      throw new AwsError(
        "ResourceNotFoundException",
        `Log group '${shown}' does not exist for account ID '${accountId}'`,
      );
    }
    refs.push(ref);
  }
  const unique = [...new Map(refs.map((r) => [r.id, r])).values()];
  if (unique.length > MAX_LOG_GROUPS)
    throw invalid(`A query can select at most ${MAX_LOG_GROUPS} log groups, not ${unique.length}.`);
  return unique;
}

/** AWS refuses a time range that ends before every selected group existed. */
export function checkRange(groups: readonly LogGroupRef[], endMs: number): void {
  if (groups.length > 0 && groups.every((g) => g.createdAt > endMs)) {
    throw new AwsError(
      "MalformedQueryException",
      "Query's end date and time is either before the log groups creation time or exceeds the log groups log retention settings",
    );
  }
}
