/**
 * `genai-lab commands --step 2` before step 0 has chosen the model: the lines name the model asked for (the
 * original lab's, Legacy, refused on demand), so they say so first; once step 0 has run, they name its choice and
 * the warning is gone. The real lab, in-process, on the sandbox.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "genai-lab-commands-model-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const WARNING = "# Step 0 has not chosen the model yet: run it first";

describe("step 2's commands before and after step 0", () => {
  it("warn in both languages until step 0 has chosen the model, then name the model it chose", async () => {
    const before = await runCli(["commands", "--step", "2", "--state-dir", dir]);
    expect(before.code).toBe(0);
    expect(before.stdout.split("\n")[0]).toContain(WARNING);
    expect(before.stdout).toContain("anthropic.claude-3-5-sonnet-20241022-v2:0");
    const vi = await runCli(["commands", "--step", "2", "--state-dir", dir, "--lang", "vi"]);
    expect(vi.stdout).toContain("# Bước 0 chưa chọn model: chạy nó trước");

    expect((await runCli(["run", "--yes", "--step", "0", "--state-dir", dir])).code).toBe(0);
    const after = await runCli(["commands", "--step", "2", "--state-dir", dir]);
    expect(after.stdout).not.toContain(WARNING);
    expect(after.stdout).toMatch(/--model-id '?us\.anthropic\./);
  }, 60_000);
});
