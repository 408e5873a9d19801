/**
 * Whether the learner's AWS CLI reads AWS_ENDPOINT_URL, the line `genai-lab env` relies on to reach the sandbox.
 * The variable came with AWS CLI v2 2.13.0 and v1 1.29.0 (July 2023; boto3 1.28.0): an older CLI ignores it and
 * sends its commands to real AWS with the sandbox's example keys — "Could not connect" offline, an invalid token
 * online — while the lab never sees the learner's work. Debian 12's packaged awscli is 2.9.19.
 *
 *   "aws-cli/2.9.19 Python/3.11.2 Linux/6 …" → { major: 2, minor: 9, patch: 19 } → ignores the variable
 */
import { execFile } from "node:child_process";

export interface AwsCliVersion {
  text: string;
  major: number;
  minor: number;
  patch: number;
}

/** The first version of each major that reads AWS_ENDPOINT_URL. */
const READS_ENDPOINT_ENV: Record<number, [number, number]> = { 1: [29, 0], 2: [13, 0] };

export function parseAwsCliVersion(output: string): AwsCliVersion | undefined {
  const match = /aws-cli\/(\d+)\.(\d+)\.(\d+)/.exec(output);
  if (!match) return undefined;
  const [text, major, minor, patch] = match;
  return { text: text.slice("aws-cli/".length), major: Number(major), minor: Number(minor), patch: Number(patch) };
}

export function readsEndpointEnv(version: AwsCliVersion): boolean {
  const first = READS_ENDPOINT_ENV[version.major];
  if (!first) return true; // a major this file does not know is newer than both
  const [minor, patch] = first;
  return version.minor > minor || (version.minor === minor && version.patch >= patch);
}

/**
 * The `aws` on the learner's PATH, or undefined (none, no PATH, no answer within `timeoutMs`). Old v1 releases
 * print their version on stderr, so both streams are read.
 */
export function installedAwsCli(env: NodeJS.ProcessEnv, timeoutMs = 5000): Promise<AwsCliVersion | undefined> {
  if (!env.PATH) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    execFile("aws", ["--version"], { env, timeout: timeoutMs, encoding: "utf8" }, (error, stdout, stderr) =>
      resolve(error ? undefined : parseAwsCliVersion(`${stdout}\n${stderr}`)),
    );
  });
}
