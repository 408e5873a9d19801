/**
 * Modes from the command line: --mode > GENAI_LAB_MODE > saved > none; exam never performs a step; run --yes is
 * guided; a hands-on run watches the learner's own work and credits it. The fixture lab, in-process, on the
 * sandbox target (the fixture's world is a JSON file the "learner" writes).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveMode } from "../../src/cli/mode.js";
import { UsageError } from "../../src/engine/usage-error.js";
import { fixtureCli } from "../helpers/fixture-cli.js";

function lab() {
  const { dir, world, cli } = fixtureCli();
  const report = async (extra: string[] = [], env: NodeJS.ProcessEnv = {}) =>
    JSON.parse((await cli("check", ["--format", "json", ...extra], env)).stdout) as {
      mode: string | null;
      items: { id: string; status: string; doneBy: string | null; hintsUsed: number | null }[];
    };
  return { dir, world, cli, report };
}

describe("resolving the mode", () => {
  it("takes --mode, else GENAI_LAB_MODE, else the saved mode, else none; a bad GENAI_LAB_MODE names itself", () => {
    expect(resolveMode({ mode: "exam" }, { GENAI_LAB_MODE: "guided" }, "hands-on")).toEqual({
      mode: "exam",
      source: "flag",
    });
    expect(resolveMode({}, { GENAI_LAB_MODE: "guided" }, "hands-on")).toEqual({ mode: "guided", source: "env" });
    expect(resolveMode({}, {}, "hands-on")).toEqual({ mode: "hands-on", source: "saved" });
    expect(resolveMode({}, { GENAI_LAB_MODE: " " }, undefined)).toEqual({ mode: undefined, source: "none" });
    expect(() => resolveMode({}, { GENAI_LAB_MODE: "speedrun" }, undefined)).toThrow(UsageError);
  });
});

describe("exam mode never performs a step", () => {
  it("run exits 2 with what to do instead, in any form and either language; nothing is created", async () => {
    const { world, cli } = lab();
    const byFlag = await cli("run", ["--mode", "exam"]);
    expect(byFlag.code).toBe(2);
    expect(byFlag.stderr).toMatch(/Exam mode \(--mode\): genai-lab performs no lab step for you/);
    expect(byFlag.stderr).toMatch(/genai-lab env.*genai-lab hint.*genai-lab check/s);
    const byEnv = await cli("run", ["--yes", "--step", "1", "--lang", "vi"], { GENAI_LAB_MODE: "exam" });
    expect(byEnv.code).toBe(2);
    expect(byEnv.stderr).toMatch(/Chế độ thi \(exam\) \(GENAI_LAB_MODE\): genai-lab không làm bước nào thay bạn/);
    // `run --mode exam` is a choice: saved, so a bare `run` later is refused too.
    expect((await cli("run", ["--yes"])).stderr).toMatch(/Exam mode \(saved for this lab\)/);
    expect(existsSync(world)).toBe(false);
  });

  it("--yes runs steps for you, so it does not go with --mode hands-on; a bad GENAI_LAB_MODE is a usage error", async () => {
    const { cli } = lab();
    const both = await cli("run", ["--yes", "--mode", "hands-on"]);
    expect(both).toMatchObject({ code: 2, stderr: expect.stringMatching(/--yes runs the steps for you \(guided\)/) });
    const bad = await cli("check", [], { GENAI_LAB_MODE: "speedrun" });
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringMatching(/GENAI_LAB_MODE: "speedrun" is not valid/) });
  });
});

describe("guided: run --yes performs every step and the report credits genai-lab", () => {
  it("doneBy runner on every item; the mode is what was chosen, check --mode only states it", async () => {
    const { cli, report } = lab();
    expect((await cli("run", ["--yes"])).code).toBe(0);
    const after = await report();
    expect(after.mode).toBeNull(); // nobody chose a mode: run --yes is guided without saying so
    expect(after.items.map((i) => [i.id, i.status, i.doneBy, i.hintsUsed])).toEqual([
      ["thing-exists", "pass", "runner", 0],
      ["thing-used", "pass", "runner", 0],
    ]);
    expect((await report(["--mode", "exam"])).mode).toBe("exam");
    expect((await report()).mode).toBeNull(); // check changes nothing, not even the saved mode
    expect((await cli("run", ["--yes", "--mode", "guided"])).code).toBe(0);
    expect((await report()).mode).toBe("guided");
    expect((await report([], { GENAI_LAB_MODE: "exam" })).mode).toBe("exam");
  });
});

describe("hands-on: run watches the learner's own work", () => {
  it("shows the step's task and commands, ticks it when the learner's work appears, and credits the learner", async () => {
    const { dir, world, cli, report } = lab();
    const progress = join(dir, "progress", "fixture-lab", "sandbox-123456789012-us-east-1.json");
    // On a terminal: "… next look in 2 s" rewrites itself on stderr between rounds.
    const running = cli("run", ["--mode", "hands-on", "--step", "1"], {}, { stderrTTY: true });
    // The learner works in another terminal: after the first "not yet", the thing appears.
    for (let i = 0; i < 100 && !(existsSync(progress) && readFileSync(progress, "utf8").includes('"fail"')); i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    writeFileSync(world, JSON.stringify({ things: ["widget"] }));
    const result = await running;
    expect(result.code, result.stderr).toBe(0);
    // The task's Markdown read as text, as a guided run prints a page (no backticks, no ** marks).
    expect(result.stdout).toContain("Make a thing with fixture, named as the lab says.");
    // The commands at the start of their lines, as they paste (a `$ ` on each did not); the line that saves them
    // carries the session's options, as the env line does (without --state-dir it read the default state's values).
    expect(result.stdout).toContain(`\nfixture create --name widget\nfixture list --world ${world}\n`);
    expect(result.stdout).toContain(
      `  Commands, to paste as they are (or save them: genai-lab commands --step 1 --state-dir ${dir} --lab `,
    );
    expect(result.stdout).toMatch(/--lab \S+ > step1\.sh\):\nfixture create --name widget\n/);
    expect(result.stdout).toMatch(/✗ not yet · The thing exists — \(nothing\)\n {4}hint: Run step 1\./);
    expect(result.stdout).toMatch(/✓ pass · The thing exists\n {2}Step passed — done by you \(2 looks, /);
    expect(result.stdout).toMatch(/Verification checklist — 1\/2 passed · score 2\/3 · Mode: hands-on/);
    // The status line is erased before the next line is printed: "… next look in 2 s  ✓ pass" shared a line.
    expect(result.stderr).toContain("… next look in");
    const shown = (result.all ?? "").replaceAll("\r\u001b[K", "⌫"); // the erase, made visible
    expect(shown).toMatch(/… next look in \d+ s⌫ {2}✓ pass · The thing exists\n/);
    expect(shown).not.toMatch(/… next look in \d+ s(?!⌫)/);
    const after = await report();
    expect(after.mode).toBe("hands-on");
    expect(after.items[0]).toMatchObject({ id: "thing-exists", status: "pass", doneBy: "learner" });
  });
});
