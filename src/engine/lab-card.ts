/**
 * What the welcome card says about a lab (title, goal, duration, exam domain, prerequisites), read from its
 * manifest module as fast as it can be: before the session opens, so that the TUI's first frame is the lab's card
 * rather than a placeholder. The manifest is imported as it is, without loader.ts's validation (which brings zod)
 * and without the steps (which bring the AWS SDK); the session loads and validates it again right after, and reports
 * any problem then. So a manifest that cannot be read or does not look right gives no card, never an error.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { LabManifest } from "./contract.js";
import { fromSource } from "./install.js";
import type { Text } from "./text.js";

export type LabCard = Pick<LabManifest, "title" | "goal" | "durationMinutes" | "examDomain" | "prerequisites">;

const isText = (value: unknown): value is Text =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as Text).vi === "string" &&
  typeof (value as Text).en === "string";

/** The card of the lab in `dir` (its lab.js, or lab.ts where only that exists), or undefined. */
export async function readLabCard(dir: string): Promise<LabCard | undefined> {
  const own = fromSource ? "ts" : "js";
  const file = [own, own === "ts" ? "js" : "ts"].map((ext) => join(dir, `lab.${ext}`)).find((f) => existsSync(f));
  if (file === undefined) return undefined;
  let lab: unknown;
  try {
    lab = ((await import(pathToFileURL(file).href)) as { lab?: unknown }).lab;
  } catch {
    return undefined; // the session's loader reports it, naming the file
  }
  const m = lab as Partial<LabCard> | undefined;
  const fits =
    m !== undefined &&
    isText(m.title) &&
    isText(m.goal) &&
    isText(m.examDomain) &&
    typeof m.durationMinutes === "number" &&
    Array.isArray(m.prerequisites) &&
    m.prerequisites.every(isText);
  if (!fits) return undefined;
  const { title, goal, durationMinutes, examDomain, prerequisites } = m as LabCard;
  return { title, goal, durationMinutes, examDomain, prerequisites };
}
