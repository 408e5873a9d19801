/**
 * Builds the `ctx` an action or a check receives, bound to where it runs (step, action or check) so that its
 * progress and outputs are attributed, its facts and ledger writes go through the store, and its polls tick.
 */
import type { Clock } from "./clock.js";
import type {
  ActionContext,
  CheckContext,
  ConfirmRequest,
  FactsStore,
  LabParams,
  Ledger,
  Reporter,
  TargetInfo,
} from "./contract.js";
import type { EventOrigin, RunnerEvent } from "./events.js";
import { poll, type PollOptions } from "./poll.js";
import type { ClassifyError } from "./problem.js";
import { ledgerKey } from "./progress.js";
import type { ProgressStore } from "./store.js";
import type { Lang } from "./text.js";

export interface ContextEnvironment {
  aws: unknown;
  /** What checks may conclude about who did the work (see CheckContext.attribution). */
  attribution?: "progress" | "checks-only";
  params: LabParams;
  target: TargetInfo;
  lang: Lang;
  store: ProgressStore;
  clock: Clock;
  classify: ClassifyError;
  dryRun: boolean;
  yes: boolean;
  confirm: (request: ConfirmRequest) => Promise<boolean>;
  emit: (event: RunnerEvent) => void;
}

const now = () => new Date().toISOString();

function createReporter(origin: EventOrigin, emit: (event: RunnerEvent) => void): Reporter {
  return {
    progress: (message, extra) => emit({ type: "progress", ...origin, message, ...extra }),
    output: (output) => emit({ type: "output", ...origin, output }),
    note: (tone, text) => emit({ type: "output", ...origin, output: { kind: "note", tone, text } }),
  };
}

/**
 * `live` turns false once the runner has finished with the action or check (done, timed out, cancelled). An
 * action that ignores its signal may still be running then: its progress, outputs and facts are dropped, so nothing
 * it says lands after the run has ended or in the next run. Its ledger writes are kept: they record what exists.
 */
export function createCheckContext(
  env: ContextEnvironment,
  origin: EventOrigin,
  signal: AbortSignal,
  live: () => boolean = () => true,
  options: { liveCheck?: boolean } = {},
): CheckContext {
  const report = createReporter(origin, (event) => {
    if (live()) env.emit(event);
  });
  return {
    aws: env.aws,
    params: env.params,
    target: env.target,
    lang: env.lang,
    facts: { get: <T>(key: string) => env.store.state.facts[key] as T | undefined },
    ledger: { entries: () => env.store.state.ledger },
    report,
    signal,
    clock: env.clock,
    liveCheck: options.liveCheck ?? false,
    ...(env.attribution ? { attribution: env.attribution } : {}),
    // A live re-check looks once: the next round comes in a few seconds anyway.
    poll: <T>(pollOptions: PollOptions<T>) =>
      poll(options.liveCheck ? { ...pollOptions, timeoutMs: 0 } : pollOptions, { clock: env.clock, report, signal }),
  };
}

export function createActionContext(
  env: ContextEnvironment,
  origin: { stepId: string; actionId: string },
  signal: AbortSignal,
  live: () => boolean = () => true,
): ActionContext {
  const base = createCheckContext(env, origin, signal, live);
  const facts: FactsStore = {
    get: base.facts.get,
    set: (key, value) => {
      if (live()) env.store.dispatch({ type: "fact-set", key, value, at: now() });
    },
    delete: (key) => {
      if (live()) env.store.dispatch({ type: "fact-deleted", key, at: now() });
    },
  };
  return {
    ...base,
    facts,
    ledger: createLedger(env, origin),
    dryRun: env.dryRun,
    confirm: async (request) => env.yes || (await env.confirm(request)),
  };
}

function createLedger(env: ContextEnvironment, origin: { stepId: string; actionId: string }): Ledger {
  return {
    async track(resource, create, arnOf) {
      const key = ledgerKey(resource.type, resource.name);
      const prior = env.store.state.ledger.find((entry) => entry.key === key)?.state;
      // Only an entry this call opened can be closed as "failed": one left "creating" by an interrupted run may
      // well exist, and a refusal now (throttling, a conflict) says nothing about what that run did.
      const opensEntry = prior === undefined || prior === "failed" || prior === "deleted";
      env.store.dispatch({ type: "resource-creating", resource, region: env.target.region, ...origin, at: now() });
      try {
        const result = await create();
        const arn = arnOf?.(result) ?? resource.arn;
        env.store.dispatch({ type: "resource-created", key, ...(arn ? { arn } : {}), at: now() });
        return result;
      } catch (error) {
        // A 4xx answer means the service refused: nothing was created. Anything else (timeout, network,
        // Ctrl+C) leaves the entry as "creating", so that cleanup still looks for it.
        const problem = env.classify(error);
        const status = problem.httpStatus;
        if (opensEntry && !problem.retryable && status !== undefined && status >= 400 && status < 500) {
          env.store.dispatch({ type: "resource-failed", key, at: now() });
        }
        throw error;
      }
    },
    entries: () => env.store.state.ledger,
    markDeleted: (type, name) =>
      env.store.dispatch({ type: "resource-deleted", key: ledgerKey(type, name), at: now() }),
  };
}
