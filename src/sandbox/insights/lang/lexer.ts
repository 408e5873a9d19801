/**
 * Tokens of the Logs Insights query language. Lexing is on demand because `/` means division in one place and
 * opens a regular expression in another: the parser asks for `regexAt()` where a pattern may stand.
 * `#` starts a comment that runs to the end of the line.
 */
import { tokenRecognitionError } from "./errors.js";
import { periodUnit, type Period } from "./periods.js";

export type TokenKind = "ident" | "quoted" | "string" | "number" | "duration" | "regex" | "op" | "eof";

export interface Token {
  kind: TokenKind;
  /** Raw source text of the token. */
  text: string;
  /** Decoded value: identifier name, string contents, regex source, or the operator itself. */
  value: string;
  num: number;
  period: Period | undefined;
  start: number;
  end: number;
}

const OPERATORS = [
  "!=",
  "!",
  "<=",
  ">=",
  "=~",
  "|",
  ",",
  "(",
  ")",
  "[",
  "]",
  ":",
  "=",
  "<",
  ">",
  "+",
  "-",
  "*",
  "/",
  "%",
  "^",
];

function isIdentStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 64 || code > 127;
}

function isIdentPart(code: number): boolean {
  return isIdentStart(code) || (code >= 48 && code <= 57) || code === 46;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

const ESCAPES: Readonly<Record<string, string>> = {
  n: "\n",
  t: "\t",
  r: "\r",
  "\\": "\\",
  '"': '"',
  "'": "'",
};

export class Lexer {
  private pos = 0;

  constructor(readonly query: string) {}

  /** Skips blanks and comments; returns the offset of the next token. */
  private skip(): number {
    const q = this.query;
    while (this.pos < q.length) {
      const c = q.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos += 1;
      else if (c === 35) {
        while (this.pos < q.length && q.charCodeAt(this.pos) !== 10) this.pos += 1;
      } else break;
    }
    return this.pos;
  }

  private make(kind: TokenKind, start: number, value: string, num = 0, period?: Period): Token {
    return { kind, text: this.query.slice(start, this.pos), value, num, period, start, end: this.pos };
  }

  /** Where the lexer stands; `reset()` goes back there (the parser's one-token lookahead needs it). */
  mark(): number {
    return this.pos;
  }

  reset(pos: number): void {
    this.pos = pos;
  }

  next(): Token {
    const q = this.query;
    const start = this.skip();
    if (start >= q.length) return this.make("eof", start, "<EOF>");
    const c = q.charCodeAt(start);
    if (c === 34 || c === 39) return this.string(start, q[start] as string);
    if (c === 96) return this.backtick(start);
    if (isDigit(c) || (c === 46 && isDigit(q.charCodeAt(start + 1)))) return this.number(start);
    if (isIdentStart(c)) {
      while (this.pos < q.length && isIdentPart(q.charCodeAt(this.pos))) this.pos += 1;
      return this.make("ident", start, q.slice(start, this.pos));
    }
    for (const op of OPERATORS) {
      if (q.startsWith(op, start)) {
        this.pos = start + op.length;
        return this.make("op", start, op);
      }
    }
    throw tokenRecognitionError(
      q,
      start,
      start + 1,
      "this character cannot start a token; quote odd field names with backticks",
    );
  }

  private string(start: number, quote: string): Token {
    const q = this.query;
    let value = "";
    this.pos = start + 1;
    while (this.pos < q.length) {
      const ch = q[this.pos] as string;
      if (ch === quote) {
        this.pos += 1;
        return this.make("string", start, value);
      }
      if (ch === "\\" && this.pos + 1 < q.length) {
        const next = q[this.pos + 1] as string;
        // Unknown escapes keep their backslash, so Windows paths and regex-looking text survive as written.
        value += ESCAPES[next] ?? `\\${next}`;
        this.pos += 2;
        continue;
      }
      value += ch;
      this.pos += 1;
    }
    throw tokenRecognitionError(q, start, q.length, `the string is not closed: add the missing ${quote}`);
  }

  private backtick(start: number): Token {
    const q = this.query;
    const close = q.indexOf("`", start + 1);
    if (close < 0) throw tokenRecognitionError(q, start, q.length, "the backtick-quoted field name is not closed");
    this.pos = close + 1;
    return this.make("quoted", start, q.slice(start + 1, close));
  }

  private number(start: number): Token {
    const q = this.query;
    while (this.pos < q.length && isDigit(q.charCodeAt(this.pos))) this.pos += 1;
    if (q.charCodeAt(this.pos) === 46 && isDigit(q.charCodeAt(this.pos + 1))) {
      this.pos += 1;
      while (this.pos < q.length && isDigit(q.charCodeAt(this.pos))) this.pos += 1;
    }
    const numberEnd = this.pos;
    const num = Number(q.slice(start, numberEnd));
    let suffixEnd = numberEnd;
    while (suffixEnd < q.length && /[A-Za-z]/.test(q[suffixEnd] as string)) suffixEnd += 1;
    if (suffixEnd > numberEnd) {
      const unit = periodUnit(q.slice(numberEnd, suffixEnd));
      if (unit !== undefined) {
        this.pos = suffixEnd;
        return this.make("duration", start, q.slice(start, suffixEnd), num, { amount: num, unit });
      }
    }
    return this.make("number", start, q.slice(start, numberEnd), num);
  }

  /** Reads `/…/` starting at `start` (a `\/` inside stays part of the pattern). */
  regexAt(start: number): Token {
    const q = this.query;
    let source = "";
    this.pos = start + 1;
    while (this.pos < q.length) {
      const ch = q[this.pos] as string;
      if (ch === "/") {
        this.pos += 1;
        return this.make("regex", start, source);
      }
      if (ch === "\\" && this.pos + 1 < q.length) {
        const next = q[this.pos + 1] as string;
        source += next === "/" ? "/" : `\\${next}`;
        this.pos += 2;
        continue;
      }
      source += ch;
      this.pos += 1;
    }
    throw tokenRecognitionError(q, start, q.length, "the regular expression is not closed: end it with /");
  }
}
