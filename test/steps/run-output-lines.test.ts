/**
 * The `$ aws …` lines a run prints under each action (issue 11 item 1: printed commands must run as pasted): taken
 * from a full run's events, then pasted in order into bash with the machine's AWS CLI (v1) against a second, fresh
 * sandbox reached only through the environment `genai-lab env` prints. Every line exits 0. The pages' bash blocks
 * likewise, step after step. Skipped without `aws`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLabSession, type LabSession } from "../helpers/lab-session.js";
import { run } from "./util.js";
import { hasAwsCli, runBash } from "./your-turn-tools.js";

let ran: LabSession;
let fresh: LabSession;
beforeAll(async () => {
  [ran, fresh] = await Promise.all([startLabSession(), startLabSession()]);
});
afterAll(async () => {
  await Promise.all([ran?.close(), fresh?.close()]);
});

describe.skipIf(!hasAwsCli)("the CLI lines a run prints", () => {
  it("each runs as pasted, in order, on a fresh sandbox (AWS CLI v1)", async () => {
    expect((await run(ran.runner)).outcome).toBe("passed");
    const lines = ran.events.flatMap((e) =>
      e.type === "action-started" && e.cli ? [[`${e.stepId}/${e.actionId}`, e.cli] as const] : [],
    );
    expect(lines.length).toBeGreaterThanOrEqual(12);
    const failed: string[] = [];
    for (const [where, line] of lines) {
      await runBash(fresh, line).catch((error: { stderr?: string }) =>
        failed.push(`${where}: ${error.stderr ?? error}`),
      );
    }
    expect(failed).toEqual([]);
  }, 120_000);
});

describe.skipIf(!hasAwsCli)("the bash blocks of the step pages", () => {
  it("each runs as pasted, step after step, once genai-lab's preflight chose the model (AWS CLI v1)", async () => {
    const pages = await startLabSession();
    try {
      expect((await run(pages.runner, ["preflight"])).outcome).toBe("passed");
      const failed: string[] = [];
      let blocks = 0;
      for (const { step } of pages.lab.steps) {
        const body = pages.runner.stepTexts(step.id).body.en;
        for (const [, block] of body.matchAll(/^```bash\n([\s\S]*?)^```/gm)) {
          blocks++;
          await runBash(pages, block!).catch((error: { stderr?: string }) =>
            failed.push(`${step.id}: ${error.stderr ?? error}`),
          );
        }
      }
      expect(failed).toEqual([]);
      expect(blocks).toBeGreaterThanOrEqual(6);
    } finally {
      await pages.close();
    }
  }, 120_000);
});
