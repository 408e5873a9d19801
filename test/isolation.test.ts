// The suite never sees the learner's real state: a language saved with `l` in the TUI, progress or ~/.aws must not
// change a test's outcome, and no test (or child process it starts) may write there.
import { execFileSync } from "node:child_process";
import { tmpdir, userInfo } from "node:os";
import { describe, expect, it } from "vitest";
import { locateStateDir } from "../src/engine/state-dir.js";

const realHome = userInfo().homedir;

describe("test isolation", () => {
  it("points HOME, XDG_STATE_HOME and GENAI_LAB_HOME at a throw-away folder, never the real home", () => {
    for (const name of ["HOME", "XDG_STATE_HOME", "GENAI_LAB_HOME"] as const) {
      const value = process.env[name] ?? "";
      expect(value.startsWith(tmpdir()), `${name}=${value}`).toBe(true);
      expect(value, name).not.toBe(realHome);
    }
  });

  it("resolves the default state directory inside it", () => {
    expect(locateStateDir(undefined, process.env).dir.startsWith(tmpdir())).toBe(true);
  });

  it("hands the same home to child processes", () => {
    const script = "process.stdout.write(require('os').homedir() + '|' + process.env.GENAI_LAB_HOME)";
    const [childHome, childState] = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).split("|");
    expect(childHome).toBe(process.env.HOME);
    expect(childState).toBe(process.env.GENAI_LAB_HOME);
    expect(childHome).not.toBe(realHome);
  });
});
