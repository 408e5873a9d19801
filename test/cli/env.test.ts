/**
 * `genai-lab env`: ONLY the lines to eval on stdout, for the sandbox serving this state directory (or the default
 * port with a note), for real AWS (the profile and Region, named), and the proof that they work: bash evals them,
 * the machine's AWS CLI v1 does step 1 of the lab with them (and `check` credits the learner), and the JS SDK
 * reaches the same data with the printed values.
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CloudWatchLogsClient, CreateLogGroupCommand, DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { startStateSandbox } from "../../src/cli/connect.js";
import { detectShell, shellLine } from "../../src/cli/shell-lines.js";
import { chooseTarget, targetKindOf } from "../../src/cli/target.js";
import { SANDBOX_DEFAULTS } from "../../src/sandbox/context.js";
import { bin, runCli } from "../helpers/cli.js";

const fresh = () => mkdtempSync(join(tmpdir(), "genai-lab-env-"));
const serving = (dir: string) => startStateSandbox(dir, { GENAI_LAB_SANDBOX_PORT: "0" }, { serve: true });
/** The variables bash `export` lines set (the values printed here need no quotes). */
function parse(stdout: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of stdout.split("\n")) {
    const match = /^export (\w+)=(.*)$/.exec(line);
    if (match) env[match[1]!] = match[2]!;
  }
  return env;
}
const hasAws = spawnSync("aws", ["--version"]).status === 0;
const hasZsh = spawnSync("zsh", ["--version"]).status === 0;
/** A child process, awaited: the sandbox runs in this process, so a synchronous spawn would block its answers. */
const child = async (file: string, args: string[], env: NodeJS.ProcessEnv) =>
  // In a directory of its own: a pasted block may write files (step 1's heredocs write its JSON documents).
  (
    await promisify(execFile)(file, args, {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      cwd: fresh(),
    })
  ).stdout;

