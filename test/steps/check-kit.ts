/**
 * Running one checklist check the way the engine does (its own context, read-only ledger, live or not) against a
 * sandbox a test drove by hand over the wire, plus the learner-side helpers the check tables share: clients in any
 * Region, a logging role of any name, the lab's group.
 */
import { CreateLogGroupCommand } from "@aws-sdk/client-cloudwatch-logs";
import { PutModelInvocationLoggingConfigurationCommand, type LoggingConfig } from "@aws-sdk/client-bedrock";
import { CreateRoleCommand, PutRolePolicyCommand, type IAMClient } from "@aws-sdk/client-iam";
import { classifyAwsError } from "../../src/aws/classify.js";
import { ConverseCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { createAwsClients, type AwsClients } from "../../src/aws/clients.js";
import { clients as labClients } from "../../steps/clients.js";
import { LAB_ERRORS } from "../../steps/lib/error-kinds.js";

/** The learner's own SDK clients: the lab's set of services. */
export type LearnerAws = AwsClients<typeof labClients>;
import type { CheckResult } from "../../src/engine/contract.js";
import { createCheckContext, type ContextEnvironment } from "../../src/engine/context.js";
import { realClock } from "../../src/engine/clock.js";
import { afterEach, describe, expect, it } from "vitest";
import { startLabSession, type LabSession } from "../helpers/lab-session.js";

export const GROUP = "/aws/bedrock/model-invocations";

export interface CheckRun {
  result: CheckResult;
  ms: number;
}

/** One check of the real lab, as `genai-lab check` (or, with liveCheck, live watching) would run it. */
export async function runCheck(
  session: LabSession,
  checkId: string,
  options: {
    liveCheck?: boolean;
    params?: Record<string, unknown>;
    lang?: "vi" | "en";
    attribution?: "progress" | "checks-only";
  } = {},
): Promise<CheckRun> {
  const found = session.lab.checks.get(checkId);
  if (!found) throw new Error(`no check ${checkId}`);
  const env: ContextEnvironment = {
    aws: session.aws,
    params: {
      ...session.lab.manifest.parameters,
      deliveryWaitSeconds: 0.2,
      metricsWaitSeconds: 0.2,
      ...options.params,
    } as ContextEnvironment["params"],
    target: session.target,
    lang: options.lang ?? "en",
    store: session.store,
    clock: realClock,
    classify: (error: unknown) => classifyAwsError(error, LAB_ERRORS),
    dryRun: false,
    yes: true,
    confirm: () => Promise.resolve(true),
    emit: () => {},
    ...(options.attribution ? { attribution: options.attribution } : {}),
  };
  const ctx = createCheckContext(env, { stepId: found.step.id, checkId }, new AbortController().signal, () => true, {
    liveCheck: options.liveCheck ?? false,
  });
  const started = Date.now();
  const result = await found.check.run(ctx);
  return { result, ms: Date.now() - started };
}

/** The learner's own SDK clients, in any Region, against the session's sandbox. */
export function learnerClients(session: LabSession, region = session.sandbox.region): LearnerAws {
  return createAwsClients(labClients, {
    region,
    endpoint: session.sandbox.endpoint,
    credentials: { ...session.sandbox.credentials },
  });
}

export function hintOf(result: CheckResult): string {
  return result.status === "fail" ? result.hint.en : "";
}

export function hintViOf(result: CheckResult): string {
  return result.status === "fail" ? result.hint.vi : "";
}

export function actualOf(result: CheckResult): string {
  if (result.status === "error") return `error: ${result.problem.message ?? result.problem.kind}`;
  const actual = result.evidence?.actual;
  return typeof actual === "string" ? actual : (actual?.en ?? "");
}

export const trustFor = (account: string, condition = true, service = "bedrock.amazonaws.com") => ({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { Service: service },
      Action: "sts:AssumeRole",
      ...(condition
        ? {
            Condition: {
              StringEquals: { "aws:SourceAccount": account },
              ArnLike: { "aws:SourceArn": `arn:aws:bedrock:us-east-1:${account}:*` },
            },
          }
        : {}),
    },
  ],
});

export const writePolicy = (
  resource: string | string[],
  actions: string | string[] = ["logs:CreateLogStream", "logs:PutLogEvents"],
) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: actions, Resource: resource }],
});

export interface RoleSpec {
  name: string;
  path?: string;
  trust: object;
  policies: Record<string, object>;
}

/** Creates a role as a learner would (any name, any path) and returns its ARN. */
export async function createRole(aws: LearnerAws, spec: RoleSpec): Promise<string> {
  const out = await aws.iam.send(
    new CreateRoleCommand({
      RoleName: spec.name,
      ...(spec.path ? { Path: spec.path } : {}),
      AssumeRolePolicyDocument: JSON.stringify(spec.trust),
    }),
  );
  for (const [policyName, doc] of Object.entries(spec.policies)) {
    await aws.iam.send(
      new PutRolePolicyCommand({ RoleName: spec.name, PolicyName: policyName, PolicyDocument: JSON.stringify(doc) }),
    );
  }
  return out.Role?.Arn ?? "";
}

