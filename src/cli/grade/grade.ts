/**
 * Grades a class: the targets through a bounded pool, each on its own credentials and clients, against one
 * connection setup — on the sandbox target, one in-process sandbox holds every account. The grader's own
 * identity is checked first (when roles are to be assumed from it): if the grader cannot sign in, nothing can be
 * graded and that is a configuration error, not thirty `error` rows.
 */
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { classifyAwsError } from "../../aws/classify.js";
import { createAwsClients, type AwsClientOptions } from "../../aws/clients.js";
import type { Mode } from "../../engine/contract.js";
import type { LoadedLab } from "../../engine/loader.js";
import type { Lang } from "../../engine/text.js";
import { buildGradebook, type Gradebook } from "../../report/gradebook.js";
import { seal } from "../../report/integrity.js";
import type { ChecklistReport } from "../../report/model.js";
import { redactionOf } from "../../report/redact.js";
import type { Flags } from "../args.js";
import { ConnectError, standaloneSandboxCredentials, startStateSandbox } from "../connect.js";
import { resolveParams } from "../params.js";
import { labDefaultRegion, type TargetChoice } from "../target.js";
import { mapPool } from "./pool.js";
import { gradeTarget, graderAuth, type GradeEnv } from "./target-session.js";
import type { GradeTarget } from "./targets.js";

export const DEFAULT_CONCURRENCY = 8;
export const MAX_CONCURRENCY = 64;

export interface ClassOptions {
  lab: LoadedLab;
  choice: TargetChoice;
  targets: GradeTarget[];
  concurrency: number;
  flags: Flags;
  env: NodeJS.ProcessEnv;
  stateDir: string;
  lang: Lang;
  toolVersion: string;
  signal: AbortSignal;
  redactSalt?: Uint8Array;
  reportKey?: Uint8Array;
  /** Called as each target finishes (for progress on stderr). */
  onTarget?: (report: ChecklistReport, done: number, total: number) => void;
  /** Use this running sandbox instead of starting one (tests, benchmarks). */
  sandbox?: { endpoint: string; credentials: { accessKeyId: string; secretAccessKey: string } };
  client?: Partial<AwsClientOptions>;
  /** The mode the instructor declares for the class (--mode, GENAI_LAB_MODE); null when none. */
  mode?: Mode | null;
}

/** The gradebook, sealed (and each learner's report sealed); undefined when interrupted. */
export async function gradeClass(o: ClassOptions): Promise<Gradebook | undefined> {
  const defaultRegion = labDefaultRegion(o.lab.manifest);
  // A bad --param is a usage error for the whole class, not a per-learner one.
  resolveParams(o.lab.manifest.parameters, o.flags, o.choice.region ?? defaultRegion);
  const { base, endpoint, close } = await connectBase(o);
  try {
    const needsGrader = o.targets.some((t) => t.role && !t.profile);
    const graderArn = needsGrader ? await graderIdentity(o, base, endpoint, defaultRegion) : undefined;
    const env: GradeEnv = {
      lab: o.lab,
      kind: o.choice.kind,
      ...(endpoint ? { endpoint } : {}),
      base,
      ...(graderArn ? { graderArn } : {}),
      ...(o.choice.region ? { region: o.choice.region } : {}),
      defaultRegion,
      params: (region) => resolveParams(o.lab.manifest.parameters, o.flags, region),
      lang: o.lang,
      toolVersion: o.toolVersion,
      ...(o.redactSalt ? { redactSalt: o.redactSalt } : {}),
      ...(o.client ? { client: o.client } : {}),
      mode: o.mode ?? null,
    };
    const startedAt = new Date().toISOString();
    let done = 0;
    // Each target gets its own signal, fanned out from one listener: dozens of concurrent runners listening on
    // the command's signal directly would trip Node's MaxListeners warning.
    const active = new Set<AbortController>();
    const fanOut = () => active.forEach((c) => c.abort(o.signal.reason));
    o.signal.addEventListener("abort", fanOut, { once: true });
    const reports = await mapPool(
      o.targets,
      o.concurrency,
      async (target) => {
        const own = new AbortController();
        active.add(own);
        try {
          const report = seal(await gradeTarget(target, env, own.signal), o.reportKey);
          done += 1;
          if (!o.signal.aborted) o.onTarget?.(report, done, o.targets.length);
          return report;
        } finally {
          active.delete(own);
        }
      },
      o.signal,
    ).finally(() => o.signal.removeEventListener("abort", fanOut));
    if (o.signal.aborted) return undefined;
    const finished = reports.filter((r): r is NonNullable<typeof r> => r !== undefined);
    const book = buildGradebook({
      lab: o.lab.manifest.id,
      title: o.lab.manifest.title[o.lang],
      language: o.lang,
      toolVersion: o.toolVersion,
      startedAt,
      finishedAt: new Date().toISOString(),
      columns: o.lab.manifest.checklist.map((entry) => ({
        id: entry.id,
        label: o.lab.checks.get(entry.id)?.check.label[o.lang] ?? entry.id,
        points: entry.points ?? 1,
      })),
      targets: finished,
      ...(o.redactSalt ? { redaction: redactionOf(o.redactSalt) } : {}),
    });
    return seal(book, o.reportKey);
  } finally {
    await close();
  }
}

async function connectBase(
  o: ClassOptions,
): Promise<{ base: GradeEnv["base"]; endpoint?: string; close(): Promise<void> }> {
  const { choice } = o;
  if (choice.kind === "sandbox") {
    if (o.sandbox)
      return {
        base: { credentials: o.sandbox.credentials },
        endpoint: o.sandbox.endpoint,
        close: async () => {},
      };
    const running = await startStateSandbox(o.stateDir, o.env);
    return {
      base: { credentials: { ...running.credentials } },
      endpoint: running.endpoint,
      close: () => running.close(),
    };
  }
  const close = async () => {};
  if (choice.profile)
    return {
      base: { profile: choice.profile },
      ...(choice.endpoint ? { endpoint: choice.endpoint } : {}),
      close,
    };
  if (choice.kind === "endpoint" && choice.endpoint) {
    const credentials = await standaloneSandboxCredentials(choice, o.env);
    return { base: credentials ? { credentials } : {}, endpoint: choice.endpoint, close };
  }
  return { base: {}, close };
}

async function graderIdentity(
  o: ClassOptions,
  base: GradeEnv["base"],
  endpoint: string | undefined,
  region: string,
): Promise<string> {
  const aws = createAwsClients(
    {},
    {
      ...o.client,
      region: o.choice.region ?? region,
      ...(endpoint ? { endpoint } : {}),
      ...graderAuth(base),
    },
  );
  try {
    const identity = await aws.sts.send(new GetCallerIdentityCommand({}), { abortSignal: o.signal });
    return identity.Arn ?? "";
  } catch (error) {
    throw new ConnectError(classifyAwsError(error));
  } finally {
    aws.destroy();
  }
}
