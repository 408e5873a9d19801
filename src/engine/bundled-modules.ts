/**
 * Lab modules compiled into the program itself, by the path the loader would import them from. The check bundle
 * (scripts/build.js, dist/src/check.cjs) is one script, loaded with V8's code cache (src/cli/code-cache.ts): it
 * carries the built-in lab inside it and provides its modules here, so that `loadLab` takes them from the bundle
 * (one copy of the kit, zod and the SDK) instead of importing dist/steps/… and their chunks beside it. The loader
 * validates them exactly as it validates imported ones; everywhere else this map is empty.
 */
import { join } from "node:path";

const provided = new Map<string, Record<string, unknown>>();

/** `modules`: module namespaces by path relative to `dir` ("lab.js", "01-name/step.js"). */
export function provideLabModules(dir: string, modules: Record<string, Record<string, unknown>>): void {
  for (const [file, namespace] of Object.entries(modules)) provided.set(join(dir, file), namespace);
}

/** The module at `file` when it is compiled into the program, else undefined (import it). */
export function providedModule(file: string): Record<string, unknown> | undefined {
  return provided.get(join(file));
}
