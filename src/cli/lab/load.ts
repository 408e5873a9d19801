/** The lab a command works on: `--lab DIR` (any folder, TypeScript or JavaScript), else the built-in one. */
import { builtInLabDir, loadLab, type LoadedLab } from "../../engine/loader.js";
import { allowLabModules } from "./modules.js";

export async function loadChosenLab(dir: string | undefined): Promise<LoadedLab> {
  if (dir === undefined) return loadLab(builtInLabDir());
  allowLabModules(dir);
  return loadLab(dir);
}
