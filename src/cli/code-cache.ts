/**
 * Runs a CommonJS script through V8's code cache: `genai-lab check` (bin/genai-lab.js runs dist/src/check.cjs this
 * way). Node 20 compiles every ES module from source on every start (`module.enableCompileCache` came in Node 22),
 * and a `check` spent about a third of its time compiling, resolving and linking ~80 modules. A script compiled
 * with the cache V8 wrote after an earlier run skips the parse and the lazy compiles of every function that run
 * used.
 *
 * The cache sits beside the script (`<file>.cache`; scripts/build.js removes it with the rest of dist/), headed by
 * the script's size and modification time: V8 itself compares only the source's length, so a cache of another
 * build of the same length would be taken. A cache of another script, or one V8 rejects (another V8 version or
 * other flags, a damaged file), is not used: the script is compiled from source as without one, and the cache
 * written anew after the run. A cache that cannot be written (an install the user cannot write to) costs only the
 * speed.
 */
import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { Script } from "node:vm";

export interface CachedScript {
  /** What the script put in `module.exports`. */
  exports: Record<string, unknown>;
  /**
   * "accepted": compiled from the cache; "rejected": V8 refused it; "stale": it was written for another version of
   * the script; "none": no cache.
   */
  cache: "accepted" | "rejected" | "stale" | "none";
  /** Writes the cache when it was missing or rejected (after the run: V8 then includes what the run compiled). */
  save(): void;
}

/** The path of the cache of `file`. */
export function cachePath(file: string): string {
  return `${file}.cache`;
}

/** Which build of the script a cache belongs to: its size and modification time. */
function scriptVersion(file: string): string {
  const { size, mtimeMs } = statSync(file);
  return `genai-lab code cache of ${size} bytes modified ${mtimeMs}`;
}

/** Loads and runs `file` (CommonJS, with no `import()`: a script from the cache has no dynamic-import callback). */
export function loadCachedScript(file: string): CachedScript {
  const source = readFileSync(file, "utf8");
  const header = Buffer.from(`${scriptVersion(file)}\n`);
  let stored: Buffer | undefined;
  try {
    stored = readFileSync(cachePath(file));
  } catch {
    stored = undefined; // none yet
  }
  const current = stored !== undefined && stored.subarray(0, header.length).equals(header);
  const cachedData = current ? stored?.subarray(header.length) : undefined;
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const cache = !stored ? "none" : !current ? "stale" : script.cachedDataRejected === true ? "rejected" : "accepted";
  const module = { exports: {} as Record<string, unknown> };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    cache,
    save() {
      if (cache === "accepted") return;
      const temporary = `${cachePath(file)}.${process.pid}.tmp`;
      let fd: number;
      try {
        fd = openSync(temporary, "w");
      } catch {
        return; // not writable (an install the user cannot write to): not even worth serializing
      }
      try {
        try {
          writeFileSync(fd, Buffer.concat([header, script.createCachedData()]));
        } finally {
          closeSync(fd);
        }
        renameSync(temporary, cachePath(file)); // whole or not at all: another genai-lab may be reading it
      } catch {
        rmSync(temporary, { force: true }); // the next run compiles from source again
      }
    },
  };
}

/** bin/genai-lab.js: runs the program in `file` (dist/src/check.cjs), then writes its cache when it had none. */
export async function runCachedProgram(file: string): Promise<void> {
  const program = loadCachedScript(file);
  await (program.exports.runAsProgram as () => Promise<void>)();
  program.save();
}