describe("genai-lab env on the sandbox", () => {
  it("prints the serving sandbox's endpoint, the example keys and both Region variables, and nothing else on stdout", async () => {
    const dir = fresh();
    const sandbox = await serving(dir);
    try {
      const result = await runCli(["env", "--state-dir", dir, "--shell", "bash"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(
        [
          "export GENAI_LAB_TARGET=sandbox",
          `export AWS_ENDPOINT_URL=${sandbox.endpoint}`,
          `export AWS_ACCESS_KEY_ID=${SANDBOX_DEFAULTS.accessKeyId}`,
          `export AWS_SECRET_ACCESS_KEY=${SANDBOX_DEFAULTS.secretAccessKey}`,
          "export AWS_REGION=us-east-1",
          "export AWS_DEFAULT_REGION=us-east-1",
          "export AWS_PAGER=''",
          `export GENAI_LAB_HOME=${dir}`,
          "",
        ].join("\n"),
      );
      expect(result.stderr).toContain(`The sandbox of this state directory is serving at ${sandbox.endpoint}`);
      // Captured by $(…) (stdout not a terminal), the lines are being applied: no "Apply in your shell" to read.
      expect(result.stderr).not.toContain("Apply in your shell");
      const typed = await runCli(["env", "--state-dir", dir, "--shell", "bash"], {}, undefined, { stdoutTTY: true });
      expect(typed.stderr).toContain(`Apply in your shell: eval "$(genai-lab env --state-dir ${dir})"`);
      // A profile or session token left in the shell would beat the example keys in some clients: removed.
      const cleared = await runCli(["env", "--state-dir", dir, "--shell", "bash"], { AWS_PROFILE: "work" });
      expect(cleared.stdout).toMatch(/\nunset AWS_PROFILE\n/);
      // Without --state-dir, the default directory is every command's already: no GENAI_LAB_HOME line.
      const plain = await runCli(["env", "--shell", "bash"], { GENAI_LAB_HOME: dir });
      expect(plain.stdout).not.toContain("GENAI_LAB_HOME");
    } finally {
      await sandbox.close();
    }
  });

  it("when no sandbox serves: the default port's lines, and a note on stderr to start one", async () => {
    const result = await runCli(["env", "--state-dir", fresh(), "--lang", "vi", "--shell", "bash"]);
    expect(result.stdout).toContain("export AWS_ENDPOINT_URL=http://127.0.0.1:4566\n");
    expect(result.stderr).toMatch(/Chưa có sandbox nào phục vụ thư mục trạng thái này.*genai-lab sandbox/);
  });

  it("writes fish, PowerShell, zsh; quotes only what needs it; detects the shell from SHELL", async () => {
    const fish = await runCli(["env", "--state-dir", fresh(), "--shell", "fish"], {}, undefined, { stdoutTTY: true });
    expect(fish.stdout).toContain("set -gx AWS_ENDPOINT_URL http://127.0.0.1:4566\n");
    expect(fish.stderr).toContain("genai-lab env --state-dir");
    expect(fish.stderr).toMatch(/--shell fish \| source/);
    const ps = await runCli(["env", "--state-dir", fresh(), "--shell", "powershell"]);
    expect(ps.stdout).toContain("$Env:AWS_REGION = 'us-east-1'\n");
    expect(shellLine(["X", "it's a b"], "bash")).toBe(`export X='it'\\''s a b'`);
    expect(shellLine(["X", "it's"], "fish")).toBe(`set -gx X 'it\\'s'`);
    expect(shellLine(["X", "it's"], "powershell")).toBe(`$Env:X = 'it''s'`);
    expect(shellLine(["X", undefined], "fish")).toBe("set -e X");
    expect(detectShell(undefined, { SHELL: "/usr/bin/fish" })).toBe("fish");
    expect(detectShell(undefined, { SHELL: "/bin/zsh" })).toBe("zsh");
    expect(detectShell(undefined, {}, "win32")).toBe("powershell");
    expect(detectShell(undefined, {}, "linux")).toBe("bash");
  });

  const zshTitle = "zsh: the printed blocks' # comment lines paste into an interactive zsh once the lines are eval'd";
  it.skipIf(!hasZsh)(hasZsh ? zshTitle : `${zshTitle} — skipped: no zsh on PATH`, async () => {
    const home = fresh();
    const lines = (await runCli(["env", "--state-dir", fresh(), "--shell", "zsh"])).stdout;
    expect(lines.trim().split("\n").at(-1)).toBe("setopt interactivecomments");
    expect((await runCli(["env", "--state-dir", fresh(), "--shell", "bash"])).stdout).not.toContain("setopt");
    // A pasted block, as an interactive zsh reads it (no rc files: HOME and ZDOTDIR are empty directories).
    const paste = (setup: string) =>
      new Promise<string>((resolve) => {
        const shell = execFile(
          "zsh",
          ["-i"],
          { env: { PATH: process.env.PATH, HOME: home, ZDOTDIR: home } },
          (_e, out, err) => resolve(`${out}${err}`),
        );
        shell.stdin?.end(`${setup}\n# A comment line, as in step 1 block\necho pasted-ok\nexit\n`);
      });
    expect(await paste("")).toContain("command not found: #"); // why the line is printed
    const after = await paste(lines);
    expect(after).toContain("pasted-ok");
    expect(after).not.toContain("command not found");
  });

  it("bash evals it as printed (the real binary)", async () => {
    const dir = fresh();
    const sandbox = await serving(dir);
    try {
      const script = `eval "$("${process.execPath}" "${bin}" env --state-dir "${dir}" 2>/dev/null)" && echo "$AWS_ENDPOINT_URL $AWS_DEFAULT_REGION $GENAI_LAB_TARGET pager:\${AWS_PAGER+set}:$AWS_PAGER"`;
      const out = await child("bash", ["-c", script], { AWS_PAGER: "less" });
      // AWS_PAGER set and empty: AWS CLI v2 pages nothing, so a pasted block is never swallowed by `less`.
      expect(out.trim()).toBe(`${sandbox.endpoint} us-east-1 sandbox pager:set:`);
    } finally {
      await sandbox.close();
    }
  });
});

describe("the learner's terminal talks to the same world", () => {
  const awsTitle = "AWS CLI v1 with the printed lines does step 1 by hand, and check credits the learner";
  it.skipIf(!hasAws)(
    hasAws ? awsTitle : `${awsTitle} — skipped: no \`aws\` on PATH`,
    async () => {
      const dir = fresh();
      const sandbox = await serving(dir);
      try {
        const env = parse((await runCli(["env", "--state-dir", dir, "--shell", "bash"])).stdout);
        const lines = (await runCli(["commands", "--state-dir", dir, "--step", "1"], env)).stdout;
        await child("bash", ["-e", "-c", lines], { AWS_CONFIG_FILE: "/nonexistent", ...env });
        const who = JSON.parse(await child("aws", ["sts", "get-caller-identity"], env)) as { Account: string };
        expect(who.Account).toBe("123456789012");
        // `check` in that same shell (GENAI_LAB_TARGET=sandbox, AWS_ENDPOINT_URL set) judges the lab's own sandbox.
        const report = JSON.parse((await runCli(["check", "--state-dir", dir, "--format", "json"], env)).stdout) as {
          target: { kind: string };
          items: { id: string; status: string; doneBy: string }[];
        };
        expect(report.target.kind).toBe("sandbox");
        expect(report.items[0]).toMatchObject({ id: "logging-enabled", status: "pass", doneBy: "learner" });
      } finally {
        await sandbox.close();
      }
    },
    60_000,
  );

  it("the JS SDK with the printed values reaches the data the lab's sandbox keeps", async () => {
    const dir = fresh();
    const sandbox = await serving(dir);
    const env = parse((await runCli(["env", "--state-dir", dir, "--shell", "bash"])).stdout);
    const client = (endpoint: string) =>
      new CloudWatchLogsClient({
        endpoint,
        region: env.AWS_REGION!,
        credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY! },
      });
    const learner = client(env.AWS_ENDPOINT_URL!);
    await learner.send(new CreateLogGroupCommand({ logGroupName: "/learner/own-group" }));
    learner.destroy();
    await sandbox.close();
    // Any later sandbox on this state directory (the next genai-lab) sees what the learner made.
    const later = await startStateSandbox(dir, {});
    const reader = client(later.endpoint);
    try {
      const groups = await reader.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/learner/" }));
      expect(groups.logGroups?.map((g) => g.logGroupName)).toEqual(["/learner/own-group"]);
    } finally {
      reader.destroy();
      await later.close();
    }
  });
});

describe("genai-lab env on real AWS, and GENAI_LAB_TARGET", () => {
  it("names the profile and Region, and removes a sandbox endpoint and the example keys left in the shell", async () => {
    // What an earlier `eval "$(genai-lab env)"` for the sandbox left in the shell.
    const left = {
      GENAI_LAB_TARGET: "sandbox",
      AWS_ENDPOINT_URL: "http://127.0.0.1:4566",
      AWS_ACCESS_KEY_ID: SANDBOX_DEFAULTS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: "x",
    };
    const result = await runCli(["env", "--profile", "learner", "--region", "eu-west-1", "--shell", "bash"], left);
    expect(result.stdout).toBe(
      [
        "export GENAI_LAB_TARGET=aws",
        "export AWS_PROFILE=learner",
        "export AWS_REGION=eu-west-1",
        "export AWS_DEFAULT_REGION=eu-west-1",
        "export AWS_PAGER=''",
        "unset AWS_ENDPOINT_URL",
        "unset AWS_ACCESS_KEY_ID",
        "unset AWS_SECRET_ACCESS_KEY",
        "",
      ].join("\n"),
    );
    expect(result.stderr).toContain("Real AWS: profile learner, Region eu-west-1.");
  });

  it("GENAI_LAB_TARGET keeps genai-lab on its target in a shell env set up; flags still win; a bad value is named", () => {
    const shell = { GENAI_LAB_TARGET: "sandbox", AWS_ENDPOINT_URL: "http://127.0.0.1:4566" };
    expect(targetKindOf({}, shell)).toBe("sandbox");
    expect(targetKindOf({}, { AWS_ENDPOINT_URL: "http://127.0.0.1:4566" })).toBe("endpoint"); // as before
    expect(targetKindOf({ profile: "p" }, { AWS_ENDPOINT_URL: "http://127.0.0.1:4566" })).toBe("endpoint");
    expect(targetKindOf({ "endpoint-url": "http://localhost:4566" }, shell)).toBe("endpoint");
    expect(targetKindOf({ profile: "p" }, shell)).toBe("aws");
    expect(targetKindOf({}, { GENAI_LAB_TARGET: "aws" })).toBe("aws");
    expect(() => chooseTarget({}, { GENAI_LAB_TARGET: "moon" })).toThrow(/GENAI_LAB_TARGET: "moon" is not valid/);
  });
});
