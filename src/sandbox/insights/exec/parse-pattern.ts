/**
 * The matcher behind `parse`. A glob becomes an unanchored regular expression where each `*` is a lazy
 * capture, except a trailing `*`, which takes the rest of the value (AWS's own example
 * `"[*] * The error was: *"` relies on both). A regex names its fields with `(?<name>…)` groups. A value
 * that does not match leaves every extracted field absent.
 */
import type { Command } from "../lang/ast.js";
import { semanticError } from "../lang/errors.js";
import { compileRegex } from "./codegen.js";
import { toText, type Value } from "./values.js";

export class ParsePattern {
  constructor(
    private readonly regex: RegExp,
    /** For a regex: the group names in the order of `names`; for a glob: undefined (positional groups). */
    private readonly groups: readonly string[] | undefined,
    readonly names: readonly string[],
  ) {}

  /** The extracted values in `names` order, or null when the value does not match. */
  run(value: Value | undefined): (string | null)[] | null {
    const text = toText(value);
    if (text === null) return null;
    const match = this.regex.exec(text);
    if (match === null) return null;
    if (this.groups === undefined) return this.names.map((_, k) => match[k + 1] ?? null);
    const found = match.groups ?? {};
    return this.groups.map((g) => found[g] ?? null);
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function globToRegex(glob: string): string {
  const parts = glob.split("*");
  let source = "";
  parts.forEach((part, index) => {
    source += escapeRegex(part);
    if (index < parts.length - 1)
      source += index === parts.length - 2 && parts[parts.length - 1] === "" ? "(.*)" : "(.*?)";
  });
  return source;
}

export function compileParse(query: string, command: Extract<Command, { t: "parse" }>): ParsePattern {
  const end = command.patternStart + command.pattern.length + 2;
  if (command.mode === "glob") {
    const regex = compileRegex(query, globToRegex(command.pattern), command.patternStart, end, "s");
    return new ParsePattern(
      regex,
      undefined,
      command.names.map((n) => n.name),
    );
  }
  const regex = compileRegex(query, command.pattern, command.patternStart, end);
  const groups = [...command.pattern.matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map((m) => m[1] as string);
  if (groups.length === 0) {
    throw semanticError(
      query,
      command.patternStart,
      end,
      "a parse regular expression needs named groups such as (?<name>...) to say which fields it extracts",
    );
  }
  return new ParsePattern(regex, groups, groups);
}
