/**
 * The matcher behind `parse`. A glob is matched without any regular expression: each `*` lazily takes the
 * shortest text up to the next literal part (so the parts are found by successive substring searches, in linear
 * time whatever the pattern), except a trailing `*`, which takes the rest of the value (AWS's own example
 * `"[*] * The error was: *"` relies on both). A regex names its fields with `(?<name>…)` groups and runs on RE2.
 * A value that does not match leaves every extracted field absent.
 */
import type { Command } from "../lang/ast.js";
import { semanticError } from "../lang/errors.js";
import { compileUserRegex, type UserRegex } from "./regex.js";
import { toText, type Value } from "./values.js";

export interface ParsePattern {
  readonly names: readonly string[];
  /** The extracted values in `names` order, or null when the value does not match. */
  run(value: Value | undefined): (string | null)[] | null;
}

/**
 * `parts` are the literal texts between the stars. The earliest place each part can go is the only one worth
 * trying: a later place of part k leaves less text for parts k+1…, so if the earliest fails, every place fails —
 * which is why this gives what a backtracking engine gives for the lazy pattern, without backtracking.
 */
class GlobPattern implements ParsePattern {
  private readonly parts: readonly string[];
  constructor(
    glob: string,
    readonly names: readonly string[],
  ) {
    this.parts = glob.split("*");
  }

  run(value: Value | undefined): (string | null)[] | null {
    const text = toText(value);
    if (text === null) return null;
    const parts = this.parts;
    const first = text.indexOf(parts[0] as string);
    if (first < 0) return null;
    let at = first + (parts[0] as string).length;
    const out: (string | null)[] = [];
    const last = parts.length - 1;
    for (let k = 1; k <= last; k++) {
      const part = parts[k] as string;
      if (k === last && part === "") {
        out.push(text.slice(at));
        return out;
      }
      const found = text.indexOf(part, at);
      if (found < 0) return null;
      out.push(text.slice(at, found));
      at = found + part.length;
    }
    return out;
  }
}

class RegexPattern implements ParsePattern {
  private readonly indexes: readonly number[];
  constructor(
    private readonly regex: UserRegex,
    readonly names: readonly string[],
  ) {
    this.indexes = names.map((name) => regex.names.get(name) as number);
  }

  run(value: Value | undefined): (string | null)[] | null {
    const text = toText(value);
    if (text === null) return null;
    const match = this.regex.exec(text);
    if (match === null) return null;
    return this.indexes.map((index) => match[index] ?? null);
  }
}

export function compileParse(query: string, command: Extract<Command, { t: "parse" }>): ParsePattern {
  const end = command.patternStart + command.pattern.length + 2;
  if (command.mode === "glob") {
    return new GlobPattern(
      command.pattern,
      command.names.map((n) => n.name),
    );
  }
  const regex = compileUserRegex(query, command.pattern, command.patternStart, end);
  // Named groups in the order they open in the pattern (RE2 numbers them that way).
  const names = [...regex.names.entries()].sort((a, b) => a[1] - b[1]).map(([name]) => name);
  if (names.length === 0) {
    throw semanticError(
      query,
      command.patternStart,
      end,
      "a parse regular expression needs named groups such as (?<name>...) to say which fields it extracts",
    );
  }
  return new RegexPattern(regex, names);
}
