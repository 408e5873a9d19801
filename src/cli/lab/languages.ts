/**
 * "Both languages are complete", as `genai-lab lab check` and the lab's own tests judge it: every text has both
 * languages, prose is really translated (the Vietnamese differs from the English and, in sentences, carries its
 * diacritics), and a page has the same code blocks and links in each language, its commands identical but for
 * their comments.
 */
import type { Text } from "../../engine/text.js";

const DIACRITICS = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

/** Prose: at least two lowercase words of three letters or more (ids, field names and terms of art are not). */
function isProse(en: string): boolean {
  return (en.match(/\b[a-z]{3,}\b/g) ?? []).length >= 2;
}

/** What is wrong with one text, if anything. */
export function textProblems(text: Text): string[] {
  const found: string[] = [];
  if (!text.vi.trim()) found.push(`missing Vietnamese for "${text.en.slice(0, 60)}"`);
  if (!text.en.trim()) found.push(`missing English for "${text.vi.slice(0, 60)}"`);
  for (const side of [text.vi, text.en]) {
    if (/\[object Object\]|\bundefined\b|\bNaN\b/.test(side))
      found.push(`a value printed wrong: "${side.slice(0, 80)}"`);
  }
  if (isProse(text.en)) {
    if (text.vi === text.en) found.push(`not translated: "${text.en.slice(0, 80)}"`);
    // Short Vietnamese phrases can be diacritic-free ("Xem log trong CloudWatch"); sentences cannot.
    else if (text.vi.split(/\s+/).length >= 5 && !DIACRITICS.test(text.vi))
      found.push(`Vietnamese without diacritics: "${text.vi.slice(0, 80)}"`);
  }
  return found;
}

export function isText(value: unknown): value is Text {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Text).vi === "string" &&
    typeof (value as Text).en === "string"
  );
}

/** Every {vi, en} record anywhere inside `value`. */
export function textsIn(value: unknown, out: Text[] = []): Text[] {
  if (isText(value)) out.push(value);
  else if (Array.isArray(value)) for (const item of value) textsIn(item, out);
  else if (typeof value === "object" && value !== null) for (const item of Object.values(value)) textsIn(item, out);
  return out;
}

export const fences = (markdown: string): number => (markdown.match(/^```/gm) ?? []).length;
export const links = (markdown: string): string[] =>
  [...markdown.matchAll(/\]\((https?:[^)]+)\)/g)].map((m) => m[1] ?? "").sort();

/** The bodies of the page's code blocks of `language` (e.g. "bash"), in order. */
export function codeBlocks(markdown: string, language: string): string[] {
  return [...markdown.matchAll(new RegExp("^```" + language + "\\n([\\s\\S]*?)^```", "gm"))].map((m) => m[1] ?? "");
}

/** A page in both languages: the same code blocks (commands equal but for `#` comments) and the same links. */
export function pageProblems(page: Text): string[] {
  const found: string[] = [];
  if (fences(page.vi) !== fences(page.en)) found.push("the two languages have different numbers of code blocks");
  if (links(page.vi).join(" ") !== links(page.en).join(" ")) found.push("the two languages link to different pages");
  const commands = (markdown: string) =>
    codeBlocks(markdown, "bash").map((block) =>
      block
        .split("\n")
        .filter((line) => !line.trim().startsWith("#"))
        .join("\n"),
    );
  const [vi, en] = [commands(page.vi), commands(page.en)];
  vi.forEach((block, i) => {
    if (en[i] !== undefined && en[i] !== block) found.push(`bash block ${i + 1} differs between the languages`);
  });
  return found;
}
