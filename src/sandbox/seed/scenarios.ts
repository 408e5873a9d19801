/**
 * Incidents a seeded history can hold (`--scenario`). Each starts at a known time — 45 minutes before the end of
 * the history (or a third of the way in, for histories under 2¼ hours) — and is still going on when the history
 * ends; a running sandbox carries it on for ONGOING_MS after that (ongoing.ts), so that an alarm created afterwards
 * finds it in the newest data.
 *
 *   steady            nothing happens: the usual background of errors, throttles and truncations only
 *   throttling        a product launch triples chat and search traffic; the Claude profiles they use hit their
 *                     quota: within 5 minutes 40% of their calls are throttled (and retried), latency +40%
 *   cost-spike        one tenant (mekong-travel, a small customer) starts a bulk summarisation job: documents of
 *                     18–30k tokens, about one a minute (0.5 + 0.15 × rate) at any hour — few calls, but more
 *                     tokens than any other tenant since it began; 8 minutes in, Sonnet 4.6 (every profile: the
 *                     quota is the model's) starts throttling, 60% of its calls within 5 minutes — at any hour of
 *                     the day at least 3 throttles in some 5-minute period of the last 15 at rate 3 (at most 1 in the
 *                     hour before, measured), which the investigation's alarm relies on
 *   truncation        a deployment lowers doc-summarizer's max_tokens to 150 and rag-search's to 200: most of their
 *                     answers stop at max_tokens
 *   delivery-failure  the logging role loses its permission: calls go on (metrics), records stop arriving in the
 *                     log group, ModelInvocationLogsCloudWatchDeliveryFailure counts every one
 */
import type { AppProfile } from "./workload.js";
import { appNamed } from "./workload.js";

export const SCENARIOS = ["steady", "throttling", "cost-spike", "truncation", "delivery-failure"] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export function isScenario(name: string): name is ScenarioName {
  return (SCENARIOS as readonly string[]).includes(name);
}

/** How long after its history was seeded an incident goes on in a running sandbox (ongoing.ts). */
export const ONGOING_MS = 2 * 3600_000;

/** The tenant whose bulk job is the cost spike. */
export const SPIKE_TENANT = "mekong-travel";
const INCIDENT_LEAD_MS = 45 * 60_000;
const RAMP_MS = 5 * 60_000;
const SPIKE_THROTTLE_DELAY_MS = 8 * 60_000;

export interface ExtraTraffic {
  app: AppProfile;
  tenant: string;
  /** Calls a minute. */
  rate: number;
  contextTokens: readonly [number, number];
  model: string;
}

/** What an incident changes, asked per call or per minute by the generator. */
export interface Incident {
  scenario: ScenarioName;
  /** Epoch ms, on a whole minute; the incident lasts to the end of the history. */
  start: number;
  active(at: number): boolean;
  /** Multiplies an app's own traffic. */
  rateFactor(app: AppProfile, at: number): number;
  /** Traffic the incident adds (the bulk job). */
  extra(at: number): ExtraTraffic[];
  /** Probability that a call to this metric ModelId is throttled. */
  throttleShare(metricModelId: string, at: number): number;
  latencyFactor(metricModelId: string, at: number): number;
  maxTokens(app: AppProfile, at: number): number;
  deliveryFails(at: number): boolean;
}

const isClaude = (metricModelId: string): boolean => metricModelId.includes("anthropic.claude");
/** Claude Sonnet 4.6, on demand or through any of its profiles (their quota is the model's). */
const isSonnet46 = (metricModelId: string): boolean => /(^|\.)anthropic\.claude-sonnet-4-6$/.test(metricModelId);

export function incidentStart(from: number, to: number): number {
  const start = to - INCIDENT_LEAD_MS >= from + (to - from) / 3 ? to - INCIDENT_LEAD_MS : from + (to - from) / 3;
  return Math.floor(start / 60_000) * 60_000;
}

/** `start`: when an incident already under way began (its continuation, ongoing.ts); default from the window. */
export function createIncident(
  scenario: ScenarioName,
  from: number,
  to: number,
  rate: number,
  start = incidentStart(from, to),
): Incident {
  const active = (at: number): boolean => scenario !== "steady" && at >= start;
  const ramp = (at: number, delay = 0): number => Math.min(1, Math.max(0, (at - start - delay) / RAMP_MS));
  return {
    scenario,
    start,
    active,
    rateFactor: (app, at) =>
      scenario === "throttling" && active(at) && (app.name === "support-chatbot" || app.name === "rag-search") ? 3 : 1,
    extra: (at) =>
      scenario === "cost-spike" && active(at)
        ? [
            {
              app: appNamed("doc-summarizer"),
              tenant: SPIKE_TENANT,
              rate: 0.5 + 0.15 * rate,
              contextTokens: [18_000, 30_000],
              model: "us.anthropic.claude-sonnet-4-6",
            },
          ]
        : [],
    throttleShare: (model, at) => {
      if (scenario === "throttling" && active(at) && isClaude(model)) return 0.4 * ramp(at);
      if (scenario === "cost-spike" && active(at) && isSonnet46(model)) return 0.6 * ramp(at, SPIKE_THROTTLE_DELAY_MS);
      return 0;
    },
    latencyFactor: (model, at) => {
      if (scenario === "throttling" && active(at) && isClaude(model)) return 1 + 0.4 * ramp(at);
      if (scenario === "cost-spike" && active(at) && isSonnet46(model)) return 1 + 0.3 * ramp(at);
      return 1;
    },
    maxTokens: (app, at) => {
      if (scenario !== "truncation" || !active(at)) return app.maxTokens;
      if (app.name === "doc-summarizer") return 150;
      if (app.name === "rag-search") return 200;
      return app.maxTokens;
    },
    deliveryFails: (at) => scenario === "delivery-failure" && active(at),
  };
}
