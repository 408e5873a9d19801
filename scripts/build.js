/**
 * `npm run build`: dist/ as genai-lab runs it. Start-up time is mostly Node reading, compiling and linking modules
 * (a CPU profile of `genai-lab check` before this showed about 60% of its time there, over ~480 files), so the
 * program is bundled with esbuild into a few files, split at its lazy `import()`s so that `--help` reads only what
 * it prints and the TUI draws its first frame before the AWS SDK and the sandbox are read:
 *
 *   dist/src/cli.js             the program (bin/genai-lab.js imports it)
 *   dist/src/kit/index.js       genai-lab/kit, for labs in folders of their own (package.json "exports")
 *   dist/src/cli/lab/hooks.js   the module hooks that load such labs (src/engine/install.ts names this path)
 *   dist/src/sandbox/index.js   the sandbox, for programs that start it (tests run it in a child process)
 *   dist/src/check.cjs          `genai-lab check` as one CommonJS script with the built-in lab inside, which
 *                               bin/genai-lab.js runs through V8's code cache (dist/src/cli/code-cache.js; the
 *                               cache, check.cjs.cache, is written beside it after the first run)
 *   dist/steps/…                the built-in lab: lab.js (the manifest alone), and clients.js and NN-name/step.js,
 *                               each loaded by path, re-exporting from lab-modules.js (all of them in one module)
 *   dist/src/chunks/            what they share, each module once (one copy of the kit, zod and the SDK)
 *   dist/src/kit/*.d.ts …       the kit's types, for lab authors' editors (tsc, declarations only)
 *   dist/test/fixtures/…        the test labs, compiled file by file as a lab author's own build would
 *   dist/test/engine/file-lock.js  the file lock alone, for a test's child processes
 *   dist/bench/…                the benchmarks (npm run bench), bundled apart from the program
 *
 * The built-in lab's clients and steps are one module because every session loads them all: apart, esbuild splits
 * what they share into a chunk per combination of steps that uses it (~25 files more for `genai-lab check` to read
 * and link). The manifest stays apart: the TUI draws the lab's card, and `genai-lab env` works, from it alone.
 *
 * The labs' Markdown is copied beside their compiled steps. Source maps go beside every file; `--debug` turns
 * them on (bin/genai-lab.js) so a stack trace names src/… lines.
 *
 *   node scripts/build.js            everything
 *   node scripts/build.js --no-types without the declarations (npm start: they are for lab authors' editors)
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../", import.meta.url));
const dist = join(root, "dist");
const withTypes = !process.argv.includes("--no-types");

/** Node 20: what `engines` promises. */
const TARGET = "node20";

/** The built-in lab's modules the loader imports by path (src/engine/loader.ts): the manifest, clients, steps. */
function labEntries(dir) {
  const names = readdirSync(join(root, dir));
  const steps = names.filter((name) => /^\d{2}-/.test(name) && statSync(join(root, dir, name)).isDirectory());
  return [
    ...["lab.ts", "clients.ts"].filter((name) => names.includes(name)).map((name) => `${dir}/${name}`),
    ...steps.map((step) => `${dir}/${step}/step.ts`).filter((file) => existsSync(join(root, file))),
  ];
}

/** The built-in lab's modules bundled as one (lab-modules.js): clients.ts and the steps, each under a name of its own. */
const LAB_MODULES = "steps/lab-modules";
const labModules = labEntries("steps")
  .filter((file) => file !== "steps/lab.ts")
  .map((file, index) => ({ file, name: file.endsWith("/clients.ts") ? "clients" : "step", as: `module${index}` }));

/** The entry `genai-lab:built-in-lab`: a module re-exporting every one of `labModules`. */
const builtInLabModules = {
  name: "built-in-lab-modules",
  setup(b) {
    b.onResolve({ filter: /^genai-lab:built-in-lab$/ }, () => ({ path: "built-in-lab", namespace: "built-in-lab" }));
    b.onLoad({ filter: /.*/, namespace: "built-in-lab" }, () => ({
      resolveDir: root,
      loader: "js",
      contents: labModules.map(({ file, name, as }) => `export { ${name} as ${as} } from "./${file}";`).join("\n"),
    }));
  },
};

