/**
 * Expressions, lowest precedence first: `or`, `and`, `not` (or `!`), comparisons (`=` `!=` `<` `<=` `>` `>=`, `like`,
 * `not like`, `=~`, `in [...]`, `not in [...]`), `+ -`, `* / %`, unary minus, `^` (right-associative), then
 * literals, fields, calls and parentheses. Function names and arities are checked here against the catalog.
 */
import type { BinaryOp, Expr } from "./ast.js";
import { argRule, CATALOG, NOT_IMPLEMENTED } from "./catalog.js";
import { semanticError } from "./errors.js";
import type { Token } from "./lexer.js";
import { TokenStream } from "./token-stream.js";

const COMPARISONS: ReadonlySet<string> = new Set(["=", "!=", "<", "<=", ">", ">="]);
/**
 * How deep parentheses, function calls, `not`, unary minus and `^` may nest. The parser recurses once per level;
 * 4,000 nested parentheses fit in a 10,000-character query and would overflow the stack. AWS does not publish
 * its limit; this one is far beyond any query a person writes.
 */
export const MAX_NESTING = 100;
const EXPRESSION = 'an expression: a field, a number, a "string", a function call or (';

export class ExprParser extends TokenStream {
  private depth = 0;

  parseExpr(): Expr {
    return this.nested(() => this.parseOr());
  }

