/**
 * A step's prose, read from Markdown beside its code, one file per language (as Workshop Studio keeps one
 * `index.<locale>.md` per page):
 *
 *   steps/02-generate-sample-invocations/
 *     step.ts            code: actions, checks, short texts, and the `values` its Markdown may use
 *     body.vi.md         the page (required)
 *     body.en.md
 *     your-turn.vi.md    hands-on "Your turn" (optional): `## task`, `## console`, then the hint ladder as
 *     your-turn.en.md    `## hint 1`, `## hint 2`, … (a nudge, where to look, the exact command), each a section
 *
 * Loading checks what a translator can get wrong, naming the file: a language missing, a placeholder one language
 * has and the other lacks, a placeholder nothing fills, a section one language has and the other lacks.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { scanPlaceholders, TARGET_FIELDS } from "./placeholders.js";
import type { Lang, Text } from "./text.js";

export interface StepMarkdown {
  /** The page, with its placeholders unfilled (render.ts fills them). */
  body: Text;
  /** Your turn: the task in a sentence or two, and the console path; absent when the files say nothing. */
  task?: Text;
  console?: Text;
  /** The hint ladder, in order (`## hint 1`, `## hint 2`, …); absent when the files have none. */
  hints?: Text[];
}

export const YOUR_TURN_SECTIONS = ["task", "console"] as const;
/** `## task`, `## console`, or `## hint N` (the ladder's rungs, numbered from 1). */
type Section = (typeof YOUR_TURN_SECTIONS)[number] | `hint ${number}`;
const HINT = /^hint ([1-9][0-9]*)$/;

export interface MarkdownNames {
  /** The lab's parameter names (`{{params.NAME}}`); unknown when the manifest did not load (then any is accepted). */
  params?: readonly string[];
  /** The step's declared values (`{{NAME}}`). */
  values: readonly string[];
}

export interface MarkdownRead {
  markdown?: StepMarkdown;
  /** Every placeholder the step's Markdown uses, for the "declared but never used" check. */
  used: Set<string>;
  problems: string[];
}

const LANGS: readonly Lang[] = ["vi", "en"];

export function readStepMarkdown(stepDir: string, names: MarkdownNames, show: (file: string) => string): MarkdownRead {
  const problems: string[] = [];
  const used = new Set<string>();
  const file = (base: string, lang: Lang) => join(stepDir, `${base}.${lang}.md`);
  const read = (path: string) => (existsSync(path) ? readFileSync(path, "utf8").replace(/\r\n/g, "\n") : undefined);

  const body = { vi: read(file("body", "vi")), en: read(file("body", "en")) };
  for (const lang of LANGS) {
    const text = body[lang];
    if (text === undefined)
      problems.push(`${show(file("body", lang))}: missing (every step has body.vi.md and body.en.md)`);
    else if (!text.trim()) problems.push(`${show(file("body", lang))}: empty`);
  }
  if (body.vi?.trim() && body.en?.trim()) {
    comparePair({ vi: body.vi, en: body.en }, (lang) => show(file("body", lang)), names, used, problems);
  }

  const turn = { vi: read(file("your-turn", "vi")), en: read(file("your-turn", "en")) };
  const sections: Partial<Record<Section, Text>> = {};
  if ((turn.vi === undefined) !== (turn.en === undefined)) {
    const missing: Lang = turn.vi === undefined ? "vi" : "en";
    const other: Lang = missing === "vi" ? "en" : "vi";
    problems.push(`${show(file("your-turn", missing))}: missing (your-turn.${other}.md has no counterpart)`);
  } else if (turn.vi !== undefined && turn.en !== undefined) {
    const parsed = {
      vi: splitSections(turn.vi, show(file("your-turn", "vi")), problems),
      en: splitSections(turn.en, show(file("your-turn", "en")), problems),
    };
    const rungs = hintRungs(parsed, (lang) => show(file("your-turn", lang)), problems);
    for (const section of [...YOUR_TURN_SECTIONS, ...rungs.map((n): Section => `hint ${n}`)]) {
      const vi = parsed.vi[section] ?? "";
      const en = parsed.en[section] ?? "";
      if (!vi && !en) continue; // Not written yet: tolerated.
      if (!vi || !en) {
        const missing: Lang = vi ? "en" : "vi";
        problems.push(
          `${show(file("your-turn", missing))}: missing section ## ${section} (your-turn.${missing === "vi" ? "en" : "vi"}.md has it)`,
        );
        continue;
      }
      comparePair({ vi, en }, (lang) => `${show(file("your-turn", lang))} (## ${section})`, names, used, problems);
      sections[section] = { vi, en };
    }
  }

  if (problems.length > 0 || body.vi === undefined || body.en === undefined) return { used, problems };
  const hints = Object.keys(sections)
    .filter((key) => HINT.test(key))
    .sort((a, b) => hintNumber(a) - hintNumber(b))
    .map((key) => sections[key as Section]!);
  const markdown: StepMarkdown = {
    body: { vi: body.vi, en: body.en },
    ...(sections.task ? { task: sections.task } : {}),
    ...(sections.console ? { console: sections.console } : {}),
    ...(hints.length > 0 ? { hints } : {}),
  };
  return { markdown, used, problems };
}

