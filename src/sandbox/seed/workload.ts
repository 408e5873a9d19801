/**
 * The simulated GenAI application whose history `sandbox seed` writes: five callers, each with its own identity,
 * models, operations, prompt sizes, tenants and daily rhythm — the mix a real account's invocation logs show.
 *
 *   app              caller (identity.arn)                      share  models (profiles)           operations
 *   support-chatbot  assumed-role/support-chatbot-prod/…        38%    Haiku 4.5, Nova Lite         ConverseStream, Converse
 *   doc-summarizer   assumed-role/doc-summarizer-lambda-role/…  20%    Sonnet 4.6                   InvokeModel
 *   rag-search       assumed-role/rag-search-api/…              27%    Sonnet 4.6 (global), Nova Pro Converse, InvokeModelWithResponseStream
 *   eval-pipeline    assumed-role/ci-eval-runner/…               8%    Sonnet 4.6, 3.5 Sonnet v2     InvokeModel (nightly batch)
 *   notebook         user/linh.nguyen                            7%    Nova Micro (on demand), …    Converse (no metadata)
 *
 * Every app but the notebook tags its calls with requestMetadata (application_name, team, environment, and the
 * SaaS tenant where there is one), as AWS's per-request metadata tagging guide suggests for cost attribution.
 */
import type { LoggedOperation } from "../pipeline/record.js";
import type { RhythmName } from "./rhythm.js";
import { CHAT_PROMPTS, EVAL_PROMPTS, NOTEBOOK_PROMPTS, RAG_PROMPTS, SUMMARY_PROMPTS } from "./prompts.js";

export interface Weighted<T> {
  value: T;
  weight: number;
}

export interface AppProfile {
  name: string;
  team: string;
  /** The caller's ARN in the record's identity.arn. */
  principal: (accountId: string) => string;
  /** Share of all traffic, over a week. */
  share: number;
  rhythm: RhythmName;
  /** Profile or model ids as the app sends them, for a us-* Region (rewritten for others). */
  models: readonly Weighted<string>[];
  operations: readonly Weighted<LoggedOperation>[];
  maxTokens: number;
  /** How long the app's answers usually are, in tokens (a LONG_ANSWER prompt asks for more). */
  answerTokens: readonly [number, number];
  /** A system prompt the app marks for prompt caching, in tokens (0: no system prompt). */
  cachedSystemTokens: number;
  /** Retrieved documents or chat history sent with each prompt, in tokens: [min, max]. */
  contextTokens: readonly [number, number];
  prompts: readonly string[];
  /** Tenants of a SaaS app, Zipf-weighted; absent for internal tools. */
  tenants?: readonly Weighted<string>[];
  environment: "prod" | "dev";
  /** The app sends requestMetadata (the notebook does not). */
  tagsRequests: boolean;
  /** Share of calls a guardrail intervenes on (0 when the app uses none). */
  guardrailShare: number;
  /** Share of calls the app gets wrong (ValidationException). */
  clientErrorShare: number;
}

/** Customers of the SaaS apps, most active first. */
export const TENANTS: readonly string[] = [
  "acme-retail",
  "saigon-logistics",
  "hanoi-fintech",
  "globex-insurance",
  "mekong-travel",
  "initech-hr",
  "danang-clinic",
  "umbrella-pharma",
];

/** Zipf weights (1/rank): a few tenants make most of the traffic, as in any SaaS. */
export const zipf = <T>(items: readonly T[]): Weighted<T>[] =>
  items.map((value, i) => ({ value, weight: 1 / (i + 1) }));

const role = (name: string, session: string) => (accountId: string) =>
  `arn:aws:sts::${accountId}:assumed-role/${name}/${session}`;