  /** Runs one level of recursion, refusing (MalformedQueryException, a 400) past MAX_NESTING levels. */
  private nested<T>(parse: () => T): T {
    if (this.depth >= MAX_NESTING) {
      throw semanticError(
        this.query,
        this.tok.start,
        this.tok.end,
        `the query nests expressions more than ${MAX_NESTING} levels deep (parentheses, calls, not, - or ^)`,
      );
    }
    this.depth += 1;
    try {
      return parse();
    } finally {
      this.depth -= 1;
    }
  }

  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.isWord("or")) {
      this.advance();
      const right = this.parseAnd();
      left = { t: "binary", op: "or", l: left, r: right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseAnd(): Expr {
    let left = this.parseNot();
    while (this.isWord("and")) {
      this.advance();
      const right = this.parseNot();
      left = { t: "binary", op: "and", l: left, r: right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseNot(): Expr {
    // `!` is the symbol form of `not` (`filter !ispresent(x)`).
    if (this.isWord("not") || this.isOp("!")) {
      const start = this.advance().start;
      const x = this.nested(() => this.parseNot());
      return { t: "not", x, start, end: x.end };
    }
    return this.parseComparison();
  }

  private parseComparison(): Expr {
    const left = this.parseAdditive();
    const tok = this.tok;
    if (tok.kind === "op" && COMPARISONS.has(tok.value)) {
      this.advance();
      const right = this.parseAdditive();
      return { t: "binary", op: tok.value as BinaryOp, l: left, r: right, start: left.start, end: right.end };
    }
    if (this.isOp("=~")) {
      this.advance();
      return this.finishLike(left, false);
    }
    let negated = false;
    if (this.isWord("not") && (this.isWord("like", this.peekSecond()) || this.isWord("in", this.peekSecond()))) {
      this.advance();
      negated = true;
    }
    if (this.isWord("like")) {
      this.advance();
      return this.finishLike(left, negated);
    }
    if (this.isWord("in")) {
      this.advance();
      return this.finishIn(left, negated);
    }
    return left;
  }

  private finishLike(x: Expr, negated: boolean): Expr {
    let pattern: Expr;
    if (this.isOp("/")) {
      const regex = this.takeRegex();
      pattern = { t: "regex", source: regex.value, start: regex.start, end: regex.end };
    } else if (this.tok.kind === "string") {
      const str = this.advance();
      pattern = { t: "str", value: str.value, start: str.start, end: str.end };
    } else {
      this.fail('a "string" or a /regular expression/ to match against');
    }
    return { t: "like", x, pattern, negated, start: x.start, end: pattern.end };
  }

  private finishIn(x: Expr, negated: boolean): Expr {
    this.expectOp("[", "[ to open the list of values");
    const list: Expr[] = [];
    if (!this.isOp("]")) {
      list.push(this.parseAdditive());
      while (this.isOp(",")) {
        this.advance();
        list.push(this.parseAdditive());
      }
    }
    const close = this.expectOp("]", ", or ] to close the list");
    return { t: "in", x, list, negated, start: x.start, end: close.end };
  }

  private parseAdditive(): Expr {
    let left = this.parseMultiplicative();
    while (this.isOp("+") || this.isOp("-")) {
      const op = this.advance().value as BinaryOp;
      const right = this.parseMultiplicative();
      left = { t: "binary", op, l: left, r: right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseMultiplicative(): Expr {
    let left = this.parseUnary();
    while (this.isOp("*") || this.isOp("/") || this.isOp("%")) {
      const op = this.advance().value as BinaryOp;
      const right = this.parseUnary();
      left = { t: "binary", op, l: left, r: right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseUnary(): Expr {
    if (this.isOp("-")) {
      const start = this.advance().start;
      const x = this.nested(() => this.parseUnary());
      if (x.t === "num") return { t: "num", value: -x.value, start, end: x.end };
      return { t: "neg", x, start, end: x.end };
    }
    return this.parsePower();
  }

  private parsePower(): Expr {
    const base = this.parsePrimary();
    if (this.isOp("^")) {
      this.advance();
      const exponent = this.nested(() => this.parseUnary());
      return { t: "binary", op: "^", l: base, r: exponent, start: base.start, end: exponent.end };
    }
    return base;
  }

  protected parsePrimary(): Expr {
    const tok = this.tok;
    switch (tok.kind) {
      case "number":
        this.advance();
        return { t: "num", value: tok.num, start: tok.start, end: tok.end };
      case "duration":
        this.advance();
        return {
          t: "period",
          period: tok.period ?? { amount: tok.num, unit: "ms" },
          start: tok.start,
          end: tok.end,
        };
      case "string":
        this.advance();
        return { t: "str", value: tok.value, start: tok.start, end: tok.end };
      case "quoted":
        this.advance();
        return { t: "field", name: tok.value, start: tok.start, end: tok.end };
      case "ident":
        this.advance();
        if (this.isOp("(")) return this.parseCall(tok);
        return { t: "field", name: tok.value, start: tok.start, end: tok.end };
      case "op":
        if (tok.value === "(") {
          this.advance();
          const inner = this.parseExpr();
          const close = this.expectOp(")", ") to close the parenthesis");
          return { ...inner, start: tok.start, end: close.end };
        }
        return this.fail(EXPRESSION);
      case "regex":
      case "eof":
        return this.fail(EXPRESSION);
    }
  }

  private parseCall(nameTok: Token): Expr {
    const name = nameTok.value.toLowerCase();
    const sig = CATALOG.get(name);
    if (sig === undefined) {
      const why = NOT_IMPLEMENTED.has(name)
        ? `${nameTok.value}() is a Logs Insights function this sandbox does not implement`
        : `${nameTok.value}() is not a Logs Insights function`;
      throw semanticError(this.query, nameTok.start, nameTok.end, why);
    }
    this.advance();
    const args: Expr[] = [];
    if (this.isOp("*") && name === "count") {
      const star = this.advance();
      args.push({ t: "star", start: star.start, end: star.end });
    } else if (!this.isOp(")")) {
      args.push(this.parseExpr());
      while (this.isOp(",")) {
        this.advance();
        args.push(this.parseExpr());
      }
    }
    const close = this.expectOp(")", ", or ) to close the argument list");
    const call: Expr = { t: "call", name, nameEnd: nameTok.end, args, start: nameTok.start, end: close.end };
    if (args.length < sig.min || args.length > sig.max) {
      const range =
        sig.min === sig.max ? `${sig.min}` : sig.max === Infinity ? `at least ${sig.min}` : `${sig.min} to ${sig.max}`;
      throw semanticError(
        this.query,
        call.start,
        call.end,
        `${nameTok.value}() takes ${range} argument(s), not ${args.length}`,
      );
    }
    args.forEach((arg, index) => {
      const rule = argRule(sig, index);
      if (rule === "period" && arg.t !== "period") {
        throw semanticError(
          this.query,
          arg.start,
          arg.end,
          `${nameTok.value}() needs a time period such as 5m or 1h here`,
        );
      }
      if (rule === "number" && arg.t !== "num") {
        throw semanticError(this.query, arg.start, arg.end, `${nameTok.value}() needs a number here`);
      }
      if (rule === "expr" && arg.t === "period") {
        throw semanticError(
          this.query,
          arg.start,
          arg.end,
          "a time period can only be an argument of bin(), datefloor() or dateceil()",
        );
      }
    });
    return call;
  }
}
