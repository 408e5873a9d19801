/**
 * `genai-lab env` and an AWS CLI too old to read AWS_ENDPOINT_URL (v2 before 2.13, v1 before 1.29 — Debian 12's
 * packaged awscli is 2.9.19): its commands would go to real AWS, so env names the version and the way round on
 * stderr, in both languages; stdout stays the lines to eval. The CLIs here are stand-in scripts on a PATH of their
 * own (`aws --version` only), so CI needs no AWS CLI; the last test asks the machine's /usr/bin/aws when it has one.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { installedAwsCli, parseAwsCliVersion, readsEndpointEnv } from "../../src/cli/aws-cli-version.js";
import { runCli } from "../helpers/cli.js";

/** A directory holding an `aws` that prints `line` (on stderr for `toStderr`, as old v1 releases did). */
function fakeAws(line: string, toStderr = false): string {
  const dir = mkdtempSync(join(tmpdir(), "genai-lab-aws-"));
  writeFileSync(join(dir, "aws"), `#!/bin/sh\necho '${line}'${toStderr ? " >&2" : ""}\n`);
  chmodSync(join(dir, "aws"), 0o755);
  return dir;
}
const env = (dir: string, ...more: string[]) =>
  runCli(["env", "--state-dir", mkdtempSync(join(tmpdir(), "genai-lab-env-")), "--shell", "bash", ...more], {
    PATH: dir, // only the stand-in: this machine may have an aws of its own in /usr/bin
  });

describe("genai-lab env with an AWS CLI that ignores AWS_ENDPOINT_URL", () => {
  it("names a v2 older than 2.13 and says to upgrade or pass --endpoint-url, in English and Vietnamese", async () => {
    const dir = fakeAws("aws-cli/2.9.19 Python/3.11.2 Linux/6.1 source/x86_64.debian.12 prompt/off");
    const en = await env(dir);
    expect(en.code).toBe(0);
    expect(en.stderr).toContain(
      "your AWS CLI (2.9.19) is older than 2.13 (v2) / 1.29 (v1) and ignores AWS_ENDPOINT_URL",
    );
    expect(en.stderr).toContain("add --endpoint-url http://127.0.0.1:4566 to each aws command");
    expect(en.stdout).not.toContain("2.9.19"); // stdout: only the lines to eval
    expect(en.stdout).toContain("export AWS_ENDPOINT_URL=http://127.0.0.1:4566\n");
    const vi = await env(dir, "--lang", "vi");
    expect(vi.stderr).toContain("AWS CLI của bạn (2.9.19) cũ hơn 2.13 (v2) / 1.29 (v1) nên bỏ qua AWS_ENDPOINT_URL");
  });

  it("an old v1 that prints its version on stderr is named too; 2.13+, 1.29+ and no aws at all say nothing", async () => {
    const oldV1 = await env(fakeAws("aws-cli/1.27.160 Python/3.8.10 Linux/5.15 botocore/1.29.160", true));
    expect(oldV1.stderr).toContain("your AWS CLI (1.27.160) is older than 2.13");
    for (const line of ["aws-cli/2.13.0 Python/3.11.4", "aws-cli/2.27.50 Python/3.13", "aws-cli/1.45.11 Python/3.11"]) {
      expect((await env(fakeAws(line))).stderr, line).not.toContain("ignores AWS_ENDPOINT_URL");
    }
    const none = await env(mkdtempSync(join(tmpdir(), "genai-lab-noaws-")));
    expect(none.stderr).not.toContain("ignores AWS_ENDPOINT_URL");
    // On real AWS the variable is not used at all: nothing to say.
    const aws = await env(fakeAws("aws-cli/2.9.19 Python/3.11.2"), "--target", "aws", "--region", "us-east-1");
    expect(aws.stderr).not.toContain("ignores AWS_ENDPOINT_URL");
  });

  it("the version rule: the first releases that read the variable, and what `aws --version` prints", () => {
    const v = (text: string) => readsEndpointEnv(parseAwsCliVersion(text)!);
    expect([v("aws-cli/2.12.7"), v("aws-cli/2.13.0"), v("aws-cli/1.28.9"), v("aws-cli/1.29.0")]).toEqual([
      false,
      true,
      false,
      true,
    ]);
    expect(v("aws-cli/3.0.0")).toBe(true);
    expect(parseAwsCliVersion("command not found")).toBeUndefined();
  });

  const debianV2 = spawnSync("/usr/bin/aws", ["--version"], { encoding: "utf8" });
  it.skipIf(debianV2.status !== 0)("the machine's /usr/bin/aws is read as it reports itself", async () => {
    const found = await installedAwsCli({ PATH: "/usr/bin:/bin" });
    expect(found?.text).toBe(parseAwsCliVersion(debianV2.stdout + debianV2.stderr)?.text);
  });
});