export const APPS: readonly AppProfile[] = [
  {
    name: "support-chatbot",
    team: "customer-care",
    principal: role("support-chatbot-prod", "ecs-task-7f3a9c"),
    share: 0.38,
    rhythm: "business",
    models: [
      { value: "us.anthropic.claude-haiku-4-5-20251001-v1:0", weight: 0.6 },
      { value: "us.amazon.nova-lite-v1:0", weight: 0.4 },
    ],
    operations: [
      { value: "ConverseStream", weight: 0.6 },
      { value: "Converse", weight: 0.4 },
    ],
    maxTokens: 512,
    answerTokens: [40, 220],
    cachedSystemTokens: 1200,
    contextTokens: [20, 600],
    prompts: CHAT_PROMPTS,
    tenants: zipf(TENANTS),
    environment: "prod",
    tagsRequests: true,
    guardrailShare: 0.02,
    clientErrorShare: 0.001,
  },
  {
    name: "doc-summarizer",
    team: "knowledge",
    principal: role("doc-summarizer-lambda-role", "doc-summarizer"),
    share: 0.2,
    rhythm: "business",
    models: [{ value: "us.anthropic.claude-sonnet-4-6", weight: 1 }],
    operations: [{ value: "InvokeModel", weight: 1 }],
    maxTokens: 1024,
    answerTokens: [220, 700],
    cachedSystemTokens: 0,
    contextTokens: [1200, 5200],
    prompts: SUMMARY_PROMPTS,
    tenants: zipf(TENANTS),
    environment: "prod",
    tagsRequests: true,
    guardrailShare: 0.01,
    clientErrorShare: 0.002,
  },
  {
    name: "rag-search",
    team: "platform",
    principal: role("rag-search-api", "i-0c9d41e7b2a35f810"),
    share: 0.27,
    rhythm: "always-on",
    models: [
      { value: "global.anthropic.claude-sonnet-4-6", weight: 0.55 },
      { value: "us.amazon.nova-pro-v1:0", weight: 0.45 },
    ],
    operations: [
      { value: "Converse", weight: 0.7 },
      { value: "InvokeModelWithResponseStream", weight: 0.3 },
    ],
    maxTokens: 800,
    answerTokens: [120, 420],
    cachedSystemTokens: 700,
    contextTokens: [600, 2400],
    prompts: RAG_PROMPTS,
    tenants: zipf(TENANTS),
    environment: "prod",
    tagsRequests: true,
    guardrailShare: 0,
    clientErrorShare: 0.001,
  },
  {
    name: "eval-pipeline",
    team: "ml-platform",
    principal: role("ci-eval-runner", "github-actions-2291"),
    share: 0.08,
    rhythm: "nightly",
    models: [
      { value: "us.anthropic.claude-sonnet-4-6", weight: 0.5 },
      { value: "us.anthropic.claude-3-5-sonnet-20241022-v2:0", weight: 0.5 },
    ],
    operations: [{ value: "InvokeModel", weight: 1 }],
    maxTokens: 2048,
    answerTokens: [20, 300],
    cachedSystemTokens: 0,
    contextTokens: [150, 1400],
    prompts: EVAL_PROMPTS,
    environment: "prod",
    tagsRequests: true,
    guardrailShare: 0,
    clientErrorShare: 0.001,
  },
  {
    name: "notebook",
    team: "data-science",
    principal: (accountId) => `arn:aws:iam::${accountId}:user/linh.nguyen`,
    share: 0.07,
    rhythm: "office",
    models: [
      { value: "amazon.nova-micro-v1:0", weight: 0.5 },
      { value: "us.anthropic.claude-sonnet-4-6", weight: 0.3 },
      { value: "us.amazon.nova-lite-v1:0", weight: 0.2 },
    ],
    operations: [{ value: "Converse", weight: 1 }],
    maxTokens: 400,
    answerTokens: [60, 350],
    cachedSystemTokens: 0,
    contextTokens: [0, 300],
    prompts: NOTEBOOK_PROMPTS,
    environment: "dev",
    tagsRequests: false,
    guardrailShare: 0,
    clientErrorShare: 0.03,
  },
];

export function appNamed(name: string): AppProfile {
  const app = APPS.find((candidate) => candidate.name === name);
  if (app === undefined) throw new Error(`no seeded app ${name}`);
  return app;
}

/** A weighted choice with `u` uniform in [0, 1). */
export function choose<T>(items: readonly Weighted<T>[], u: number): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let at = u * total;
  for (const item of items) {
    at -= item.weight;
    if (at < 0) return item.value;
  }
  const last = items[items.length - 1];
  if (last === undefined) throw new Error("choose: empty list");
  return last.value;
}
