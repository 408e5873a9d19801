#!/usr/bin/env node
// Thin launcher: keeps start-up to one small import. `npm run build` writes dist/ (scripts/build.js).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const cli = new URL("../dist/src/cli.js", import.meta.url);
if (!existsSync(cli)) {
  // `npm install` builds it (the "prepare" script); a checkout installed with --ignore-scripts has not.
  process.stderr.write("genai-lab is not built yet: run `npm run build` (or `npm start`) first.\n");
  process.exit(2);
}
// `genai-lab check` on the built-in lab: the same program as one script with the lab inside it, compiled from V8's
// code cache (src/cli/code-cache.ts). Not for a lab of its own folder (--lab: its modules import the kit of
// dist/src/), nor with --debug (the source maps below are for the ES modules).
const args = process.argv.slice(2);
const checkBundle = new URL("../dist/src/check.cjs", import.meta.url);
if (args[0] === "check" && !args.some((arg) => /^--(lab|debug)(=|$)/.test(arg)) && existsSync(checkBundle)) {
  const { runCachedProgram } = await import(new URL("../dist/src/cli/code-cache.js", import.meta.url).href);
  await runCachedProgram(fileURLToPath(checkBundle));
} else {
  // dist/ is bundled: with --debug a stack trace names the source files and lines (src/…/*.ts) through the source
  // maps beside it. Only then: reading the maps costs start-up time.
  if (process.argv.includes("--debug")) process.setSourceMapsEnabled(true);
  const { runAsProgram } = await import(cli.href);
  await runAsProgram();
}
