/**
 * Loads a lab: `lab.(ts|js)` (the manifest), `clients.(ts|js)` (its AWS clients, optional) and one folder per step,
 * `NN-kebab-name/step.(ts|js)`, in number order.
 * Every module is validated when loaded; all problems are reported at once, each naming the file and the field.
 * From compiled code (dist/) it loads `.js`; under the test runner, which runs TypeScript, it loads `.ts`.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import type { Check, LabManifest, Step } from "./contract.js";
import { providedModule } from "./bundled-modules.js";
import { builtInLabDir, fromSource } from "./install.js";
import { clientsSchema, describeIssues, labSchema, stepSchema } from "./schema.js";
import { readStepMarkdown, type StepMarkdown } from "./step-markdown.js";
import { UsageError } from "./usage-error.js";

export interface LoadedStep {
  step: Step;
  /** The step's module, NN-name/step.(ts|js). */
  file: string;
  number: number;
  /** The step's prose from its Markdown files, placeholders unfilled (render.ts fills them). */
  markdown: StepMarkdown;
}

export interface LoadedLab {
  dir: string;
  manifest: LabManifest;
  steps: LoadedStep[];
  /** Every check of the lab by id, with the step it belongs to. */
  checks: Map<string, { step: Step; check: Check }>;
}

export class LabLoadError extends UsageError {
  readonly problems: string[];

  constructor(dir: string, problems: string[]) {
    const list = problems.map((problem) => `  - ${problem}`).join("\n");
    super({
      vi: `Bài lab trong ${dir} có ${problems.length} lỗi:\n${list}`,
      en: `The lab in ${dir} has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n${list}`,
    });
    this.name = "LabLoadError";
    this.problems = problems;
  }
}

const STEP_DIR = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/**
 * Step folders in order. Their names (STEP_DIR: digits, lowercase letters, dashes) sort by code unit exactly as
 * `localeCompare` sorts them, without ICU's collator: its first use costs a process ~6 ms.
 */
export function byFolderName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export { builtInLabDir };

function moduleExtension(): "ts" | "js" {
  return fromSource ? "ts" : "js";
}

/**
 * `ext`: which modules to load, .ts or .js. By default genai-lab's own (compiled code loads .js, the test runner
 * .ts), unless the folder has only the other: a lab an author writes in TypeScript runs without a build step (the
 * CLI registers a loader for it first, src/cli/lab/modules.ts).
 */
