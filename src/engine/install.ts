/**
 * Where genai-lab is installed, and where its own files are in it. Compiled, genai-lab is bundled (scripts/build.js):
 * a module's code may sit in any chunk under dist/, so paths are taken from the package's root, never from how deep
 * one module happens to be. Under the test runner the same code runs from src/ as TypeScript.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Running the TypeScript sources (the test runner), not the build in dist/. */
export const fromSource = import.meta.url.endsWith(".ts");

let root: string | undefined;

/** genai-lab's install: the folder up from this module that holds its package.json. */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  root = dir;
  return dir;
}

/** The lab shipped with genai-lab: steps/, compiled to dist/steps/ (with its Markdown beside it). */
export function builtInLabDir(): string {
  return join(packageRoot(), fromSource ? "steps" : "dist/steps", "/");
}

/** The module hooks that load a lab from a folder of its own (src/cli/lab/hooks.ts, built to this path). */
export function labHooksPath(): string {
  return join(packageRoot(), fromSource ? "src/cli/lab/hooks.ts" : "dist/src/cli/lab/hooks.js");
}
