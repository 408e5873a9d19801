/**
 * `npm run bench [-- name ...]`: runs each benchmark (bench/<name>/index.ts, compiled to dist/bench/<name>/index.js)
 * in its own Node process, one after another, so they do not disturb each other's timings.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const all = readdirSync(here, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(`${here}${entry.name}/index.js`))
  .map((entry) => entry.name)
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !all.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(", ")}. Available: ${all.join(", ") || "(none)"}`);
  process.exit(2);
}
let failed = 0;
for (const name of wanted.length > 0 ? wanted : all) {
  console.log(`\n== bench/${name} ==`);
  const result = spawnSync(process.execPath, ["--expose-gc", `${here}${name}/index.js`], {
    stdio: "inherit",
    // The SDK's notice about its own future Node requirement is noise in benchmark output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", ...process.env },
  });
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
