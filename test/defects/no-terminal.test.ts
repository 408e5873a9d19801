/**
 * Issue 11 item 13: without a terminal, `genai-lab` used to run the whole lab unasked (and, unable to ask,
 * overwrote the model chosen earlier). Now it changes nothing — not even the state directory — says how to run
 * headless, and exits 2 (bad usage), in both languages.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDirs } from "./temp-dirs.js";
import { runBinary, runCli } from "../helpers/cli.js";

const fresh = tempDirs("genai-lab-notty-");

describe("genai-lab without a terminal", () => {
  it("changes nothing and says how to run headless (English, the real binary)", async () => {
    const parent = fresh();
    const stateDir = join(parent, "state");
    const result = await runBinary(["--state-dir", stateDir]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("the interactive lab needs a terminal");
    expect(result.stderr).toContain("genai-lab run --yes");
    expect(result.stderr).toContain("genai-lab check");
    expect(existsSync(stateDir)).toBe(false);
  });

  it("leaves an existing state directory as it was, and says so in Vietnamese", async () => {
    const stateDir = fresh();
    const result = await runCli(["--state-dir", stateDir, "--lang", "vi"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("bài lab tương tác cần một terminal");
    expect(result.stderr).toContain("không làm gì cả");
    expect(result.stderr).toContain("genai-lab run --yes");
    expect(readdirSync(stateDir)).toEqual([]);
  });
});
