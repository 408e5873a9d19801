/**
 * The seeded incident the investigation is about, from the sandbox's admin API (GET /_sandbox/seed), and the
 * action that seeds one (POST /_sandbox/seed). Only the sandbox has them: on AWS there is no seeded history to
 * investigate, and the step says so. The sandbox's address is the one the lab's own clients talk to.
 *
 * Over node:http, not fetch: the first fetch of a process loads undici and compiles its WebAssembly HTTP parser,
 * which `genai-lab check` paid for on every run (~20 ms, and Node waits for the compile to finish before it exits).
 */
import { request } from "node:http";
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
    const response = await sandboxAdmin(`${base}/_sandbox/seed`, ctx.signal);
    if (!response.ok) return undefined;
    const run = response.json();
    return isIncident(run) && run.scenario === INVESTIGATED_SCENARIO ? run : undefined;
  } catch {
    return undefined;
  }
}

/** Seeds the investigated incident into the sandbox: `hours` of history ending now. */
export async function seedIncident(ctx: ReadCtx, hours: number, rate: number): Promise<Incident> {
  const base = await sandboxUrl(ctx);
  if (base === undefined) throw new Error("The investigation's history can only be seeded on the sandbox.");
  const response = await sandboxAdmin(`${base}/_sandbox/seed`, ctx.signal, {
    hours,
    rate,
    scenario: INVESTIGATED_SCENARIO,
  });
  if (!response.ok) throw new Error(`The sandbox refused to create the history (HTTP ${response.status}).`);
  const run = response.json();
  if (!isIncident(run)) throw new Error("The sandbox answered something that is not a seeded incident.");
  return run;
}

interface AdminResponse {
  ok: boolean;
  status: number;
  /** The body parsed as JSON; throws when it is not JSON. */
  json(): unknown;
}

/** GET `url`, or POST `body` as JSON to it, on the sandbox's admin API; the whole reply is read. */
function sandboxAdmin(url: string, signal: AbortSignal, body?: object): Promise<AdminResponse> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: payload === undefined ? "GET" : "POST",
        signal,
        ...(payload === undefined
          ? {}
          : { headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ ok: status >= 200 && status < 300, status, json: () => JSON.parse(text) as unknown });
        });
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}
