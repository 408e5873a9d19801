/**
 * The real lab (steps/*.ts) against an in-process sandbox, wired the way the CLI wires it.
 *
 *   const session = await startLabSession({ faults: { throttleRate: 0.3 } });
 *   const summary = await session.runner.runSteps(session.runner.selectSteps(), new AbortController().signal);
 *   await session.close();
 *
 * The sandbox listens on an ephemeral loopback port with `:memory:` storage (or `dbPath`), invocation-log delivery
 * delay 0 and no IAM propagation window (pass `deliveryDelayMs` or `faults` to change them). The runner uses the AWS
 * error classifier and answers every confirmation with yes (`yes: false` + `confirm` to decide per question).
 * `runnerWith()` builds another runner over the same sandbox, clients and progress store — a second CLI command on
 * the same state.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { ListDashboardsCommand } from "@aws-sdk/client-cloudwatch";
import { GetModelInvocationLoggingConfigurationCommand } from "@aws-sdk/client-bedrock";
import { ListRolesCommand } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { classifyAwsError } from "../../src/aws/classify.js";
import type { Clock } from "../../src/engine/clock.js";
import { createAwsClients, type AwsClients } from "../../src/aws/clients.js";
import type { ConfirmRequest, LabParams, TargetInfo } from "../../src/engine/contract.js";
import type { RunnerEvent } from "../../src/engine/events.js";
import { builtInLabDir, loadLab, type LoadedLab } from "../../src/engine/loader.js";
import { Runner } from "../../src/engine/runner.js";
import { progressPath } from "../../src/engine/state-dir.js";
import { ProgressStore } from "../../src/engine/store.js";
import type { Lang } from "../../src/engine/text.js";
import { startSandbox, type FaultConfig, type RunningSandbox } from "../../src/sandbox/index.js";
import { clients as labClients } from "../../steps/clients.js";
import { LAB_ERRORS } from "../../steps/lib/error-kinds.js";

export interface RunnerOptions {
  params?: Partial<Record<string, LabParams[string]>>;
  /** Default true (the CLI's --yes). */
  yes?: boolean;
  confirm?: (request: ConfirmRequest) => Promise<boolean>;
  dryRun?: boolean;
  lang?: Lang;
  /** The runner's clock (default the real one), e.g. one whose sleeps end at once to skip retry back-offs. */
  clock?: Clock;
}

export interface LabSession {
  runner: Runner;
  /** Every event of `runner`, in order. */
  events: RunnerEvent[];
  store: ProgressStore;
  sandbox: RunningSandbox;
  aws: AwsClients<typeof labClients>;
  target: TargetInfo;
  lab: LoadedLab;
  runnerWith(options?: RunnerOptions): { runner: Runner; events: RunnerEvent[] };
  close(): Promise<void>;
}

let cachedLab: LoadedLab | undefined;

export async function startLabSession(
  options: RunnerOptions & {
    faults?: Partial<FaultConfig>;
    stateDir?: string;
    maxAttempts?: number;
    /** The sandbox's SQLite file (default `:memory:`), e.g. one `seedHistory` filled first. */
    dbPath?: string;
    /** "endpoint": the sandbox reached the way `--endpoint-url` reaches a standalone one. */
    targetKind?: "sandbox" | "endpoint";
    /** A real model behind the sandbox (an OpenAI-compatible URL, e.g. the fake one in test/sandbox/model). */
    modelEndpoint?: string;
    /** The sandbox's clock (default Date.now), e.g. one that runs faster so alarms are evaluated sooner. */
    now?: () => number;
    /** How fast simulated streams unfold (step 2 streams its last prompt): default 0.02, fifty times real time. */
    streamTimeScale?: number;
    /** How long after a runtime call its invocation log becomes visible: default 0 (the sandbox alone: 3000). */
    deliveryDelayMs?: number;
  } = {},
): Promise<LabSession> {
  cachedLab ??= await loadLab(builtInLabDir(), "ts");
  const lab = cachedLab;
  const sandbox = await startSandbox({
    port: 0,
    dbPath: options.dbPath ?? ":memory:",
    deliveryDelayMs: options.deliveryDelayMs ?? 0,
    faults: { iamPropagationMs: 0, ...options.faults },
    env: {},
    streamTimeScale: options.streamTimeScale ?? 0.02,
    ...(options.modelEndpoint ? { modelEndpoint: options.modelEndpoint } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const aws = createAwsClients(
    labClients,
    {
      region: sandbox.region,
      endpoint: sandbox.endpoint,
      credentials: { ...sandbox.credentials },
      ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    },
    {},
  );
  const identity = await aws.sts.send(new GetCallerIdentityCommand({}));
  const target: TargetInfo = {
    kind: options.targetKind ?? "sandbox",
    region: sandbox.region,
    accountId: identity.Account ?? sandbox.accountId,
    principalArn: identity.Arn ?? "",
    ...(options.targetKind === "endpoint" ? { endpoint: sandbox.endpoint } : {}),
    ...(sandbox.model.kind === "endpoint" ? { realModel: sandbox.model.url } : {}),
  };
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), "genai-lab-lab-"));
  const store = ProgressStore.open(progressPath(stateDir, lab.manifest.id, target), lab.manifest.id, target);

  const runnerWith = (o: RunnerOptions = {}) => {
    const merged = { ...options, ...o };
    const runner = new Runner({
      lab,
      aws,
      target,
      params: { ...lab.manifest.parameters, ...merged.params } as LabParams,
      lang: merged.lang ?? "en",
      store,
      classify: (error: unknown) => classifyAwsError(error, LAB_ERRORS),
      confirm: merged.confirm ?? (() => Promise.resolve(true)),
      yes: merged.yes ?? true,
      dryRun: merged.dryRun ?? false,
      ...(merged.clock ? { clock: merged.clock } : {}),
    });
    const events: RunnerEvent[] = [];
    runner.subscribe((event) => events.push(event));
    return { runner, events };
  };
  const first = runnerWith();
  return {
    ...first,
    store,
    sandbox,
    aws,
    target,
    lab,
    runnerWith,
    close: async () => {
      aws.destroy();
      await sandbox.close();
    },
  };
}

/** What the lab can create, as comparable data: log groups, roles, the logging configuration, dashboards. */
export async function sandboxResources(aws: AwsClients<typeof labClients>): Promise<Record<string, unknown>> {
  const groups = await aws.logs.send(new DescribeLogGroupsCommand({}));
  const roles = await aws.iam.send(new ListRolesCommand({}));
  const logging = await aws.bedrock.send(new GetModelInvocationLoggingConfigurationCommand({}));
  const dashboards = await aws.cloudwatch.send(new ListDashboardsCommand({}));
  return {
    logGroups: (groups.logGroups ?? []).map((g) => `${g.logGroupName} retention=${g.retentionInDays ?? "none"}`).sort(),
    roles: (roles.Roles ?? []).map((r) => r.RoleName).sort(),
    logging: logging.loggingConfig ?? null,
    dashboards: (dashboards.DashboardEntries ?? []).map((d) => d.DashboardName).sort(),
  };
}
