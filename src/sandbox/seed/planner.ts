/**
 * Which calls happen in a minute: for each app, a Poisson count around rate × share × rhythm × ten-minute swing ×
 * the incident's factor, plus the incident's own traffic and the SDK retries that fall in the minute; each call
 * with its model, operation, tenant, prompt (Zipf over the app's pool, so prompts repeat) and context size.
 */
import type { CallPlan } from "./call.js";
import { SENSITIVE_PROMPTS } from "./prompts.js";
import { poisson, rhythmWeight, swing } from "./rhythm.js";
import type { ExtraTraffic, Incident } from "./scenarios.js";
import type { AppProfile, Weighted } from "./workload.js";
import { choose, zipf } from "./workload.js";

/** An app with the models it can call in the seeded Region. */
export interface SeededApp {
  app: AppProfile;
  models: readonly Weighted<string>[];
}

const CHAT_TURNS: readonly Weighted<number>[] = [
  { value: 0, weight: 0.5 },
  { value: 2, weight: 0.3 },
  { value: 4, weight: 0.2 },
];

export class Planner {
  readonly #apps: readonly SeededApp[];
  readonly #incident: Incident;
  readonly #rate: number;
  readonly #random: () => number;
  readonly #prompts = new Map<string, Weighted<string>[]>();
  /** The id an incident's traffic uses, as callable in the seeded Region. */
  readonly #localize: (modelId: string) => string;

  constructor(
    apps: readonly SeededApp[],
    incident: Incident,
    rate: number,
    random: () => number,
    localize: (modelId: string) => string,
  ) {
    this.#apps = apps;
    this.#localize = localize;
    this.#incident = incident;
    this.#rate = rate;
    this.#random = random;
  }

  /** The planned calls of the minute starting at `minute` (not sorted; retries are added by the caller). */
  minute(minute: number): CallPlan[] {
    const plans: CallPlan[] = [];
    this.#apps.forEach((seeded, index) => {
      const { app } = seeded;
      const lambda =
        this.#rate *
        app.share *
        rhythmWeight(app.rhythm, minute) *
        swing(index + 1, minute) *
        this.#incident.rateFactor(app, minute);
      const count = poisson(lambda, this.#random);
      for (let i = 0; i < count; i += 1) plans.push(this.#plan(seeded, minute + Math.floor(this.#random() * 60_000)));
    });
    for (const extra of this.#incident.extra(minute)) {
      const count = poisson(extra.rate, this.#random);
      for (let i = 0; i < count; i += 1) plans.push(this.#extra(extra, minute + Math.floor(this.#random() * 60_000)));
    }
    return plans;
  }

  #plan(seeded: SeededApp, at: number): CallPlan {
    const { app } = seeded;
    const random = this.#random;
    const sensitive = app.guardrailShare > 0 && random() < app.guardrailShare;
    const prompts = app.name === "support-chatbot" && sensitive ? SENSITIVE_PROMPTS : app.prompts;
    const [lo, hi] = app.contextTokens;
    return {
      at,
      app,
      modelId: choose(seeded.models, random()),
      operation: choose(app.operations, random()),
      tenant: app.tenants === undefined ? undefined : choose(app.tenants, random()),
      prompt: choose(this.#zipf(prompts), random()),
      sensitive,
      contextTokens: app.name === "support-chatbot" ? 0 : Math.round(lo + random() * (hi - lo)),
      historyTurns: app.name === "support-chatbot" ? choose(CHAT_TURNS, random()) : 0,
      attempt: 1,
    };
  }

  #extra(extra: ExtraTraffic, at: number): CallPlan {
    const random = this.#random;
    const [lo, hi] = extra.contextTokens;
    return {
      at,
      app: extra.app,
      modelId: this.#localize(extra.model),
      operation: "InvokeModel",
      tenant: extra.tenant,
      prompt: choose(this.#zipf(extra.app.prompts), random()),
      sensitive: false,
      contextTokens: Math.round(lo + random() * (hi - lo)),
      historyTurns: 0,
      attempt: 1,
    };
  }

  #zipf(prompts: readonly string[]): Weighted<string>[] {
    const key = prompts[0] ?? "";
    let weighted = this.#prompts.get(key);
    if (weighted === undefined) {
      weighted = zipf(prompts);
      this.#prompts.set(key, weighted);
    }
    return weighted;
  }
}
