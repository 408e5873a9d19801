/**
 * A lab outside the repository, as an author makes one: `lab new` → `lab check` → `run --lab`, through the real
 * binary, in a folder under the system's temp directory with no node_modules and no symlinks: the kit and the AWS
 * SDK come from genai-lab's own install, the TypeScript runs without a build step.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root, runBinary } from "../helpers/cli.js";

describe("a lab in a folder of its own", () => {
  it("lab new writes a working lab that lab check passes and run --lab runs, in both languages", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "genai-lab-author-")), "my-lab");
    const created = await runBinary(["lab", "new", dir]);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain(`genai-lab lab check ${dir}`);
    expect(readdirSync(dir).sort()).toEqual([
      "01-create-log-group",
      "02-write-log-event",
      "clients.ts",
      "lab.ts",
      "tsconfig.json",
    ]);

    const checked = await runBinary(["lab", "check", dir]);
    expect(checked.stderr).toBe("");
    expect(checked.stdout).toContain("✓ fresh sandbox: every checklist item fails");
    expect(checked.stdout).toContain("The lab my-first-lab is ready.");
    expect(checked.code).toBe(0);

    const stateDir = mkdtempSync(join(tmpdir(), "genai-lab-author-state-"));
    const run = await runBinary(["run", "--lab", dir, "--yes", "--lang", "vi", "--state-dir", stateDir]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/Checklist kiểm tra — 2\/2 mục đạt/);
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, "node_modules"))).toBe(false);

    // The author's editor gets the kit's and the SDK's types from genai-lab's install (the tsconfig.json lab new wrote).
    const tsc = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", dir], {
      encoding: "utf8",
    });
    expect(tsc.stdout + tsc.stderr).toBe("");

    // A translator's edit shows at once, no build: the page is read from the Markdown file.
    const page = join(dir, "01-create-log-group", "body.en.md");
    writeFileSync(page, readFileSync(page, "utf8").replace("This step creates", "Here we create"));
    const again = await runBinary(["run", "--lab", dir, "--step", "1", "--state-dir", stateDir]);
    expect(again.stdout).toContain("Here we create the log group /genai-lab/my-first-lab in CloudWatch Logs");
  }, 60_000);

  it("lab check names a load problem by file, and lab new refuses a folder that is not empty", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "genai-lab-author-")), "lab");
    expect((await runBinary(["lab", "new", dir])).code).toBe(0);
    writeFileSync(join(dir, "02-write-log-event", "body.vi.md"), "Ghi {{params.nothing}}.\n");
    const checked = await runBinary(["lab", "check", dir]);
    expect(checked.code).toBe(2);
    expect(checked.stderr).toMatch(/02-write-log-event\/body\.vi\.md: unknown placeholder \{\{params\.nothing\}\}/);
    const again = await runBinary(["lab", "new", dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/is not empty/);
  }, 30_000);
});
