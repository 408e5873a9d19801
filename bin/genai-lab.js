#!/usr/bin/env node
// Thin launcher: keeps start-up to one small import. `npm run build` writes dist/.
import { existsSync } from "node:fs";

const cli = new URL("../dist/src/cli.js", import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write("genai-lab is not built yet: run `npm run build` (or `npm start`) first.\n");
  process.exit(2);
}
const { runAsProgram } = await import(cli.href);
await runAsProgram();
