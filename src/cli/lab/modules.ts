/**
 * Lets Node load a lab from any folder: its TypeScript without a build step, and genai-lab's kit and the AWS SDK
 * from genai-lab's own install (hooks.ts says how). Registered once per folder, before the lab loads; labs inside
 * genai-lab's package (steps/, compiled to dist/steps/) need none of it.
 */
import { register } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { fromSource, labHooksPath } from "../../engine/install.js";
import type { HookData } from "./hooks.js";

const registered = new Set<string>();

export function allowLabModules(dir: string): void {
  const folder = resolve(dir);
  // Under the test runner genai-lab is TypeScript run by Vite, which resolves and strips types itself.
  if (registered.has(folder) || fromSource) return;
  registered.add(folder);
  const data: HookData = { labs: [pathToFileURL(`${folder}/`).href], home: import.meta.url };
  register(pathToFileURL(labHooksPath()), { data });
}