export async function loadLab(dir: string, ext?: "ts" | "js"): Promise<LoadedLab> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new LabLoadError(dir, [`${dir}: the directory cannot be read (does it exist?)`]);
  }
  if (ext === undefined) {
    const own = moduleExtension();
    const other = own === "ts" ? "js" : "ts";
    ext = !names.includes(`lab.${own}`) && names.includes(`lab.${other}`) ? other : own;
  }
  const problems: string[] = [];
  const show = (file: string) => relative(process.cwd(), file) || file;
  prefetch(dir, names, ext);

  const labFile = join(dir, `lab.${ext}`);
  let manifest: LabManifest | undefined;
  if (!names.includes(`lab.${ext}`)) {
    problems.push(`${show(labFile)}: missing (every lab has a manifest exporting \`lab\`)`);
  } else {
    const value = await importExport(labFile, "lab", problems, show);
    if (value !== undefined) {
      const parsed = labSchema.safeParse(value);
      if (parsed.success) manifest = value as LabManifest;
      else problems.push(...describeIssues("lab", parsed.error).map((p) => `${show(labFile)}: ${p}`));
    }
  }
  // The lab's AWS clients live beside the manifest, so that reading the manifest alone never loads the SDK.
  if (names.includes(`clients.${ext}`)) {
    const clientsFile = join(dir, `clients.${ext}`);
    const value = await importExport(clientsFile, "clients", problems, show);
    if (value !== undefined) {
      const parsed = clientsSchema.safeParse(value);
      if (!parsed.success) {
        problems.push(...describeIssues("clients", parsed.error).map((p) => `${show(clientsFile)}: ${p}`));
      } else if (manifest)
        manifest = { ...manifest, clients: { ...manifest.clients, ...(value as LabManifest["clients"]) } };
    }
  }

  const stepFiles = names
    .map((name) => ({ name, match: STEP_DIR.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .filter(({ name }) => isDirectory(join(dir, name)))
    .sort((a, b) => byFolderName(a.name, b.name));
  if (stepFiles.length === 0)
    problems.push(`${show(dir)}: no steps (expected folders named NN-kebab-name/ holding step.${ext})`);

  const steps: LoadedStep[] = [];
  const first = Number(stepFiles[0]?.match[1] ?? 0);
  if (first > 1) problems.push(`${show(join(dir, stepFiles[0]?.name ?? ""))}: numbering must start at 00 or 01`);
  for (const [index, { name, match }] of stepFiles.entries()) {
    const file = join(dir, name, `step.${ext}`);
    const number = Number(match[1]);
    if (number !== first + index) {
      problems.push(`${show(file)}: numbering gap or duplicate (expected ${String(first + index).padStart(2, "0")}-…)`);
    }
    const value = await importExport(file, "step", problems, show);
    if (value === undefined) continue;
    const parsed = stepSchema.safeParse(value);
    if (!parsed.success) {
      problems.push(...describeIssues("step", parsed.error).map((p) => `${show(file)}: ${p}`));
      continue;
    }
    const step = value as Step;
    if (step.id !== match[2])
      problems.push(`${show(file)}: step.id "${step.id}" must match the folder name ("${match[2]}")`);
    const values = Object.keys(step.values ?? {});
    const read = readStepMarkdown(
      join(dir, name),
      { ...(manifest ? { params: Object.keys(manifest.parameters) } : {}), values },
      show,
    );
    problems.push(...read.problems);
    for (const unused of values.filter((value) => !read.used.has(value))) {
      problems.push(`${show(file)}: step.values.${unused}: no Markdown file of the step uses {{${unused}}}`);
    }
    if (read.markdown?.hints && step.hints?.length)
      problems.push(`${show(file)}: step.hints: the hints are also in your-turn.*.md (## hint N); keep one ladder`);
    if (read.markdown) steps.push({ step, file, number, markdown: read.markdown });
  }

  // When a step could not be read, its checks are unknown: do not also blame the checklist for them.
  const complete = steps.length === stepFiles.length;
  const checks = crossCheck(steps, complete ? manifest : undefined, problems, show);
  if (problems.length > 0 || !manifest) throw new LabLoadError(show(dir), problems);
  return { dir, manifest, steps, checks };
}

const EXAMPLE_EXPORT: Record<string, string> = {
  lab: "export const lab = defineLab({…})",
  step: "export const step = defineStep({…})",
  clients: "export const clients = { logs: awsClient(CloudWatchLogsClient), … }",
};

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Starts importing the lab's modules (manifest, clients, steps) all at once: Node reads module files off the main
 * thread, so the steps' reading overlaps the manifest's compiling instead of waiting for it. loadLab still takes
 * them in order, importing each again (the same module) and reporting its problems there.
 */
function prefetch(dir: string, names: string[], ext: "ts" | "js"): void {
  const files = [`lab.${ext}`, `clients.${ext}`]
    .filter((name) => names.includes(name))
    .map((name) => join(dir, name))
    .concat(names.filter((name) => STEP_DIR.test(name)).map((name) => join(dir, name, `step.${ext}`)))
    .filter((file) => providedModule(file) === undefined && existsSync(file));
  for (const file of files) void import(pathToFileURL(file).href).catch(() => undefined);
}

async function importExport(
  file: string,
  name: string,
  problems: string[],
  show: (file: string) => string,
): Promise<unknown> {
  let module: Record<string, unknown>;
  try {
    module = providedModule(file) ?? ((await import(pathToFileURL(file).href)) as Record<string, unknown>);
  } catch (error) {
    problems.push(`${show(file)}: cannot be loaded: ${(error as Error).message}`);
    return undefined;
  }
  if (!(name in module) || module[name] === undefined) {
    problems.push(`${show(file)}: missing export \`${name}\` (${EXAMPLE_EXPORT[name] ?? `export const ${name} = …`})`);
    return undefined;
  }
  return module[name];
}

function crossCheck(
  steps: LoadedStep[],
  manifest: LabManifest | undefined,
  problems: string[],
  show: (file: string) => string,
): Map<string, { step: Step; check: Check }> {
  const stepIds = new Map<string, string>();
  const checks = new Map<string, { step: Step; check: Check }>();
  for (const { step, file } of steps) {
    const other = stepIds.get(step.id);
    if (other)
      problems.push(
        `${show(file)}: duplicate step id "${step.id}" (also in ${basename(dirname(other))}/${basename(other)})`,
      );
    stepIds.set(step.id, file);
    const actionIds = new Set<string>();
    for (const [i, action] of step.actions.entries()) {
      if (actionIds.has(action.id))
        problems.push(`${show(file)}: step.actions[${i}].id: duplicate action id "${action.id}"`);
      actionIds.add(action.id);
    }
    for (const [i, check] of step.checks.entries()) {
      if (checks.has(check.id)) problems.push(`${show(file)}: step.checks[${i}].id: duplicate check id "${check.id}"`);
      else checks.set(check.id, { step, check });
    }
  }
  if (manifest) {
    const seen = new Set<string>();
    for (const [i, entry] of manifest.checklist.entries()) {
      if (!checks.has(entry.id)) {
        problems.push(
          `lab.checklist[${i}].id: unknown checklist id "${entry.id}" (no step declares a check with that id)`,
        );
      }
      if (seen.has(entry.id)) problems.push(`lab.checklist[${i}].id: "${entry.id}" is listed twice`);
      seen.add(entry.id);
    }
    for (const [i, entry] of (manifest.bonus ?? []).entries()) {
      if (!checks.has(entry.id)) problems.push(`lab.bonus[${i}].id: unknown check id "${entry.id}"`);
      if (seen.has(entry.id)) problems.push(`lab.bonus[${i}].id: "${entry.id}" is already listed`);
      seen.add(entry.id);
    }
  }
  return checks;
}

/** The manifest alone (lab.ts), validated: for commands that need the lab's parameters but none of its steps. */
export async function loadManifest(dir: string, ext: "ts" | "js" = moduleExtension()): Promise<LabManifest> {
  const problems: string[] = [];
  const show = (file: string) => relative(process.cwd(), file) || file;
  const file = join(dir, `lab.${ext}`);
  const value = await importExport(file, "lab", problems, show);
  if (value !== undefined) {
    const parsed = labSchema.safeParse(value);
    if (parsed.success) return value as LabManifest;
    problems.push(...describeIssues("lab", parsed.error).map((p) => `${show(file)}: ${p}`));
  }
  throw new LabLoadError(show(dir), problems);
}
