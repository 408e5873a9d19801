import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cachePath } from "../../src/cli/code-cache.js";
import { root, runBinary } from "../helpers/cli.js";

/** A CommonJS script in a fresh folder: it uses require, __filename and module.exports, as the check bundle does. */
function script(): string {
  const dir = mkdtempSync(join(tmpdir(), "genai-lab-code-cache-"));
  const file = join(dir, "program.cjs");
  writeFileSync(
    file,
    [
      'const { basename } = require("node:path");',
      "module.exports.name = basename(__filename);",
      "module.exports.sum = (...xs) => xs.reduce((a, b) => a + b, 0);",
    ].join("\n"),
  );
  return file;
}

const codeCache = `${root}dist/src/cli/code-cache.js`; // the build of src/cli/code-cache.ts

/**
 * Loads `file` as bin/genai-lab.js loads the check bundle, in a process of its own (V8 keeps what it compiled for
 * the life of a process and would not read the cache again), and saves the cache when `save` is set.
 */
function run(file: string, save = false): { cache: string; name: string; sum: number } {
  const program = [
    `import { loadCachedScript } from ${JSON.stringify(codeCache)};`,
    `const loaded = loadCachedScript(${JSON.stringify(file)});`,
    `const out = { cache: loaded.cache, name: loaded.exports.name, sum: loaded.exports.sum(1, 2, 3) };`,
    save ? "loaded.save();" : "",
    "process.stdout.write(JSON.stringify(out));",
  ].join("\n");
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", program], { encoding: "utf8" });
  expect(child.stderr).toBe("");
  return JSON.parse(child.stdout) as { cache: string; name: string; sum: number };
}

describe("loadCachedScript", () => {
  it("runs a script without a cache, writes one after the run, and the next load is compiled from it", () => {
    const file = script();
    expect(run(file)).toEqual({ cache: "none", name: "program.cjs", sum: 6 });
    expect(existsSync(cachePath(file))).toBe(false); // written only when asked, after the run
    run(file, true);
    expect(readFileSync(cachePath(file)).length).toBeGreaterThan(0);
    expect(run(file)).toEqual({ cache: "accepted", name: "program.cjs", sum: 6 });
  });

  it("a cache V8 rejects (damaged, or another V8's) still runs the script, and is replaced by a good one", () => {
    const file = script();
    run(file, true);
    const good = readFileSync(cachePath(file));
    const headerEnd = good.indexOf("\n") + 1; // the script's version, then what V8 wrote
    writeFileSync(cachePath(file), Buffer.concat([good.subarray(0, headerEnd), Buffer.alloc(good.length, 7)]));
    expect(run(file, true)).toEqual({ cache: "rejected", name: "program.cjs", sum: 6 });
    expect(run(file).cache).toBe("accepted");
  });

  it("a cache of another version of the script is not used, even of the same length (V8 compares only that)", () => {
    const file = script();
    run(file, true);
    const source = readFileSync(file, "utf8");
    const changed = source.replace("a + b", "a - b");
    expect(changed.length).toBe(source.length);
    writeFileSync(file, changed);
    utimesSync(file, new Date(), new Date(Date.now() + 5_000)); // a rebuild, seconds later
    expect(run(file, true)).toEqual({ cache: "stale", name: "program.cjs", sum: -6 }); // the new code runs
    expect(run(file)).toEqual({ cache: "accepted", name: "program.cjs", sum: -6 });
  });

  it("with an empty or foreign cache file the script runs from source", () => {
    const file = script();
    writeFileSync(cachePath(file), "");
    expect(run(file)).toEqual({ cache: "stale", name: "program.cjs", sum: 6 });
    writeFileSync(cachePath(file), "not a code cache at all");
    expect(run(file)).toEqual({ cache: "stale", name: "program.cjs", sum: 6 });
  });

  it("a cache that cannot be written costs only the speed: no error, no temporary file left", () => {
    const file = script();
    mkdirSync(join(cachePath(file), "in-the-way"), { recursive: true }); // a folder where the cache would go
    expect(run(file, true)).toEqual({ cache: "none", name: "program.cjs", sum: 6 });
    expect(readdirSync(join(file, "..")).sort()).toEqual(["program.cjs", "program.cjs.cache"]);
  });
});

/** A report without what differs between any two runs (times, request ids, the digest over them). */
function stable(json: string): unknown {
  const volatile = new Set(["startedAt", "finishedAt", "checkedAt", "at", "durationMs", "requestId", "integrity"]);
  return JSON.parse(json, (key, value: unknown) => (volatile.has(key) ? "…" : value));
}

describe("genai-lab check through the check bundle (dist/src/check.cjs)", () => {
  it("reports what the ES modules report, with a damaged cache too; the cache is good again after", async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "genai-lab-check-bundle-"));
    const bundleCache = cachePath(join(root, "dist", "src", "check.cjs"));
    writeFileSync(bundleCache, Buffer.from("damaged"));
    const args = ["check", "--format", "json", "--state-dir", stateDir];
    const bundled = await runBinary(args);
    const modules = await runBinary([...args, "--debug"]); // --debug takes the ES modules (bin/genai-lab.js)
    expect(bundled.stderr).toBe("");
    expect([bundled.code, modules.code]).toEqual([1, 1]); // a fresh lab: every check fails
    expect(stable(bundled.stdout)).toEqual(stable(modules.stdout));
    expect(stable(bundled.stdout)).toMatchObject({ lab: "monitoring-genai", summary: { failed: 4, total: 4 } });
    // Rewritten after the run (by this one, or by another test's check at the same time): V8 takes it.
    const again = await runBinary(args);
    expect(stable(again.stdout)).toEqual(stable(bundled.stdout));
    expect(readFileSync(bundleCache).subarray(0, 7).toString()).not.toBe("damaged");
    // …and V8 takes it in a new process: else every check would silently compile from source again.
    const probe = spawnSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { loadCachedScript } from ${JSON.stringify(codeCache)};
         process.stdout.write(loadCachedScript(${JSON.stringify(join(root, "dist", "src", "check.cjs"))}).cache);`,
      ],
      { encoding: "utf8" },
    );
    expect(probe.stdout).toBe("accepted");
  }, 30_000);
});
