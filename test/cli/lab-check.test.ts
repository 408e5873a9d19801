/**
 * `genai-lab lab check` judges a lab the way rustlings' `dev check` judges exercises: it loads, both languages are
 * complete, every check fails before its step and passes after it on a fresh sandbox, and what it prints parses.
 * The built-in lab passes it; near misses are named.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkLab, type Finding } from "../../src/cli/lab/check.js";
import { builtInLabDir, loadLab } from "../../src/engine/loader.js";
import { fixtureLabDir } from "../helpers/fixture-runner.js";

const signal = new AbortController().signal;
const failing = (findings: Finding[]) => findings.filter((f) => !f.ok).map((f) => [f.area, ...f.problems]);

/** A copy of the fixture lab with `edit` applied to one of its files. */
function fixtureCopy(file: string, edit: (source: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "genai-lab-labcheck-"));
  cpSync(fixtureLabDir, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), "utf8")));
  return dir;
}

describe("lab check", () => {
  it("passes the built-in lab: every item fails fresh, passes after its step, and cleanup leaves none passing", async () => {
    const findings = await checkLab(await loadLab(builtInLabDir(), "ts"), signal);
    expect(failing(findings)).toEqual([]);
    expect(findings.map((f) => f.area)).toEqual(
      expect.arrayContaining([
        "both languages complete",
        "fresh sandbox: every checklist item fails",
        "step 3 (view-logs): actions complete, checks pass",
        "printed commands parse",
        "after cleanup: no checklist item passes",
      ]),
    );
    // The optional investigation is not run (it waits for an alarm's evaluation); its pages and commands are checked.
    expect(findings.map((f) => f.area)).not.toContain("step 5 (investigate): actions complete, checks pass");
    expect(findings.map((f) => f.area)).toContain("pages after step 5");
  }, 60_000);

  it("passes the fixture lab, given its own world file", async () => {
    const worldFile = join(mkdtempSync(join(tmpdir(), "genai-lab-world-")), "world.json");
    expect(failing(await checkLab(await loadLab(fixtureLabDir, "ts"), signal, { worldFile }))).toEqual([]);
  });

  it("names a check that passes before any step ran, and a printed command that does not parse", async () => {
    const worldFile = join(mkdtempSync(join(tmpdir(), "genai-lab-world-")), "world.json");
    const dir = fixtureCopy("02-use-thing/step.ts", (source) =>
      source
        .replace("return used === ctx.params.thingName && exists", "return true")
        .replace(`id: "use",`, `id: "use",\n      cli: () => "fixture use --name 'unclosed",`),
    );
    const findings = await checkLab(await loadLab(dir, "ts"), signal, { worldFile });
    expect(failing(findings)).toEqual([
      ["fresh sandbox: every checklist item fails", "thing-used: passes before any step ran"],
      ["printed commands parse", expect.stringMatching(/^does not parse: fixture use --name 'unclosed/)],
      ["after cleanup: no checklist item passes", "thing-used: still passes (something the lab made is left behind)"],
    ]);
  });

  it("names a step whose check still fails after its actions, with the check's hint", async () => {
    // fail=check: the fixture's thing-exists check says "absent" whatever the world holds.
    const worldFile = join(mkdtempSync(join(tmpdir(), "genai-lab-world-")), "world.json");
    const findings = await checkLab(await loadLab(fixtureLabDir, "ts"), signal, { worldFile, fail: "check" });
    expect(failing(findings)).toEqual([
      ["step 1 (make-thing): actions complete, checks pass", "thing-exists: fails: Run step 1."],
    ]);
  });
});
