/**
 * Running a step's Your turn the way a learner does: the printed bash block in a shell whose environment is what
 * `eval "$(genai-lab env)"` sets (endpoint, example keys, Region; no --endpoint-url on any line), or the boto3
 * snippet with python3. Asynchronous on purpose: the sandbox answers from this very process, so a blocking spawn
 * would deadlock.
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { CheckResult } from "../../src/engine/contract.js";
import type { LabSession } from "../helpers/lab-session.js";
import { runCheck } from "./check-kit.js";

const exec = promisify(execFile);

export const hasAwsCli = spawnSync("aws", ["--version"], { encoding: "utf8" }).status === 0;
export const hasBoto3 = spawnSync("python3", ["-c", "import boto3"], { encoding: "utf8" }).status === 0;

/** What `genai-lab env` prints for a sandbox, as an environment (the real HOME is already isolated by vitest). */
export function learnerEnv(s: LabSession): NodeJS.ProcessEnv {
  const { AWS_PROFILE: _profile, AWS_SESSION_TOKEN: _token, ...rest } = process.env;
  return {
    ...rest,
    GENAI_LAB_TARGET: "sandbox",
    AWS_ENDPOINT_URL: s.sandbox.endpoint,
    AWS_ACCESS_KEY_ID: s.sandbox.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s.sandbox.credentials.secretAccessKey,
    AWS_REGION: s.sandbox.region,
    AWS_DEFAULT_REGION: s.sandbox.region,
    AWS_PAGER: "",
  };
}

export interface Ran {
  stdout: string;
  stderr: string;
}

/** A bash block as pasted (`set -e` so a failing line fails the run, as a learner would see it stop). */
export async function runBash(s: LabSession, script: string, cwd = mkdtempSync(join(tmpdir(), "genai-lab-yt-"))) {
  return (await exec("bash", ["-e", "-o", "pipefail", "-c", script], {
    env: learnerEnv(s),
    cwd,
    timeout: 120_000,
  })) as Ran;
}

export async function runPython(s: LabSession, script: string): Promise<Ran> {
  return (await exec("python3", ["-c", script], {
    env: learnerEnv(s),
    cwd: mkdtempSync(join(tmpdir(), "genai-lab-yt-")),
    timeout: 120_000,
  })) as Ran;
}

/** One check's result as `id:status:doneBy` (an error shows its problem instead). */
const checkLine = (id: string, result: CheckResult): string =>
  `${id}:${result.status}:${result.status === "error" ? JSON.stringify(result.problem) : (result.doneBy ?? "")}`;

/** The step's own checks as `id:status:doneBy`, from a fresh checklist run (what `genai-lab check` reports). */
export async function stepChecks(s: LabSession, stepId: string): Promise<string[]> {
  const own = s.lab.steps.find(({ step }) => step.id === stepId)!.step.checks.map((c) => c.id);
  const items = await s.runnerWith().runner.runChecklist(new AbortController().signal);
  return items.filter((item) => own.includes(item.id)).map((item) => checkLine(item.id, item.result));
}

/** The step's checks as live watching runs them (cleanup's are watched only), as `id:status:doneBy`. */
export async function watchedChecks(
  s: LabSession,
  stepId: string,
  params: Record<string, unknown> = {},
): Promise<string[]> {
  const own = s.lab.steps.find(({ step }) => step.id === stepId)!.step.checks.map((c) => c.id);
  const out: string[] = [];
  for (const id of own) out.push(checkLine(id, (await runCheck(s, id, { liveCheck: true, params })).result));
  return out;
}

/** Cleanup's "nothing left" items, all passed and credited to the learner. */
export const CLEANED_BY_LEARNER = [
  "cleanup-alarm-gone:pass:learner",
  "cleanup-dashboard-gone:pass:learner",
  "cleanup-logging-off:pass:learner",
  "cleanup-role-gone:pass:learner",
  "cleanup-log-group-gone:pass:learner",
];
