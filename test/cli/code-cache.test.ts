import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cachePath, loadCachedScript } from "../../src/cli/code-cache.js";
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

const run = (file: string) => {
  const loaded = loadCachedScript(file);
  const sum = loaded.exports.sum as (...xs: number[]) => number;
  return { loaded, name: loaded.exports.name, sum: sum(1, 2, 3) };
};

describe("loadCachedScript", () => {
  it("runs a script without a cache, writes one after the run, and the next load is compiled from it", () => {
    const file = script();
    const first = run(file);
    expect([first.loaded.cache, first.name, first.sum]).toEqual(["none", "program.cjs", 6]);
    expect(existsSync(cachePath(file))).toBe(false); // written only when asked, after the run
    first.loaded.save();
    expect(readFileSync(cachePath(file)).length).toBeGreaterThan(0);

    const second = run(file);
    expect([second.loaded.cache, second.name, second.sum]).toEqual(["accepted", "program.cjs", 6]);
  });

  it("a cache V8 rejects (damaged, or another V8's) still runs the script, and is replaced by a good one", () => {
    const file = script();
    writeFileSync(cachePath(file), Buffer.from("not a V8 code cache at all, only some bytes"));
    const damaged = run(file);
    expect([damaged.loaded.cache, damaged.name, damaged.sum]).toEqual(["rejected", "program.cjs", 6]);
    damaged.loaded.save();
    expect(run(file).loaded.cache).toBe("accepted");
  });

  it("a cache that cannot be written costs only the speed: no error, no temporary file left", () => {
    const file = script();
    mkdirSync(join(cachePath(file), "in-the-way"), { recursive: true }); // a folder where the cache would go
    const loaded = run(file);
    expect([loaded.loaded.cache, loaded.sum]).toEqual(["none", 6]);
    expect(() => loaded.loaded.save()).not.toThrow();
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
  }, 30_000);
});
