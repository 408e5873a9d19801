/**
 * `npm run build` compiles the labs' code into dist/; their Markdown (body.vi.md, body.en.md, your-turn.*.md) is
 * not code, so it is copied beside the compiled step modules here: dist/steps/02-…/step.js reads
 * dist/steps/02-…/body.en.md as steps/02-…/step.ts reads steps/02-…/body.en.md.
 *
 *   node dist/src/build/lab-assets.js      (after tsc, from the package root)
 */
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The folders holding labs whose Markdown the compiled code needs. */
export const LAB_FOLDERS = ["steps", "test/fixtures"];

/** Copies every .md file under `folders` of `root` to the same place under `root/dist`; returns how many. */
export function copyLabAssets(root: string, folders: readonly string[] = LAB_FOLDERS): number {
  let copied = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".md")) {
        const target = join(root, "dist", relative(root, path));
        mkdirSync(join(target, ".."), { recursive: true });
        copyFileSync(path, target);
        copied += 1;
      }
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return copied;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  copyLabAssets(fileURLToPath(new URL("../../../", import.meta.url)));
}
