/**
 * Module hooks for labs in folders of their own (registered by modules.ts, run by Node in its loader thread).
 * A lab folder has no node_modules and no build step:
 *
 *   ~/my-lab/lab.ts:  import { defineLab } from "genai-lab/kit";        → genai-lab's own dist/src/kit/index.js
 *                     import { IAMClient } from "@aws-sdk/client-iam";  → genai-lab's own node_modules
 *                     import { helper } from "./lib/helper.js";         → ./lib/helper.ts when only that exists
 *   every .ts file under a lab folder is loaded with its types stripped (sucrase), as Node ≥ 22 would.
 *
 * Only files under the registered lab folders are touched; everything else resolves and loads as Node does.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { transform } from "sucrase";

export interface HookData {
  /** Lab folders, as file URLs ending in "/". */
  labs: string[];
  /** A file URL inside genai-lab's package: bare imports a lab cannot resolve are resolved from here. */
  home: string;
}

type Resolved = { url: string; format?: string | null; shortCircuit?: boolean };
type NextResolve = (specifier: string, context: { parentURL?: string }) => Promise<Resolved>;
type NextLoad = (url: string, context: { format?: string | null }) => Promise<{ format: string; source: unknown }>;

let data: HookData = { labs: [], home: "" };

export function initialize(initial: HookData): void {
  data = initial;
}

const inLab = (url: string | undefined) => url !== undefined && data.labs.some((lab) => url.startsWith(lab));
const isBare = (specifier: string) => !/^(\.{0,2}\/|[a-z][a-z0-9+.-]*:)/i.test(specifier);

export async function resolve(
  specifier: string,
  context: { parentURL?: string },
  next: NextResolve,
): Promise<Resolved> {
  if (!inLab(context.parentURL)) return next(specifier, context);
  if (specifier.endsWith(".js") && !isBare(specifier)) {
    // TypeScript's convention: `./lib/helper.js` names lib/helper.ts before any build.
    const asJs = new URL(specifier, context.parentURL);
    const asTs = new URL(specifier.replace(/\.js$/, ".ts"), context.parentURL);
    if (!existsSync(fileURLToPath(asJs)) && existsSync(fileURLToPath(asTs)))
      return { url: asTs.href, shortCircuit: true };
  }
  try {
    return await next(specifier, context);
  } catch (error) {
    if (!isBare(specifier)) throw error;
    return next(specifier, { ...context, parentURL: data.home });
  }
}

export async function load(url: string, context: { format?: string | null }, next: NextLoad) {
  if (!url.endsWith(".ts") || !inLab(url)) return next(url, context);
  const path = fileURLToPath(url);
  const code = transform(readFileSync(path, "utf8"), {
    transforms: ["typescript"],
    disableESTransforms: true,
    filePath: path,
  }).code;
  return { format: "module", source: code, shortCircuit: true };
}
