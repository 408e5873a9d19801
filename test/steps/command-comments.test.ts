/**
 * The comments in every printed command block (Your turn's AWS CLI lines and boto3 snippet, `genai-lab commands`)
 * follow the learner's language: a Vietnamese page never prints an English comment, nor the other way round. The
 * TUI gets each block in both languages, so switching language (`l`) switches the comments too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stepInfos } from "../../src/ui/app/step-infos.js";
import { startLabSession, type LabSession } from "../helpers/lab-session.js";
import { run, STEP } from "./util.js";

let session: LabSession;
beforeAll(async () => {
  session = await startLabSession();
  await run(session.runner, [STEP.preflight]); // later steps' lines name the model it chose
});
afterAll(async () => {
  await session?.close();
});

/** The comment lines of a shell or Python block (a `#` first on the line, after indentation). */
const comments = (block: string | undefined): string[] =>
  (block ?? "").split("\n").filter((line) => /^\s*#/.test(line) && !line.startsWith("#!"));

describe("printed command comments", () => {
  it("differ between Vietnamese and English in every step's CLI lines and boto3 snippet", () => {
    let seen = 0;
    for (const { step } of session.lab.steps) {
      const vi = session.runner.yourTurn(step.id, "vi");
      const en = session.runner.yourTurn(step.id, "en");
      for (const way of ["cli", "python"] as const) {
        const [v, e] = [comments(vi?.[way]), comments(en?.[way])];
        expect(v.length, `${step.id} ${way}`).toBe(e.length);
        for (const line of v) expect(e, `${step.id} ${way}: "${line}" is the same in English`).not.toContain(line);
        seen += v.length;
      }
    }
    expect(seen).toBeGreaterThanOrEqual(4); // steps 1, 3, 5 and 6 comment their blocks at least
  });

  it("step 5's closing comment is Vietnamese in Vietnamese", () => {
    expect(comments(session.runner.yourTurn("investigate", "vi")?.cli)).toEqual([
      "# rồi các truy vấn của riêng bạn: aws logs start-query … / aws logs get-query-results --query-id …",
    ]);
  });

  it("reach the TUI in both languages, so `l` switches the comments with the page", () => {
    const { lab, store, target, runner } = session;
    const infos = stepInfos({ lab, store, target, runner, params: lab.manifest.parameters });
    const cleanup = infos.find((info) => info.id === STEP.cleanup)!;
    expect(comments(cleanup.cli?.vi)[0]).toMatch(/^# Log group chứa mọi prompt/);
    expect(comments(cleanup.cli?.en)[0]).toMatch(/^# The log group holds every logged prompt/);
    expect(cleanup.commands?.vi.join("\n")).toContain("# Log group chứa");
    expect(cleanup.commands?.en.join("\n")).toContain("# The log group holds");
  });
});