const hintNumber = (key: string): number => Number(HINT.exec(key)?.[1] ?? 0);

/** The rungs the files number (`## hint 1`, `## hint 2`, …): from 1 without gaps, the same in both languages. */
function hintRungs(
  parsed: Record<Lang, Partial<Record<Section, string>>>,
  where: (lang: Lang) => string,
  problems: string[],
): number[] {
  const numbers = (lang: Lang) =>
    Object.keys(parsed[lang])
      .filter((key) => HINT.test(key))
      .map(hintNumber)
      .sort((a, b) => a - b);
  const all = [...new Set([...numbers("vi"), ...numbers("en")])].sort((a, b) => a - b);
  for (const lang of LANGS) {
    const own = numbers(lang);
    if (own.some((n, i) => n !== i + 1))
      problems.push(
        `${where(lang)}: the hints must be numbered ## hint 1, ## hint 2, … without gaps (found ${own.join(", ")})`,
      );
  }
  return all;
}

/** `## task` / `## console` sections of a your-turn file; nothing but blank lines may come before the first. */
function splitSections(source: string, where: string, problems: string[]): Partial<Record<Section, string>> {
  const out: Partial<Record<Section, string>> = {};
  let current: Section | undefined;
  let inSection = false; // true under any `##` heading, a known one or not (an unknown one's text is not blamed twice)
  let lines: string[] = [];
  const close = () => {
    if (current) out[current] = lines.join("\n").trim();
    lines = [];
  };
  for (const [index, line] of source.split("\n").entries()) {
    const heading = /^##\s+(.+?)\s*$/.exec(line);
    if (heading) {
      const key = heading[1]!;
      close();
      inSection = true;
      if (!(YOUR_TURN_SECTIONS as readonly string[]).includes(key) && !HINT.test(key)) {
        problems.push(
          `${where}:${index + 1}: unknown section "## ${key}" (the sections are ## task, ## console and ## hint 1, ## hint 2, …)`,
        );
        current = undefined;
      } else if (key in out) {
        problems.push(`${where}:${index + 1}: section "## ${key}" appears twice`);
        current = undefined;
      } else {
        current = key as Section;
      }
      continue;
    }
    if (current) lines.push(line);
    else if (!inSection && line.trim()) {
      problems.push(
        `${where}:${index + 1}: text before the first section (start with ## task, ## console or ## hint 1)`,
      );
      return out;
    }
  }
  close();
  return out;
}

/** Placeholders of one text in both languages: well formed, known, and the same set in each. */
function comparePair(
  text: Text,
  where: (lang: Lang) => string,
  names: MarkdownNames,
  used: Set<string>,
  problems: string[],
): void {
  const scans = { vi: scanPlaceholders(text.vi), en: scanPlaceholders(text.en) };
  for (const lang of LANGS) {
    for (const line of scans[lang].malformed) {
      problems.push(`${where(lang)}: line ${line}: a "{{" that is not a placeholder (write {{name}})`);
    }
    for (const name of scans[lang].names) {
      const unknown = unknownPlaceholder(name, names);
      if (unknown) problems.push(`${where(lang)}: unknown placeholder {{${name}}}: ${unknown}`);
      used.add(name);
    }
  }
  for (const lang of LANGS) {
    const other: Lang = lang === "vi" ? "en" : "vi";
    for (const name of scans[other].names) {
      if (!scans[lang].names.includes(name)) {
        problems.push(`${where(lang)}: missing placeholder {{${name}}} (the ${other} text uses it)`);
      }
    }
  }
}

function unknownPlaceholder(name: string, names: MarkdownNames): string | undefined {
  const [head, field] = name.includes(".") ? name.split(".") : [undefined, name];
  if (head === "params") {
    return !names.params || names.params.includes(field!)
      ? undefined
      : `the lab has no parameter "${field}" (parameters: ${names.params.join(", ") || "none"})`;
  }
  if (head === "target") {
    return (TARGET_FIELDS as readonly string[]).includes(field!)
      ? undefined
      : `the target has no "${field}" (use ${TARGET_FIELDS.map((f) => `target.${f}`).join(", ")})`;
  }
  if (head !== undefined) return `names are params.NAME, target.FIELD or one of the step's values`;
  return names.values.includes(name)
    ? undefined
    : `the step declares no value "${name}" (values: ${names.values.join(", ") || "none"}; parameters are {{params.NAME}})`;
}
