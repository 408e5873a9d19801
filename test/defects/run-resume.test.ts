/**
 * Issue 11 item 4: after Ctrl+C, `run --yes` started over at step 0 and made six more model calls (billable on
 * AWS). A rerun now carries on at the first step not yet passed: passed steps are re-checked, not redone; `--again`
 * and `--step` redo on purpose; and a second `run --yes` on a finished lab makes no new model calls, as the
 * sandbox's own Invocations metric shows.
 */
import { describe, expect, it } from "vitest";
import { tempDirs } from "./temp-dirs.js";
import { runBinary, runCli } from "../helpers/cli.js";
import { invocationCount } from "./state-sandbox.js";
import { SANDBOX_ENV } from "./real-tui.js";

const fresh = tempDirs("genai-lab-resume-");

describe("run carries on where it stopped", () => {
  it("a second run --yes on a finished lab makes no new model calls; --again does", async () => {
    const stateDir = fresh();
    const first = await runCli(["run", "--yes", "--state-dir", stateDir], SANDBOX_ENV);
    expect(first.code).toBe(0);
    const calls = await invocationCount(stateDir);
    expect(calls).toBe(6); // the preflight's probe + step 2's five prompts

    const second = await runCli(["run", "--yes", "--state-dir", stateDir], SANDBOX_ENV);
    expect(second.code).toBe(0);
    expect(await invocationCount(stateDir)).toBe(calls);
    expect(second.stdout.match(/↷ done in an earlier run: re-checked, not redone/g)).toHaveLength(5);
    expect(second.stdout).toContain("Every step was done already, so nothing was redone (no new model calls).");
    expect(second.stdout).toMatch(/Verification checklist — 4\/4 passed/);

    const vi = await runCli(["run", "--yes", "--lang", "vi", "--state-dir", stateDir], SANDBOX_ENV);
    expect(vi.stdout).toContain("đã xong ở lần chạy trước: chỉ kiểm tra lại, không làm lại");
    expect(vi.stdout).toContain("Mọi bước đã xong từ trước nên không làm lại gì");
    expect(await invocationCount(stateDir)).toBe(calls);

    const again = await runCli(["run", "--yes", "--again", "--state-dir", stateDir], SANDBOX_ENV);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain("done in an earlier run");
    expect(await invocationCount(stateDir)).toBe(calls + 6);

    const one = await runCli(["run", "--yes", "--step", "2", "--state-dir", stateDir], SANDBOX_ENV);
    expect(one.code).toBe(0);
    expect(await invocationCount(stateDir)).toBe(calls + 11);
  }, 120_000);

  it("after Ctrl+C, the rerun re-checks the steps that passed and does the rest", async () => {
    const stateDir = fresh();
    let interrupted = false;
    const stopped = await runBinary(["run", "--yes", "--state-dir", stateDir], SANDBOX_ENV, (chunk, child) => {
      // Interrupt once step 2 has begun calling the model.
      if (!interrupted && /▶ Step 2 /.test(chunk)) {
        interrupted = true;
        child.kill("SIGINT");
      }
    });
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain("Run again to carry on; running again is always safe.");
    const before = await invocationCount(stateDir);

    const rerun = await runCli(["run", "--yes", "--state-dir", stateDir], SANDBOX_ENV);
    expect(rerun.code).toBe(0);
    const resumed = rerun.stdout.split("▶ ").filter((part) => part.includes("↷ done in an earlier run"));
    expect(resumed.map((part) => part.split("\n")[0])).toEqual([
      "Step 0 · Preflight checks",
      "Step 1 · Enable model invocation logging",
    ]);
    // Step 2 was not done: its five calls are made, and no preflight probe.
    expect(await invocationCount(stateDir)).toBe(before + 5);
  }, 120_000);
});