export async function createGroup(aws: LearnerAws, name = GROUP): Promise<void> {
  await aws.logs.send(new CreateLogGroupCommand({ logGroupName: name }));
}

export async function putLogging(aws: LearnerAws, config: LoggingConfig): Promise<void> {
  await aws.bedrock.send(new PutModelInvocationLoggingConfigurationCommand({ loggingConfig: config }));
}

/** Step 1 by hand: the group, a role named `roleName` with the documented policies, the configuration. */
export async function loggingByHand(session: LabSession, aws: LearnerAws, roleName = "MyBedrockLogs"): Promise<string> {
  const account = session.target.accountId;
  await createGroup(aws);
  const roleArn = await createRole(aws, {
    name: roleName,
    trust: trustFor(account),
    policies: { write: writePolicy(`arn:aws:logs:us-east-1:${account}:log-group:${GROUP}:*`) },
  });
  await putLogging(aws, { cloudWatchConfig: { logGroupName: GROUP, roleArn }, textDataDeliveryEnabled: true });
  return roleArn;
}

/** IAM's answers for the named commands, as AWS gives them (the sandbox has no managed policies); others go through. */
export function answer(iam: IAMClient, replies: Record<string, () => object>): void {
  iam.middlewareStack.add(
    (next, context) => async (args) => {
      const reply = replies[context.commandName ?? ""];
      if (!reply) return next(args);
      return { output: { $metadata: { httpStatusCode: 200 }, ...reply() }, response: {} };
    },
    { step: "initialize", name: "iamAnswers" },
  );
}

export type Setup = (s: LabSession, aws: LearnerAws) => Promise<void>;

export interface NearMiss {
  name: string;
  setup: Setup;
  actual: RegExp;
  hint: RegExp;
  hintVi: RegExp;
}

/** One fresh sandbox and learner clients per test, closed after it: `const start = labPerTest();`. */
export function labPerTest(
  options: Parameters<typeof startLabSession>[0] = {},
): () => Promise<[LabSession, LearnerAws]> {
  let session: LabSession | undefined;
  let learner: LearnerAws | undefined;
  afterEach(async () => {
    learner?.destroy();
    await session?.close();
    session = learner = undefined;
  });
  return async () => {
    session = await startLabSession(options);
    learner = learnerClients(session);
    return [session, learner];
  };
}

export interface GradeTable {
  correct: [string, Setup][];
  nearMisses: NearMiss[];
  /** More to assert on each pass (the learner did the work in every row). */
  onPass?: (result: CheckResult) => void;
}

/**
 * The two halves of a check's grading table: every correct solution passes, credited to the learner; every near
 * miss fails with its own evidence and hint in both languages, under live checking (one probe, a quick answer).
 */
export function gradeTable(checkId: string, table: GradeTable): void {
  const start = labPerTest();
  describe(`${checkId} accepts every correct solution`, () => {
    it.each(table.correct)("%s", async (_name, setup) => {
      const [s, aws] = await start();
      await setup(s, aws);
      const { result } = await runCheck(s, checkId);
      expect(result.status, `${actualOf(result)} ${hintOf(result)}`).toBe("pass");
      expect(result.status === "pass" && result.doneBy).toBe("learner");
      table.onPass?.(result);
    });
  });
  describe(`${checkId} fails each near miss with its own hint`, () => {
    it.each(table.nearMisses.map((m) => [m.name, m] as const))("%s", async (_name, miss) => {
      const [s, aws] = await start();
      await miss.setup(s, aws);
      const { result, ms } = await runCheck(s, checkId, { liveCheck: true });
      expect(result.status, actualOf(result)).toBe("fail");
      expect(actualOf(result)).toMatch(miss.actual);
      expect(hintOf(result)).toMatch(miss.hint);
      expect(hintViOf(result)).toMatch(miss.hintVi);
      expect(ms).toBeLessThan(3000);
    });
  });
}

/** `call` n times, one after another (each awaited before the next starts). */
export const times = async (n: number, call: (i: number) => Promise<unknown>): Promise<void> => {
  for (let i = 0; i < n; i++) await call(i);
};

/** Model calls as a learner makes them: the original lab's InvokeModel body, or Converse. */
export const CLAUDE = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
export const NOVA = "amazon.nova-lite-v1:0";

export async function invokeModel(aws: LearnerAws, modelId = CLAUDE, prompt = "What is Amazon Bedrock?") {
  const body = {
    anthropic_version: "bedrock-2023-05-31",
    max_tokens: 64,
    messages: [{ role: "user", content: prompt }],
  };
  return aws.bedrockRuntime.send(
    new InvokeModelCommand({
      modelId,
      contentType: "application/json",
      accept: "application/json",
      body: JSON.stringify(body),
    }),
  );
}

export async function converse(aws: LearnerAws, modelId = NOVA, prompt = "Explain RAG in simple terms.") {
  return aws.bedrockRuntime.send(
    new ConverseCommand({
      modelId,
      messages: [{ role: "user", content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens: 64 },
    }),
  );
}
