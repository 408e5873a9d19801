/**
 * A small syntax highlighter for the languages the lab shows (bash, python, json, sql / Logs Insights): a
 * table of sticky regular expressions per language, tried in order at each position. Enough to make commands
 * and queries readable in a terminal, without loading a full grammar engine at start-up.
 */
import type { Token } from "../theme/theme.js";

export type CodeLanguage = "bash" | "python" | "json" | "sql" | "text";

export interface Segment {
  text: string;
  token?: Token;
}

type Rule = [RegExp, Token | undefined];

const NUMBER: Rule = [/-?\b\d+(?:\.\d+)?\b/y, "code.number"];
const DQ: Rule = [/"(?:[^"\\]|\\.)*"?/y, "code.string"];
const SQ: Rule = [/'(?:[^'\\]|\\.)*'?/y, "code.string"];
const WORD: Rule = [/[A-Za-z_][\w-]*/y, undefined];
const SPACE: Rule = [/\s+/y, undefined];

const words = (list: string, flags = "") => new RegExp(`\\b(?:${list.split(" ").join("|")})\\b`, `y${flags}`);

const RULES: Record<Exclude<CodeLanguage, "text">, Rule[]> = {
  bash: [
    SPACE,
    [/#.*/y, "code.comment"],
    SQ,
    DQ,
    [/\$\{[^}]*\}|\$[A-Za-z_]\w*/y, "code.number"],
    [words("if then else elif fi for in do done while case esac function export local return"), "code.keyword"],
    [/--?[A-Za-z][\w-]*/y, "code.keyword"],
    [/[|&;\\<>]+/y, "code.punct"],
    NUMBER,
    WORD,
  ],
  python: [
    SPACE,
    [/#.*/y, "code.comment"],
    [/[fbr]?"""[\s\S]*?(?:"""|$)/y, "code.string"],
    [/[fbr]?"(?:[^"\\]|\\.)*"?/y, "code.string"],
    [/[fbr]?'(?:[^'\\]|\\.)*'?/y, "code.string"],
    [
      words(
        "import from as def return for in if elif else while with class try except finally raise lambda and or not is pass break continue yield True False None print",
      ),
      "code.keyword",
    ],
    NUMBER,
    [/[()[\]{}:,.=]+/y, "code.punct"],
    WORD,
  ],
  json: [
    SPACE,
    [/"(?:[^"\\]|\\.)*"(?=\s*:)/y, "code.keyword"],
    DQ,
    [words("true false null"), "code.number"],
    NUMBER,
    [/[{}[\]:,]+/y, "code.punct"],
    WORD,
  ],
  sql: [
    SPACE,
    [/#.*|--.*/y, "code.comment"],
    SQ,
    DQ,
    [/`[^`]*`?/y, "code.string"],
    [/@\w+/y, "code.number"],
    [
      words(
        "fields display filter stats sort limit parse dedup by as asc desc and or not in like select from where group order having source unmask",
        "i",
      ),
      "code.keyword",
    ],
    [
      words(
        "count count_distinct sum avg min max pct stddev earliest latest bin ispresent concat strlen tolower toupper abs ceil floor",
        "i",
      ),
      "code.keyword",
    ],
    NUMBER,
    [/[|(),*=<>!]+/y, "code.punct"],
    WORD,
  ],
};

/** Splits each line of `code` into styled segments (one array per line). */
export function highlight(code: string, language: CodeLanguage): Segment[][] {
  const lines = code.replace(/\n$/, "").split("\n");
  if (language === "text") return lines.map((line) => [{ text: line }]);
  const rules = RULES[language];
  return lines.map((line) => tokenizeLine(line, rules));
}

/** Adds `text` to the end of a line, into its last segment when that has the same style. */
export function appendSegment(segments: Segment[], text: string, token: Token | undefined): void {
  const last = segments[segments.length - 1];
  if (last && last.token === token) last.text += text;
  else segments.push(token ? { text, token } : { text });
}

function tokenizeLine(line: string, rules: Rule[]): Segment[] {
  const segments: Segment[] = [];
  let position = 0;
  while (position < line.length) {
    let matched = false;
    for (const [pattern, token] of rules) {
      pattern.lastIndex = position;
      const match = pattern.exec(line);
      if (match && match[0].length > 0) {
        appendSegment(segments, match[0], token);
        position += match[0].length;
        matched = true;
        break;
      }
    }
    if (!matched) {
      appendSegment(segments, line[position]!, undefined);
      position += 1;
    }
  }
  return segments;
}

/** Maps a fence's info string (```sh, ```py, ```logs-insights…) to a language we highlight. */
export function languageOf(info: string | undefined): CodeLanguage {
  const name = (info ?? "").trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  if (["bash", "sh", "shell", "zsh", "console"].includes(name)) return "bash";
  if (["python", "py", "python3"].includes(name)) return "python";
  if (["json", "jsonc"].includes(name)) return "json";
  if (["sql", "logs-insights", "insights", "cwli"].includes(name)) return "sql";
  return "text";
}
