/**
 * A learner who ran the README's `npm install && npm start` has no `genai-lab` on PATH: the printed env line must
 * name the program by its path, and env's output must define `genai-lab` in their shell (bash, and zsh where it is
 * installed, really run it).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { launcherPath, onPath, selfCommand, selfFunction } from "../../src/cli/self-command.js";
import { applyHint } from "../../src/cli/shell-lines.js";

const dir = mkdtempSync(join(tmpdir(), "self-command-"));
const binDir = join(dir, "bin");
mkdirSync(binDir);
const withGenaiLab = join(dir, "path-with");
mkdirSync(withGenaiLab);
writeFileSync(join(withGenaiLab, "genai-lab"), "#!/bin/sh\n");
chmodSync(join(withGenaiLab, "genai-lab"), 0o755);
const launcher = join(binDir, "genai-lab.js");
writeFileSync(launcher, "console.log('ran with', process.argv.slice(2).join(' '));\n");
const hasShell = (name: string) => spawnSync(name, ["-c", "true"]).status === 0;

/** What `genai-lab hint --step 2` prints in `shell` after an alias of that name, then eval of env's lines. */
function withAlias(shell: "bash" | "zsh", flags: string[], setup: string): string {
  const lines = selfFunction(shell, { PATH: binDir }, launcher).join("\n");
  const script = `${setup}alias genai-lab='echo stale alias'\neval "$(printf '%s\\n' '${lines.replaceAll("'", "'\\''")}')"\ngenai-lab hint --step 2`;
  const out = execFileSync(shell, [...flags, script], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", HOME: dir },
  });
  return out.trim();
}

describe("genai-lab in the learner's shell", () => {
  it("finds genai-lab on PATH only where an executable of that name is", () => {
    expect(onPath({ PATH: withGenaiLab }, "linux")).toBe(true);
    expect(onPath({ PATH: binDir }, "linux")).toBe(false);
    expect(onPath({}, "linux")).toBe(false);
  });

  it("names the launcher by path when genai-lab is not on PATH, and by name when it is", () => {
    expect(selfCommand("bash", { PATH: binDir }, launcher)).toBe(`node ${launcher}`);
    expect(selfCommand("bash", { PATH: withGenaiLab }, launcher)).toBe("genai-lab");
    expect(applyHint("bash", [], selfCommand("bash", { PATH: binDir }, launcher))).toBe(
      `eval "$(node ${launcher} env)"`,
    );
    expect(applyHint("fish", [], "node '/a b/genai-lab.js'")).toBe(
      "node '/a b/genai-lab.js' env --shell fish | source",
    );
  });

  it("quotes a launcher path with spaces for each shell", () => {
    const spaced = "/opt/my labs/bin/genai-lab.js";
    expect(selfCommand("bash", {}, spaced)).toBe(`node '/opt/my labs/bin/genai-lab.js'`);
    expect(selfFunction("powershell", {}, spaced)).toEqual([
      `function genai-lab { node '/opt/my labs/bin/genai-lab.js' @args }`,
    ]);
    expect(selfFunction("fish", {}, spaced)).toEqual([
      `function genai-lab; node '/opt/my labs/bin/genai-lab.js' $argv; end`,
    ]);
  });

  it("defines no function when genai-lab is on PATH or the launcher is unknown (genai-lab inside a test runner)", () => {
    expect(selfFunction("bash", { PATH: withGenaiLab }, launcher)).toEqual([]);
    expect(selfFunction("bash", { PATH: binDir }, undefined)).toEqual([]);
    expect(launcherPath("/x/node_modules/vitest/dist/worker.js")).toBeUndefined();
    expect(launcherPath(launcher)).toBe(launcher);
  });

  it("bash runs the defined genai-lab function with its arguments", () => {
    const lines = selfFunction("bash", { PATH: binDir }, launcher);
    const out = execFileSync("bash", ["-c", `${lines.join("\n")}\ngenai-lab hint --step 2`], {
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", HOME: dir },
    });
    expect(out.trim()).toBe("ran with hint --step 2");
  });

  it("works in a bash that has a genai-lab alias (which used to turn the definition into a syntax error)", () => {
    expect(withAlias("bash", ["-c"], "shopt -s expand_aliases\n")).toBe("ran with hint --step 2");
  });

  // zsh (macOS's default shell) refuses `genai-lab() {` after an alias of that name ("defining function based on
  // alias"), and it parses a whole eval before running any of it.
  it.skipIf(!hasShell("zsh"))("works in a zsh that has a genai-lab alias", () => {
    expect(withAlias("zsh", ["-f", "-c"], "")).toBe("ran with hint --step 2");
  });
});
