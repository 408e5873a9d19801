import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { version } from "../../src/cli.js";
import { runBinary, runCli } from "../helpers/cli.js";

const stateDir = () => mkdtempSync(join(tmpdir(), "genai-lab-cli-"));

describe("genai-lab (in-process)", () => {
  it("--version prints the package version", async () => {
    const result = await runCli(["--version"]);
    expect(result).toMatchObject({ code: 0, stdout: `${version()}\n`, stderr: "" });
    expect(version()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("--help speaks the language of --lang, else LANG", async () => {
    expect((await runCli(["--help"])).stdout).toMatch(/^genai-lab — guided AWS labs in your terminal/);
    expect((await runCli(["--help"], { LANG: "vi_VN.UTF-8" })).stdout).toMatch(/^genai-lab — bài lab có hướng dẫn/);
    expect((await runCli(["check", "--help", "--lang", "vi"])).stdout).toMatch(/^genai-lab check — chạy checklist/);
    expect((await runCli(["help", "run"])).stdout).toMatch(/^genai-lab run — run the lab's steps/);
  });

  it("exits 2 on bad usage, naming the flag, in the chosen language", async () => {
    const bad = await runCli(["check", "--format", "xml", "--lang", "vi"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'genai-lab: --format: giá trị "xml" không hợp lệ. Chọn một trong: text, json, junit, markdown, csv.\n',
    );
    expect((await runCli(["frobnicate"])).code).toBe(2);
    expect((await runCli(["run", "--region", "mars-1"])).stderr).toMatch(
      /--region: "mars-1" is not an AWS Region name/,
    );
  });

  it("exits 2 when the lab folder has problems, listing them", async () => {
    const result = await runCli(["run", "--lab", "/nonexistent/lab", "--state-dir", stateDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/The lab in \/nonexistent\/lab has 1 problem:\n {2}- .*cannot be read/);
  });
});

describe("genai-lab (the real binary)", () => {
  it("starts, prints its version and exits 0", async () => {
    const result = await runBinary(["--version"]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(version());
  });

  it("exits 2 with a message on stderr for an unknown option", async () => {
    const result = await runBinary(["--colour"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/There is no option --colour/);
  });
});

describe("paths checked up front", () => {
  it("a state directory that cannot be used is a usage error naming --state-dir", async () => {
    const result = await runCli(["run", "--state-dir", "/dev/null/x", "--lang", "vi"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^genai-lab: --state-dir: không dùng được \/dev\/null\/x để lưu tiến độ \(ENOTDIR\)/);
  });

  it("--out into a missing folder is a usage error before any check runs", async () => {
    const started = Date.now();
    const result = await runCli(["check", "--out", "/nonexistent/dir/x.json", "--state-dir", stateDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--out: cannot write into \/nonexistent\/dir \(ENOENT\)/);
    expect(result.stdout).toBe("");
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
