/**
 * The query's regular expressions (`like /…/`, `=~`, `parse … /…/`) run on RE2 (the re2js port), whose matching
 * time is linear in the input: a pattern such as `^(a+)+$` that makes a backtracking engine double its work per
 * character costs a few microseconds here, so no query can stall the sandbox with one regex. The price is RE2's
 * syntax: no backreferences and no lookahead, which a query is told about by name (AWS's engine has them).
 *
 * Two shortcuts keep the common cases as fast as V8's own engine: a pattern that is plain text is a substring
 * search, and a case-insensitive one over ASCII text compares lower-cased text.
 */
import { RE2JS } from "re2js";
import { semanticError } from "../lang/errors.js";

/** What filters and parse need from a compiled pattern. */
export interface UserRegex {
  test(text: string): boolean;
  /** The groups of the leftmost match (index 0 the whole match), or null. */
  exec(text: string): (string | null)[] | null;
  /** Capture-group index by name. */
  readonly names: ReadonlyMap<string, number>;
}

const META = /[\\^$.|?*+()[\]{}]/;

/** Anything outside ASCII (code points above 127). */
const NON_ASCII = /[\u0080-\u{10ffff}]/u;

/** Plain text: a substring search. Case-insensitive text over ASCII input compares lower case; other input goes to RE2, whose case folding differs from toLowerCase() outside ASCII. */
class Literal implements UserRegex {
  readonly names = new Map<string, number>();
  private folded: Re2 | undefined;
  constructor(
    private readonly needle: string,
    private readonly source: string,
    private readonly fold: boolean,
  ) {}
  private re2(): Re2 {
    return (this.folded ??= new Re2(RE2JS.compile(this.source)));
  }
  test(text: string): boolean {
    if (!this.fold) return text.includes(this.needle);
    return NON_ASCII.test(text) ? this.re2().test(text) : text.toLowerCase().includes(this.needle);
  }
  exec(text: string): (string | null)[] | null {
    if (this.fold) return this.re2().exec(text);
    const at = text.indexOf(this.needle);
    return at < 0 ? null : [this.needle];
  }
}

class Re2 implements UserRegex {
  readonly names: ReadonlyMap<string, number>;
  constructor(private readonly re: RE2JS) {
    this.names = new Map(Object.entries(re.namedGroups()));
  }
  test(text: string): boolean {
    return this.re.test(text);
  }
  exec(text: string): (string | null)[] | null {
    const match = this.re.exec(text);
    return match === null ? null : Array.from(match, (g: string | undefined) => g ?? null);
  }
}

/** Why RE2 refused a pattern, in words a learner can act on. */
function explain(message: string): string {
  if (message.includes("(?=") || message.includes("(?!") || message.includes("(?<=") || message.includes("(?<!"))
    return "lookahead and lookbehind are not supported here (the sandbox runs regular expressions in linear time, with RE2 syntax)";
  if (/invalid escape sequence: `\\[1-9]/.test(message))
    return "backreferences such as \\1 are not supported here (the sandbox runs regular expressions in linear time, with RE2 syntax)";
  return message.replace(/^error parsing regexp: /, "");
}

/**
 * Compiles a pattern written between slashes in a query. `extraFlags` may hold `s` (dot matches newline, for the
 * patterns parse builds from globs). Throws MalformedQueryException for a pattern RE2 does not accept.
 */
export function compileUserRegex(
  query: string,
  source: string,
  start: number,
  end: number,
  extraFlags = "",
): UserRegex {
  const dotAll = extraFlags.includes("s");
  const fold = source.startsWith("(?i)");
  const body = fold ? source.slice(4) : source;
  if (!dotAll && !META.test(body) && (!fold || !NON_ASCII.test(body))) {
    return new Literal(fold ? body.toLowerCase() : body, source, fold);
  }
  try {
    return new Re2(RE2JS.compile(source, dotAll ? RE2JS.DOTALL : 0));
  } catch (error) {
    throw semanticError(query, start, end, `invalid regular expression: ${explain((error as Error).message)}`);
  }
}