/** Each module of `labModules` at its own path, as the loader imports it, re-exporting its part of lab-modules.js. */
function writeLabModuleFiles() {
  for (const { file, name, as } of labModules) {
    const out = join(dist, file.replace(/\.ts$/, ".js"));
    const from = relative(dirname(out), join(dist, `${LAB_MODULES}.js`));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `export { ${as} as ${name} } from "${from.startsWith(".") ? from : `./${from}`}";\n`);
  }
}

function filesUnder(dir, test) {
  const found = [];
  const walk = (at) => {
    for (const entry of readdirSync(join(root, at), { withFileTypes: true })) {
      const path = `${at}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (test(entry.name)) found.push(path);
    }
  };
  walk(dir);
  return found;
}

/**
 * esbuild gives a CommonJS package imported with `await import("pkg")` only a default export once bundled (Node
 * itself would find the named ones), so `const { X } = await import("pkg")` would get undefined at run time. Our
 * code imports packages statically, from a module that is itself loaded lazily (src/aws/clients.ts); this keeps it so.
 */
const noDynamicPackageImports = {
  name: "no-dynamic-package-imports",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind !== "dynamic-import" || args.importer.includes("node_modules") || args.path.startsWith("node:"))
        return undefined;
      return {
        errors: [
          {
            text: `import("${args.path}") in ${relative(root, args.importer)}: import the package statically from a module that is itself imported lazily (see scripts/build.js)`,
          },
        ],
      };
    });
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  format: "esm",
  platform: "node",
  target: TARGET,
  sourcemap: "linked",
  sourcesContent: false,
  logLevel: "warning",
  jsx: "automatic",
  // Bundled CommonJS (React, parts of the SDK) calls require() for Node's built-ins: give the ES modules one.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
};

/** How the program is bundled, as ES modules and as the check bundle. */
const program = {
  // The SDK's ES module builds, not its CommonJS ones: only the commands and schemas genai-lab uses are kept.
  mainFields: ["module", "main"],
  alias: { "genai-lab/kit": "./src/kit/index.ts" },
  // React's production build, as any shipped Ink app runs it (development adds checks and warnings only).
  define: { "process.env.NODE_ENV": '"production"' },
  // A native addon, found by its own loader; Ink's devtools load only under DEV=true and are not installed.
  external: ["better-sqlite3", "react-devtools-core"],
  minifyWhitespace: true,
  minifySyntax: true,
};

/**
 * The check bundle, dist/src/check.cjs: the program and the built-in lab as one CommonJS script, which
 * bin/genai-lab.js runs for `genai-lab check` through V8's code cache (src/cli/code-cache.ts). Its entry provides
 * the lab's modules to the loader (src/engine/bundled-modules.ts) and exports what cli.js exports.
 */
const CHECK_BUNDLE = "src/check.cjs";
function checkEntry() {
  const files = labEntries("steps");
  return [
    'import { provideLabModules } from "./src/engine/bundled-modules.ts";',
    'import { builtInLabDir } from "./src/engine/install.ts";',
    ...files.map((file, index) => `import * as lab${index} from "./${file}";`),
    `provideLabModules(builtInLabDir(), { ${files
      .map((file, index) => `${JSON.stringify(file.replace(/^steps\//, "").replace(/\.ts$/, ".js"))}: lab${index}`)
      .join(", ")} });`,
    'export * from "./src/cli.tsx";',
  ].join("\n");
}

/** In the check bundle, the other commands (bin/genai-lab.js runs it for `check` alone): a stub each, not loaded. */
const checkOnly = {
  name: "check-only",
  setup(b) {
    b.onResolve({ filter: /^\.\/cli\/commands\/[\w-]+\.js$/ }, (args) => {
      if (args.kind !== "dynamic-import" || !/[\\/]src[\\/]cli\.tsx$/.test(args.importer)) return undefined;
      if (args.path === "./cli/commands/check.js") return undefined;
      return { path: args.path, namespace: "check-only" };
    });
    b.onLoad({ filter: /.*/, namespace: "check-only" }, (args) => ({
      loader: "js",
      contents: `throw new Error(${JSON.stringify(`${args.path} is not in the check bundle (bin/genai-lab.js runs it for check alone)`)});`,
    }));
  },
};

const started = performance.now();
for (const part of ["src", "steps", "bench", "test"]) rmSync(join(dist, part), { recursive: true, force: true });

await Promise.all([
  // The program, its lab, and what it lends to other labs and to programs that start the sandbox.
  build({
    ...common,
    entryPoints: [
      "src/cli.tsx",
      "src/kit/index.ts",
      "src/cli/lab/hooks.ts",
      "src/cli/code-cache.ts",
      "src/sandbox/index.ts",
      "steps/lab.ts",
      { in: "genai-lab:built-in-lab", out: LAB_MODULES },
    ],
    outdir: dist,
    outbase: root,
    splitting: true,
    chunkNames: "src/chunks/[name]-[hash]",
    ...program,
    plugins: [noDynamicPackageImports, builtInLabModules],
  }),
  // The check bundle: one script, no chunks; `import.meta.url` is the script's own URL, as in an ES module.
  build({
    ...common,
    stdin: { contents: checkEntry(), resolveDir: root, sourcefile: "check-entry.js", loader: "js" },
    outfile: join(dist, CHECK_BUNDLE),
    format: "cjs",
    // No import() left in it: a script compiled from V8's code cache has no dynamic-import callback on Node 20.
    supported: { "dynamic-import": false },
    ...program,
    define: { ...program.define, "import.meta.url": "__genaiLabUrl" },
    banner: { js: 'var __genaiLabUrl = require("node:url").pathToFileURL(__filename).href;' },
    plugins: [noDynamicPackageImports, checkOnly],
    sourcemap: false, // --debug takes the ES modules (bin/genai-lab.js)
  }),
  // The benchmarks: bundled on their own (they reach into the sandbox's internals), packages left to Node.
  build({
    ...common,
    entryPoints: ["bench/run.ts", ...filesUnder("bench", (name) => name === "index.ts")],
    outdir: join(dist, "bench"),
    outbase: join(root, "bench"),
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    packages: "external",
  }),
  // The baseline of bench/startup: a bare Ink app as anyone writes one, not bundled.
  build({
    ...common,
    bundle: false,
    entryPoints: ["bench/startup/ink-hello.tsx"],
    outdir: join(dist, "bench", "startup"),
  }),
  // What a test runs in child processes of its own: the file lock (test/engine/fixtures/lock-worker.js), a module
  // the program's bundle does not keep at a path of its own.
  build({
    ...common,
    bundle: false,
    banner: {},
    entryPoints: ["src/engine/file-lock.ts"],
    outdir: join(dist, "test", "engine"),
  }),
  // The test labs, file by file ("genai-lab/kit" resolves to the kit above through package.json's exports).
  build({
    ...common,
    bundle: false,
    banner: {},
    entryPoints: filesUnder("test/fixtures", (name) => /\.tsx?$/.test(name) && !name.endsWith(".d.ts")),
    outdir: join(dist, "test", "fixtures"),
    outbase: join(root, "test", "fixtures"),
  }),
]);

writeLabModuleFiles();
// The labs' pages are read from disk beside their step modules.
for (const folder of ["steps", "test/fixtures"]) {
  for (const file of filesUnder(folder, (name) => name.endsWith(".md"))) {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    copyFileSync(join(root, file), join(dist, file));
  }
}

if (withTypes) {
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
if (process.env.GENAI_LAB_BUILD_QUIET === undefined)
  console.log(`built dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
