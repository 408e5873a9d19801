/**
 * Issue 11 item 10: `doctor --profile doesnotexist` said generically "no credentials found … choose a profile with
 * --profile" plus the SDK's English "Could not load credentials from any providers", also in Vietnamese, and
 * claimed "no request was sent" while the SDK's chain may ask the instance metadata service. Now it says the profile
 * does not exist, names the files read and the profiles found, before any client is built; and an SDK line is only
 * shown labelled as the original English under an explanation in the learner's language.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBinary, runCli } from "../helpers/cli.js";
import { tempDirs } from "./temp-dirs.js";

const fresh = tempDirs("genai-lab-profile-");

function awsFiles(): { AWS_CONFIG_FILE: string; AWS_SHARED_CREDENTIALS_FILE: string } {
  const dir = fresh();
  const config = join(dir, "config");
  const credentials = join(dir, "credentials");
  writeFileSync(
    config,
    "[default]\nregion = us-east-1\n\n[profile learner]\nregion = us-west-2\n\n[sso-session corp]\nsso_region = us-east-1\n",
  );
  writeFileSync(
    credentials,
    "[learner]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = secret\n\n[ops]\naws_access_key_id = AKIAEXAMPLE2\naws_secret_access_key = secret2\n",
  );
  return { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials };
}

describe("doctor --profile with a profile that does not exist", () => {
  it("says so, names the files read and the profiles found, and sends nothing (English)", async () => {
    const files = awsFiles();
    const started = Date.now();
    const result = await runCli(["doctor", "--profile", "doesnotexist", "--state-dir", fresh()], files);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('There is no AWS profile "doesnotexist".');
    expect(result.stderr).toContain(files.AWS_CONFIG_FILE);
    expect(result.stderr).toContain(files.AWS_SHARED_CREDENTIALS_FILE);
    expect(result.stderr).toContain("Profiles found: default, learner, ops.");
    expect(result.stderr).toContain("aws configure --profile doesnotexist");
    expect(result.stderr).not.toContain("Could not load credentials");
  });

  it("in Vietnamese, with no untranslated line, and names a missing file as missing", async () => {
    const files = { ...awsFiles(), AWS_SHARED_CREDENTIALS_FILE: join(fresh(), "nope") };
    const result = await runCli(["doctor", "--profile", "doesnotexist", "--lang", "vi", "--state-dir", fresh()], files);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Không có profile AWS "doesnotexist".');
    expect(result.stderr).toContain(`${files.AWS_SHARED_CREDENTIALS_FILE} (không có tệp này)`);
    expect(result.stderr).toContain("Các profile tìm thấy: default, learner.");
    expect(result.stderr).not.toMatch(/Could not|No call|credentials from/);
  });

  it("AWS_PROFILE is checked the same way", async () => {
    const result = await runCli(["doctor", "--target", "aws", "--state-dir", fresh()], {
      ...awsFiles(),
      AWS_PROFILE: "typo",
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('There is no AWS profile "typo".');
  });
});

describe("no credentials at all", () => {
  it("labels the SDK's English line under a Vietnamese explanation, and claims only what is true", async () => {
    const dir = fresh();
    const result = await runBinary(["doctor", "--target", "aws", "--lang", "vi", "--state-dir", join(dir, "s")], {
      HOME: dir,
      AWS_CONFIG_FILE: join(dir, "none"),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, "none"),
      // Keep the test on loopback: no instance metadata lookup.
      AWS_EC2_METADATA_DISABLED: "true",
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Không tìm thấy thông tin xác thực AWS nào, nên chưa có lời gọi nào tới AWS.");
    const english = result.stderr.split("\n").filter((line) => /Could not load credentials/.test(line));
    expect(english).toHaveLength(1);
    for (const line of english) expect(line).toMatch(/^\s*Nguyên văn \(tiếng Anh\): /);
    expect(result.stderr).not.toContain("no request was sent");
  });
});
