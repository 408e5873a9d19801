/**
 * Small pieces of the text a learner pastes: shell heredocs that write the files a command reads (`file://`,
 * `fileb://`: forms AWS CLI v1 and v2 both accept), JSON strings embedded in shell and Python, and the one
 * place that says which values every step's commands use.
 */
import { shq, type Lang, type Text, type ValueContext } from "genai-lab/kit";
import type { LabParams } from "../../lab.js";

/** What every step's commands are built from: the learner's own Region, account, names and the chosen model. */
export type ByHandCtx = Pick<ValueContext<LabParams>, "params" | "target" | "facts" | "ledger">;

/**
 * `cat > FILE <<'EOF' … EOF`: the content exactly as written (a quoted delimiter expands nothing), so a pasted
 * block creates the file the next command reads instead of pointing at a file that exists nowhere.
 */
export function heredoc(file: string, content: string): string {
  return `cat > ${file} <<'EOF'\n${content}\nEOF`;
}

/** A string as it sits inside JSON quotes (for a `printf` template that fills a JSON document). */
export function jsonInner(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/** A Python string literal: JSON's string syntax is valid Python. */
export const py = (value: string): string => JSON.stringify(value);

/** A shell word list, one per line (for `for x in \ … ; do`). */
export function wordLines(values: readonly string[], indent = "  "): string {
  return values.map((value) => `${indent}${shq(value)}`).join(" \\\n");
}

/** A shell comment in the learner's language (comments are the only words of a command block that differ). */
export function comment(lang: Lang, text: Text): string {
  return `# ${text[lang]}`;
}

/** A value for the step's Markdown: the same commands, their comments in each language. */
export function bothLanguages<C>(build: (ctx: C, lang: Lang) => string): (ctx: C) => Text {
  return (ctx) => ({ vi: build(ctx, "vi"), en: build(ctx, "en") });
}
