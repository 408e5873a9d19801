/** The fixture lab through the CLI in-process, on the sandbox target, in a fresh state directory. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./cli.js";
import { fixtureLabDir } from "./fixture-runner.js";

export function fixtureCli() {
  const dir = mkdtempSync(join(tmpdir(), "genai-lab-fixture-cli-"));
  const world = join(dir, "world.json");
  const args = ["--lab", fixtureLabDir, "--state-dir", dir, "--param", `worldFile=${world}`];
  /** `genai-lab <command> <the fixture's options> <extra>`. */
  const cli = (
    command: string,
    extra: string[] = [],
    env: NodeJS.ProcessEnv = {},
    options: Parameters<typeof runCli>[3] = {},
  ) => runCli([command, ...args, ...extra], env, undefined, options);
  return { dir, world, cli };
}
