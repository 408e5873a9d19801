/**
 * `npm run build` compiles the labs' code into dist/; their Markdown (body.vi.md, body.en.md, your-turn.*.md) is
 * not code, so it is copied beside the compiled step modules here: dist/steps/02-…/step.js reads
 * dist/steps/02-…/body.en.md as steps/02-…/step.ts reads steps/02-…/body.en.md.
 *
 * Compiled folders whose source is gone are removed first (pruneStaleFolders).
 *
 *   node dist/src/build/lab-assets.js      (after tsc, from the package root)
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
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

/**
 * Removes the folders under `root/dist/<folder>` whose source folder is gone: tsc never deletes output, so a step
 * renamed in the source (05-cleanup → 06-cleanup) would otherwise leave its old compiled copy behind, and the lab
 * in dist would refuse to load (two steps numbered 05, a duplicate id). Returns the folders removed.
 */
export function pruneStaleFolders(root: string, folders: readonly string[] = LAB_FOLDERS): string[] {
  const removed: string[] = [];
  const walk = (built: string) => {
    for (const entry of readdirSync(built, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const path = join(built, entry.name);
      if (existsSync(join(root, relative(join(root, "dist"), path)))) walk(path);
      else {
        rmSync(path, { recursive: true, force: true });
        removed.push(relative(root, path));
      }
    }
  };
  for (const folder of folders) if (existsSync(join(root, "dist", folder))) walk(join(root, "dist", folder));
  return removed;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL("../../../", import.meta.url));
  pruneStaleFolders(root);
  copyLabAssets(root);
}
