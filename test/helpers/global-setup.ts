/**
 * Builds dist/ once per test run (tsc, then the labs' Markdown copied beside their compiled steps), for the tests that run the real `genai-lab` binary (CLI and TUI end to end).
 * Incremental, so a build with nothing changed costs a few seconds. Type errors are the typecheck step's job
 * (npm test runs it first); here only a missing output is fatal.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { copyLabAssets, pruneStaleFolders } from "../../src/build/lab-assets.js";

export default function setup(): void {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  const tsc = `${root}node_modules/typescript/bin/tsc`;
  const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root, encoding: "utf8" });
  if (!existsSync(`${root}dist/src/cli.js`)) {
    throw new Error(`npm run build did not produce dist/src/cli.js:\n${result.stdout}${result.stderr}`);
  }
  pruneStaleFolders(root);
  copyLabAssets(root); // what npm run build does after tsc: the labs' Markdown beside their compiled steps
}
