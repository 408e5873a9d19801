/**
 * Grading the investigation's answers from the results of the learner's queries (never from their text). Each
 * grader looks at every query and keeps the best outcome: a pass, else the most telling near miss.
 *
 * Top tenant: a query whose first row names the tenant with the most tokens since the incident began, with a token
 *   figure (at least half of that tenant's tokens since then).
 *   near misses: the right tenant first with no token figure (ranked by calls, which may agree) · the first row is the top tenant of the whole history, with its whole-history total (no time
 *   range) · that tenant lower in rows not ranked largest first (not sorted descending) · another tenant first in
 *   ranked rows (ranked by calls, or by something else than tokens)
 * Throttling began: among the times a query returned at or after the incident's start, the earliest is the first
 *   throttled call's (to the second; or its 1- or 5-minute bin, from a query whose times are not all whole hours).
 *   near misses: only times before the incident (the whole history's first throttle) · an earliest time that is
 *   not a throttled call (no filter on errorCode) · only whole hours (bin(1h)) · a later throttle, from a time range that began after the first
 *   one (read from AWS's rendering of the query, for the hint only) or not sorted oldest first
 */
import type { QueryLook } from "./queries.js";
import type { Reference } from "./reference.js";

export type Grade<R extends string> =
  | { status: "pass"; queryId: string }
  | { status: "near"; reason: R; queryId: string; shown: string }
  | { status: "none" };

export type TenantMiss = "not-tokens" | "not-sorted" | "no-time-range" | "other-tenant";
export type ThrottleMiss = "before-incident" | "not-throttles" | "hourly" | "late-window" | "not-first";

const RANK: Record<TenantMiss | ThrottleMiss, number> = {
  "not-tokens": 4,
  "not-sorted": 3,
  "no-time-range": 2,
  "other-tenant": 1,
  "before-incident": 3,
  "late-window": 2,
  hourly: 2,
  "not-first": 2,
  "not-throttles": 1,
};

function better<R extends TenantMiss | ThrottleMiss>(a: Grade<R>, b: Grade<R>): Grade<R> {
  if (a.status === "pass") return a;
  if (b.status === "pass") return b;
  if (a.status === "none") return b;
  if (b.status === "none") return a;
  return RANK[b.reason] > RANK[a.reason] ? b : a;
}

export function gradeTopTenant(looks: readonly QueryLook[], ref: Reference): Grade<TenantMiss> {
  const known = new Set(ref.tenantsOverall.map((t) => t.tenant));
  const answer = ref.tenants[0]?.tenant;
  if (answer === undefined) return { status: "none" };
  let best: Grade<TenantMiss> = { status: "none" };
  for (const look of looks) {
    // Rows without a tenant (calls that carry no tenant_id) are no answer: the first named tenant is.
    const tenantsIn = look.rows.flatMap((row) =>
      Object.values(row)
        .filter((v) => known.has(v))
        .slice(0, 1),
    );
    const first = tenantsIn[0];
    if (first === undefined) continue;
    if (first === answer) {
      // The right name is not enough: ranked by calls, the spike's tenant may come first too. Its row must show a
      // token figure (at least half its tokens since the incident began: input only, or a window a little late,
      // still pass).
      const row = look.rows.find((r) => Object.values(r).includes(answer)) ?? {};
      if (Object.values(row).some((v) => Number(v) >= (ref.tenants[0]?.tokens ?? 0) / 2))
        return { status: "pass", queryId: look.id };
      best = better(best, { status: "near", reason: "not-tokens", queryId: look.id, shown: first });
      continue;
    }
    const reason: TenantMiss = wholeHistory(look.rows[0] ?? {}, ref)
      ? "no-time-range"
      : tenantsIn.includes(answer) && !descending(look.rows)
        ? "not-sorted"
        : "other-tenant";
    best = better(best, { status: "near", reason, queryId: look.id, shown: first });
  }
  return best;
}

/** Whether the rows' first numeric column never grows: ranked, largest first (by whatever the query summed). */
function descending(rows: readonly Record<string, string>[]): boolean {
  const numbers = rows.map(
    (row) =>
      Object.values(row)
        .map(Number)
        .find((n) => Number.isFinite(n)) ?? Number.NaN,
  );
  return numbers.every((n, i) => i === 0 || n <= (numbers[i - 1] ?? Number.NaN));
}

/** The first row shows the whole history's top tenant with (about) its whole-history token total. */
function wholeHistory(row: Record<string, string>, ref: Reference): boolean {
  const top = ref.tenantsOverall[0];
  if (top === undefined || !Object.values(row).includes(top.tenant)) return false;
  return Object.values(row).some((v) => Math.abs(Number(v) - top.tokens) <= top.tokens * 0.05);
}

/** Times in a query's results: Insights' "2026-12-02 17:38:12.000", ISO record times, epoch milliseconds. */
export function timesIn(row: Record<string, string>): number[] {
  const out: number[] = [];
  for (const value of Object.values(row)) {
    const v = value.trim();
    let t = Number.NaN;
    if (/^\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d(\.\d+)?)?Z?$/.test(v))
      t = Date.parse(`${v.replace(" ", "T").replace(/Z$/, "")}Z`);
    else if (/^\d{13}$/.test(v)) t = Number(v);
    if (Number.isFinite(t)) out.push(t);
  }
  return out;
}

const sameSecond = (a: number, b: number): boolean => Math.floor(a / 1000) === Math.floor(b / 1000);
const binOf = (t: number, minutes: number): number => Math.floor(t / (minutes * 60_000)) * minutes * 60_000;

export function gradeThrottleStart(
  looks: readonly QueryLook[],
  ref: Reference,
  incidentStart: number,
): Grade<ThrottleMiss> {
  const answer = ref.firstThrottle;
  if (answer === undefined) return { status: "none" };
  const show = (t: number): string => new Date(t).toISOString().replace(".000Z", "Z");
  let best: Grade<ThrottleMiss> = { status: "none" };
  for (const look of looks) {
    const times = look.rows.flatMap(timesIn);
    if (times.length === 0) continue;
    const during = times.filter((t) => t >= binOf(incidentStart, 5));
    if (during.length === 0) {
      best = better(best, {
        status: "near",
        reason: "before-incident",
        queryId: look.id,
        shown: show(Math.min(...times)),
      });
      continue;
    }
    const earliest = Math.min(...during);
    if (sameSecond(earliest, answer)) return { status: "pass", queryId: look.id };
    if (earliest === binOf(answer, 1) || earliest === binOf(answer, 5)) {
      // A bin on the hour matches only if the query's times are finer than hours: an hourly count of calls (the
      // dashboard's own query) says nothing of when throttling began, even when it began in an hour's first minutes.
      if (times.some((t) => t % 3_600_000 !== 0)) return { status: "pass", queryId: look.id };
      best = better(best, { status: "near", reason: "hourly", queryId: look.id, shown: show(earliest) });
      continue;
    }
    // A later throttle: the query's time range began after the first one, or it did not sort oldest first.
    const late = look.startMs !== undefined && look.startMs > answer;
    const reason: ThrottleMiss = earliest < answer ? "not-throttles" : late ? "late-window" : "not-first";
    best = better(best, { status: "near", reason, queryId: look.id, shown: show(earliest) });
  }
  return best;
}
