/**
 * The bonus's "no incident yet" hint says how to let genai-lab do the step wherever it is read: the CLI hands-on
 * run has no "do it for me" key, so it names the command that does (a guided run of that one step). The real lab,
 * in-process, on the sandbox.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { step } from "../../steps/05-investigate/step.js";
import { NO_INCIDENT } from "../../steps/lib/investigation/texts.js";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "genai-lab-bonus-hint-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const COMMAND = `genai-lab run --step ${step.id} --yes`;

/** True once a live round has recorded a failing check in the progress store. */
function failedOnce(): boolean {
  const root = join(dir, "progress");
  try {
    return readdirSync(root, { recursive: true, encoding: "utf8" })
      .filter((path) => path.endsWith(".json"))
      .some((path) => readFileSync(join(root, path), "utf8").includes('"fail"'));
  } catch {
    return false;
  }
}

describe("the bonus's hint before the incident is seeded", () => {
  it("names the command that does the step, in both languages, and no key the CLI does not have", () => {
    const hint = NO_INCIDENT.hint(false);
    for (const text of [hint.vi, hint.en]) {
      expect(text).toContain(`\`${COMMAND}\``);
      expect(text).not.toMatch(/let genai-lab do it\)|hoặc để genai-lab làm giúp\)/);
    }
    expect(hint.en).toContain("press Enter on this step");
    expect(hint.vi).toContain("nhấn Enter ở bước này");
  });

  it("is what `genai-lab run --mode hands-on --step 5` prints under the first 'not yet'", async () => {
    const stop = new AbortController();
    const running = runCli(["run", "--mode", "hands-on", "--step", "5", "--state-dir", dir], {}, stop.signal);
    for (let i = 0; i < 400 && !failedOnce(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    stop.abort();
    const result = await running;
    expect(result.stdout).toMatch(/✗ not yet · Bonus: the tenant behind the token spike found/);
    expect(result.stdout).toContain(`from the command line, run ${COMMAND}.`); // the printer drops the backticks
    expect(result.stdout).not.toContain("or let genai-lab do it");
  }, 30_000);

  it("`genai-lab hint --step 5` counts the hint for the bonus items (the bonus has no checklist items)", async () => {
    const en = await runCli(["hint", "--step", "5", "--state-dir", dir]);
    expect(en.code).toBe(0);
    expect(en.stderr).toContain("Counted: reports will show “1 hint used” for step 5's bonus items.");
    const vi = await runCli(["hint", "--step", "5", "--state-dir", dir, "--lang", "vi"]);
    expect(vi.stderr).toContain("cho các mục thêm (bonus) của bước 5.");
    expect(`${en.stderr}${vi.stderr}`).not.toMatch(/checklist items|mục kiểm tra/);
  }, 30_000);
});
