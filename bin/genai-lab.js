#!/usr/bin/env node
// Thin launcher: keeps start-up to one small import. `npm run build` writes dist/ (scripts/build.js).
import { existsSync } from "node:fs";

const cli = new URL("../dist/src/cli.js", import.meta.url);
if (!existsSync(cli)) {
  // `npm install` builds it (the "prepare" script); a checkout installed with --ignore-scripts has not.
  process.stderr.write("genai-lab is not built yet: run `npm run build` (or `npm start`) first.\n");
  process.exit(2);
}
// dist/ is bundled: with --debug a stack trace names the source files and lines (src/…/*.ts) through the source
// maps beside it. Only then: reading the maps costs start-up time.
if (process.argv.includes("--debug")) process.setSourceMapsEnabled(true);
const { runAsProgram } = await import(cli.href);
await runAsProgram();
