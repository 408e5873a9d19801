/**
 * A simulated class in one sandbox: learner accounts that did the whole lab, part of it, or nothing, each with or
 * without a grader role the instructor's account (the sandbox's default, 123456789012) may assume — plus learners
 * whose own credentials are broken. Used by the class-grading test and bench/grading.
 */
import { CreateRoleCommand } from "@aws-sdk/client-iam";
import { classifyAwsError } from "../../src/aws/classify.js";
import { createAwsClients } from "../../src/aws/clients.js";
import type { LoadedLab } from "../../src/engine/loader.js";
import { Runner } from "../../src/engine/runner.js";
import { ProgressStore } from "../../src/engine/store.js";
import { mapPool } from "../../src/cli/grade/pool.js";
import { SANDBOX_DEFAULTS } from "../../src/sandbox/index.js";
import { clients as labClients } from "../../steps/clients.js";
import { LAB_ERRORS } from "../../steps/lib/error-kinds.js";

export const GRADER_ROLE = "GenAILabGrader";
export const INSTRUCTOR = SANDBOX_DEFAULTS.accountId;

/** How far a learner got, and what the grader can do in their account. */
export type Scenario =
  | "complete" // the whole lab; grader role
  | "logging-only" // steps 0–1; grader role
  | "no-dashboard" // steps 0–3; grader role
  | "no-role" // the whole lab, but no grader role
  | "wrong-trust" // a grader role that trusts another account
  | "wrong-secret" // graded through a profile whose secret key is wrong
  | "unknown-key"; // graded through a profile whose key id AWS does not know

export interface Learner {
  name: string;
  account: string;
  scenario: Scenario;
}

/** Learners with broken credentials of their own are graded through their profile, not a grader role. */
export const gradedByProfile = (l: Learner): boolean => l.scenario === "wrong-secret" || l.scenario === "unknown-key";

const WHOLE_LAB = [
  "preflight",
  "enable-invocation-logging",
  "generate-sample-invocations",
  "view-logs",
  "create-dashboard",
];

const STEPS: Partial<Record<Scenario, string[]>> = {
  complete: WHOLE_LAB,
  "no-role": WHOLE_LAB,
  "logging-only": ["preflight", "enable-invocation-logging"],
  "no-dashboard": ["preflight", "enable-invocation-logging", "generate-sample-invocations", "view-logs"],
};

export function trustPolicy(account: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "sts:AssumeRole" }],
  });
}

/** Runs each learner's part of the lab in their own account (their key id is the account id), `parallel` at a time. */
export async function prepareClass(
  sandbox: { endpoint: string; credentials: { secretAccessKey: string } },
  lab: LoadedLab,
  learners: Learner[],
  parallel = 4,
): Promise<void> {
  await mapPool(learners, parallel, async (learner) => {
    const aws = createAwsClients(
      labClients,
      {
        region: "us-east-1",
        endpoint: sandbox.endpoint,
        credentials: { accessKeyId: learner.account, secretAccessKey: sandbox.credentials.secretAccessKey },
      },
      {},
    );
    try {
      const steps = STEPS[learner.scenario];
      if (steps) {
        const target = {
          kind: "sandbox" as const,
          region: "us-east-1",
          accountId: learner.account,
          principalArn: "",
        };
        const runner = new Runner({
          lab,
          aws,
          target,
          params: lab.manifest.parameters,
          lang: "en",
          store: ProgressStore.inMemory(lab.manifest.id, target),
          classify: (error: unknown) => classifyAwsError(error, LAB_ERRORS),
          yes: true,
        });
        const summary = await runner.runSteps(steps, new AbortController().signal, { checklist: false });
        if (summary.outcome !== "passed")
          throw new Error(`${learner.name}: the lab's steps did not pass (${summary.outcome})`);
      }
      const trusted = learner.scenario === "wrong-trust" ? "999999999999" : INSTRUCTOR;
      if (learner.scenario !== "no-role" && !gradedByProfile(learner)) {
        await aws.iam.send(
          new CreateRoleCommand({ RoleName: GRADER_ROLE, AssumeRolePolicyDocument: trustPolicy(trusted) }),
        );
      }
    } finally {
      aws.destroy();
    }
  });
}

/** 50 learners: half complete, some partial, some that cannot be graded. */
export function classOf50(): Learner[] {
  const plan: [Scenario, number][] = [
    ["complete", 25],
    ["logging-only", 8],
    ["no-dashboard", 7],
    ["no-role", 4],
    ["wrong-trust", 3],
    ["wrong-secret", 2],
    ["unknown-key", 1],
  ];
  const learners: Learner[] = [];
  for (const [scenario, count] of plan) {
    for (let i = 0; i < count; i += 1) {
      const n = learners.length + 1;
      learners.push({
        name: `learner-${String(n).padStart(2, "0")}`,
        account: String(100000000000 + n),
        scenario,
      });
    }
  }
  return learners;
}

/** A roster CSV: profile rows for the broken-credential learners, role rows for the rest. */
export function rosterCsv(learners: Learner[]): string {
  const rows = learners.map((l) =>
    gradedByProfile(l) ? `${l.name},${l.account},,${l.name}` : `${l.name},${l.account},${GRADER_ROLE},`,
  );
  return ["name,account,role,profile", ...rows, ""].join("\n");
}

/** A shared-credentials file for the profile rows: a wrong secret, or a key id nobody issued. */
export function credentialsFile(learners: Learner[]): string {
  return learners
    .filter(gradedByProfile)
    .map((l) =>
      l.scenario === "wrong-secret"
        ? `[${l.name}]\naws_access_key_id = ${l.account}\naws_secret_access_key = not-the-sandbox-secret\n`
        : `[${l.name}]\naws_access_key_id = AKIAUNKNOWNKEY000000\naws_secret_access_key = whatever\n`,
    )
    .join("\n");
}
