/**
 * The seeded incident the investigation is about, from the sandbox's admin API (GET /_sandbox/seed), and the
 * action that seeds one (POST /_sandbox/seed). Only the sandbox has them: on AWS there is no seeded history to
 * investigate, and the step says so. The sandbox's address is the one the lab's own clients talk to.
 */
import type { ReadCtx } from "../model.js";

export interface Incident {
  scenario: string;
  /** Epoch ms: the history's window, and when the incident began (it is still going on at `to`). */
  from: number;
  to: number;
  incidentStart: number;
  logGroupName: string;
  /** Until when the running sandbox carries the incident on (epoch ms), when the sandbox says. */
  ongoingUntil?: number;
}

/** The scenario the investigation uses: a tenant's bulk job, then throttling. */
export const INVESTIGATED_SCENARIO = "cost-spike";

/** The sandbox's base URL (http://127.0.0.1:PORT), or undefined off the sandbox. */
export async function sandboxUrl(ctx: ReadCtx): Promise<string | undefined> {
  if (ctx.target.kind === "aws") return undefined;
  const endpoint = (await ctx.aws.sts.config.endpoint?.()) as
    { protocol: string; hostname: string; port?: number; path?: string } | undefined;
  if (endpoint === undefined) return undefined;
  const host = endpoint.hostname.includes(":") ? `[${endpoint.hostname}]` : endpoint.hostname;
  return `${endpoint.protocol}//${host}${endpoint.port === undefined ? "" : `:${endpoint.port}`}`;
}

function isIncident(value: unknown): value is Incident {
  const v = value as Partial<Incident> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.scenario === "string" &&
    typeof v.incidentStart === "number" &&
    typeof v.to === "number" &&
    typeof v.logGroupName === "string"
  );
}

/** The newest seeded incident of the sandbox, if it has one (a `steady` history has no incident). */
export async function readIncident(ctx: ReadCtx): Promise<Incident | undefined> {
  const base = await sandboxUrl(ctx);
  if (base === undefined) return undefined;
  try {
    const response = await fetch(`${base}/_sandbox/seed`, { signal: ctx.signal });
    if (!response.ok) return undefined;
    const run = (await response.json()) as unknown;
    return isIncident(run) && run.scenario === INVESTIGATED_SCENARIO ? run : undefined;
  } catch {
    return undefined;
  }
}

/** Seeds the investigated incident into the sandbox: `hours` of history ending now. */
export async function seedIncident(ctx: ReadCtx, hours: number, rate: number): Promise<Incident> {
  const base = await sandboxUrl(ctx);
  if (base === undefined) throw new Error("The investigation's history can only be seeded on the sandbox.");
  const response = await fetch(`${base}/_sandbox/seed`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ hours, rate, scenario: INVESTIGATED_SCENARIO }),
    signal: ctx.signal,
  });
  if (!response.ok) throw new Error(`The sandbox refused to create the history (HTTP ${response.status}).`);
  const run = (await response.json()) as unknown;
  if (!isIncident(run)) throw new Error("The sandbox answered something that is not a seeded incident.");
  return run;
}
