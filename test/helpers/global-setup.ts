/**
 * Builds dist/ once per test run (`npm run build`: scripts/build.js bundles the program, its lab and the test labs,
 * copies the labs' Markdown and writes the kit's types), for the tests that run the real `genai-lab` binary (CLI and
 * TUI end to end) and the lab author's editor check. Type errors are the typecheck step's job (npm test runs it
 * first); here a failed build is fatal.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  const result = spawnSync(process.execPath, [`${root}scripts/build.js`], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, GENAI_LAB_BUILD_QUIET: "1" },
  });
  if (result.status !== 0 || !existsSync(`${root}dist/src/cli.js`)) {
    throw new Error(`npm run build failed:\n${result.stdout}${result.stderr}`);
  }
}
