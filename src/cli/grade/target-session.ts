/**
 * Grades one target: its credentials (a profile's own, or a role assumed with STS from the grader's), its clients
 * with the request recorder, who it is (STS), then the lab's checklist in a runner with an in-memory progress
 * store — the checks judge the account as it is, with none of the learner's local progress (so who did the work is
 * only what a check can tell from the account itself, and hints are unknown). Any failure on the
 * way becomes a report whose every item is an `error` with the reason; it never throws for one target.
 */
import { AssumeRoleCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { classifyAwsError } from "../../aws/classify.js";
import { configuredRegion, createAwsClients, type AwsClientOptions, type AwsClients } from "../../aws/clients.js";
import type { LabParams, Mode, TargetInfo, TargetKind } from "../../engine/contract.js";
import type { ChecklistItemResult } from "../../engine/events.js";
import type { LoadedLab } from "../../engine/loader.js";
import type { Problem } from "../../engine/problem.js";
import { Runner } from "../../engine/runner.js";
import { ProgressStore } from "../../engine/store.js";
import type { Lang } from "../../engine/text.js";
import { buildReport, type ChecklistReport } from "../../report/model.js";
import { assumeRoleFailed, credentialsRefused, GradeFailure, wrongAccount } from "./problems.js";
import { RequestRecorder } from "./recorder.js";
import { roleArnFor, type GradeTarget } from "./targets.js";

export const ROLE_SESSION_NAME = "genai-lab-grader";

export interface GradeEnv {
  lab: LoadedLab;
  kind: TargetKind;
  /** The sandbox's or --endpoint-url's endpoint. */
  endpoint?: string;
  /** The grader's own credentials, from which roles are assumed: explicit keys, a profile, or the default chain. */
  base: { credentials?: { accessKeyId: string; secretAccessKey: string }; profile?: string };
  /** The grader's identity ARN (for the partition and the trust hint). */
  graderArn?: string;
  /** --region / AWS_REGION; undefined lets a profile's region, then the lab's, apply. */
  region?: string;
  defaultRegion: string;
  params: (region: string) => LabParams;
  lang: Lang;
  toolVersion: string;
  redactSalt?: Uint8Array;
  /** Extra client options (retries, timeouts). */
  client?: Partial<AwsClientOptions>;
  /** The mode the instructor declares for the class; null when none. */
  mode: Mode | null;
}

const iso = () => new Date().toISOString();

/** Client options for the grader's own credentials: explicit keys, else a profile, else the SDK's default chain. */
export function graderAuth(base: GradeEnv["base"]): Partial<AwsClientOptions> {
  return base.credentials ? { credentials: base.credentials } : base.profile ? { profile: base.profile } : {};
}

export async function gradeTarget(t: GradeTarget, g: GradeEnv, signal: AbortSignal): Promise<ChecklistReport> {
  const startedAt = iso();
  const who = t.profile && !t.role ? `profile ${t.profile}` : (t.account ?? t.learner);
  const clients = (region: string, auth: Partial<AwsClientOptions>) =>
    createAwsClients(g.lab.manifest.clients ?? {}, {
      ...g.client,
      region,
      ...(g.endpoint ? { endpoint: g.endpoint } : {}),
      ...auth,
    });
  const baseAuth = t.profile ? { profile: t.profile } : graderAuth(g.base);
  let region = t.region ?? g.region ?? g.defaultRegion;
  let aws: AwsClients | undefined;
  try {
    if (!t.region && !g.region && t.profile && g.kind === "aws")
      region = (await configuredRegion(baseAuth)) || g.defaultRegion;
    const roleArn = roleArnFor(t, /^arn:([\w-]+):/.exec(g.graderArn ?? "")?.[1] ?? "aws");
    let auth = baseAuth;
    if (roleArn) auth = { credentials: await assume(clients(region, baseAuth), roleArn, t, g, signal) };
    aws = clients(region, auth);
    const recorder = new RequestRecorder();
    recorder.attach(aws, Object.keys(g.lab.manifest.clients ?? {}));
    const identity = await aws.sts
      .send(new GetCallerIdentityCommand({}), { abortSignal: signal })
      .catch((error: unknown) => {
        throw new GradeFailure(credentialsRefused(who, classifyAwsError(error)));
      });
    const accountId = identity.Account ?? "unknown";
    if (t.account && accountId !== t.account) throw new GradeFailure(wrongAccount(who, t.account, accountId));
    const target: TargetInfo = {
      kind: g.kind,
      region,
      accountId,
      principalArn: identity.Arn ?? "unknown",
      ...(t.profile ? { profile: t.profile } : {}),
      ...(g.kind !== "sandbox" && g.endpoint ? { endpoint: g.endpoint } : {}),
    };
    const runner = new Runner({
      lab: g.lab,
      aws,
      target,
      params: g.params(region),
      lang: g.lang,
      store: ProgressStore.inMemory(g.lab.manifest.id, target),
      attribution: "checks-only",
      classify: (error) => classifyAwsError(error, g.lab.manifest.errors),
      confirm: () => Promise.resolve(false),
    });
    runner.subscribe(recorder.listener);
    const items = await runner.runChecklist(signal);
    return report(t, g, target, startedAt, items, recorder);
  } catch (error) {
    const problem = error instanceof GradeFailure ? error.problem : classifyAwsError(error, g.lab.manifest.errors);
    const target: TargetInfo = {
      kind: g.kind,
      region,
      accountId: t.account ?? "unknown",
      principalArn: "unknown",
    };
    return report(t, g, target, startedAt, errorItems(g.lab, problem));
  } finally {
    aws?.destroy();
  }
}

async function assume(
  base: AwsClients,
  roleArn: string,
  t: GradeTarget,
  g: GradeEnv,
  signal: AbortSignal,
): Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }> {
  try {
    const out = await base.sts.send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: ROLE_SESSION_NAME,
        ...(t.externalId ? { ExternalId: t.externalId } : {}),
      }),
      { abortSignal: signal },
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error("AssumeRole returned no credentials");
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
    };
  } catch (error) {
    if (signal.aborted) throw error;
    throw new GradeFailure(assumeRoleFailed(roleArn, g.graderArn, classifyAwsError(error)));
  } finally {
    base.destroy();
  }
}

function errorItems(lab: LoadedLab, problem: Problem): ChecklistItemResult[] {
  const at = iso();
  return lab.manifest.checklist.map((entry) => {
    const found = lab.checks.get(entry.id);
    return {
      id: entry.id,
      label: found?.check.label ?? { vi: entry.id, en: entry.id },
      stepId: found?.step.id ?? "",
      points: entry.points ?? 1,
      result: { status: "error", problem },
      durationMs: 0,
      startedAt: at,
    };
  });
}

function report(
  t: GradeTarget,
  g: GradeEnv,
  target: TargetInfo,
  startedAt: string,
  items: ChecklistItemResult[],
  recorder?: RequestRecorder,
): ChecklistReport {
  return buildReport({
    labId: g.lab.manifest.id,
    title: g.lab.manifest.title,
    lang: g.lang,
    toolVersion: g.toolVersion,
    target,
    startedAt,
    finishedAt: iso(),
    items,
    learner: t.learner,
    mode: g.mode,
    ...(recorder ? { requests: recorder.byItem } : {}),
    ...(g.redactSalt ? { redactSalt: g.redactSalt } : {}),
  });
}
