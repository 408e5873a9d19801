/**
 * Expressions compile to JavaScript source, so a query's scan is one specialised loop that V8 optimises like a
 * hand-written one. Generated code never contains text from the query: strings, names, regular expressions and
 * periods go into the constants array `K` and are referenced by index; numbers are emitted as numeric literals;
 * function names come from the fixed catalog. Field reads are delegated to a `Resolver`, which knows whether
 * the expression runs inside the event loop (columns) or on materialised rows.
 */
import type { Expr } from "../lang/ast.js";
import { CATALOG, type ValueKind } from "../lang/catalog.js";
import { semanticError } from "../lang/errors.js";
import { fixedPeriodMs, type Period } from "../lang/periods.js";
import { compileUserRegex } from "./regex.js";
import type { Value } from "./values.js";

export interface Gen {
  code: string;
  kind: ValueKind;
  /** Set when the code is a plain read of event-loop column `c<n>`: callers may specialise on its code. */
  col?: string;
}

/** The read of column `c` once `k` holds its code at row i, for codes other than 1 (number). */
export function nonNumberRead(c: string): string {
  return `(k >= 4 ? ${c}d[k - 4] : H.slow(${c}, k, i, X, S, ${c}k))`;
}

/**
 * `target = compute(column c's value at row i)`, computed once per dictionary code: the memo table (declared by
 * `setup`, once per group) turns a million rows over a few distinct values into a few calls.
 */
export function perDictCode(
  c: string,
  memo: string,
  target: string,
  compute: (value: string) => string,
): { setup: string; code: string } {
  return {
    setup: `const ${memo} = new Array(${c}d.length + 4).fill(undefined);`,
    code:
      `k = ${c}c[i]; if (k >= 4) { ${target} = ${memo}[k]; if (${target} === undefined) ${target} = ${memo}[k] = ${compute(`${c}d[k - 4]`)}; } ` +
      `else ${target} = ${compute(`k === 1 ? ${c}n[i] : H.slow(${c}, k, i, X, S, ${c}k)`)};`,
  };
}

const JS_COMPARISON: Readonly<Record<string, string>> = {
  "=": "===",
  "!=": "!==",
  "<": "<",
  "<=": "<=",
  ">": ">",
  ">=": ">=",
};

export interface Resolver {
  field(name: string, node: Expr): Gen;
  /** The event's `@timestamp`, for `bin()`. */
  timestamp(node: Expr): Gen;
  aggregate(call: Extract<Expr, { t: "call" }>): Gen;
}

/** Constants referenced by generated code as `K[n]`. */
export class Consts {
  readonly list: unknown[] = [];
  add(value: unknown): string {
    this.list.push(value);
    return `K[${this.list.length - 1}]`;
  }
}

const SAFE_NAME = /^[a-z_][a-z0-9_]*$/;

function literalValue(e: Expr): Value | undefined {
  if (e.t === "num") return e.value;
  if (e.t === "str") return e.value;
  return undefined;
}

export class ExprCompiler {
  /** Added to every `bin()` while the stats command that says `offset` is compiled. */
  binOffsetMs = 0;

  constructor(
    private readonly query: string,
    readonly K: Consts,
  ) {}

  gen(e: Expr, r: Resolver): Gen {
    switch (e.t) {
      case "num":
        return { code: e.value < 0 ? `(${e.value})` : `${e.value}`, kind: "num" };
      case "str":
        return { code: this.K.add(e.value), kind: "str" };
      case "field":
        return r.field(e.name, e);
      case "call":
        return this.call(e, r);
      case "neg":
        return { code: `H.neg(${this.gen(e.x, r).code})`, kind: "num" };
      case "not":
        return { code: `H.not3(${this.gen(e.x, r).code})`, kind: "bool" };
      case "binary":
        return this.binary(e, r);
      case "like":
        return this.like(e, r);
      case "in":
        return this.inList(e, r);
      case "regex":
      case "period":
      case "star":
        throw semanticError(this.query, e.start, e.end, "this can only be an argument of like, =~ or a function");
    }
  }

  private binary(e: Extract<Expr, { t: "binary" }>, r: Resolver): Gen {
    const lg = this.gen(e.l, r);
    const l = lg.code;
    const rt = this.gen(e.r, r).code;
    const js = JS_COMPARISON[e.op];
    if (js !== undefined && lg.col !== undefined && e.r.t === "num") {
      // A numeric column against a number: compare the stored double directly, with no boxing.
      const c = lg.col;
      const fn = { "=": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge" }[
        e.op as "=" | "!=" | "<" | "<=" | ">" | ">="
      ];
      return {
        code: `((k = ${c}c[i]) === 1 ? ${c}n[i] ${js} ${rt} : H.${fn}(${nonNumberRead(c)}, ${rt}))`,
        kind: "bool",
      };
    }
    const fn = {
      "+": "add",
      "-": "sub",
      "*": "mul",
      "/": "div",
      "%": "mod",
      "^": "pow",
      "=": "eq",
      "!=": "ne",
      "<": "lt",
      "<=": "le",
      ">": "gt",
      ">=": "ge",
      and: "and3",
      or: "or3",
    }[e.op];
    const arithmetic = e.op === "+" || e.op === "-" || e.op === "*" || e.op === "/" || e.op === "%" || e.op === "^";
    return { code: `H.${fn}(${l}, ${rt})`, kind: arithmetic ? "num" : "bool" };
  }

  private like(e: Extract<Expr, { t: "like" }>, r: Resolver): Gen {
    const x = this.gen(e.x, r).code;
    const p = e.pattern;
    const test =
      p.t === "regex"
        ? `H.likeRegex(${x}, ${this.K.add(compileUserRegex(this.query, p.source, p.start, p.end))})`
        : `H.likeText(${x}, ${this.K.add(p.t === "str" ? p.value : "")})`;
    return { code: e.negated ? `H.not3(${test})` : test, kind: "bool" };
  }

  private inList(e: Extract<Expr, { t: "in" }>, r: Resolver): Gen {
    const x = this.gen(e.x, r).code;
    const literals = e.list.map(literalValue);
    const list = literals.every((v) => v !== undefined)
      ? this.K.add(literals)
      : `[${e.list.map((item) => this.gen(item, r).code).join(", ")}]`;
    const test = `H.inList(${x}, ${list})`;
    return { code: e.negated ? `H.not3(${test})` : test, kind: "bool" };
  }

  private period(e: Expr): Period {
    if (e.t !== "period")
      throw semanticError(this.query, e.start, e.end, "a time period such as 5m or 1h is needed here");
    return e.period;
  }

  private floorCode(ts: string, period: Period): string {
    const fixed = fixedPeriodMs(period);
    return fixed !== undefined ? `H.floorMs(${ts}, ${fixed})` : `H.floorPeriod(${ts}, ${this.K.add(period)})`;
  }

  private call(e: Extract<Expr, { t: "call" }>, r: Resolver): Gen {
    const sig = CATALOG.get(e.name);
    if (sig === undefined || !SAFE_NAME.test(e.name))
      throw semanticError(this.query, e.start, e.nameEnd, `unknown function ${e.name}()`);
    if (sig.kind === "agg") return r.aggregate(e);
    const args = e.args;
    switch (e.name) {
      case "bin": {
        const floor = this.floorCode(r.timestamp(e).code, this.period(args[0] as Expr));
        return { code: this.binOffsetMs === 0 ? floor : `H.shift(${floor}, ${this.binOffsetMs})`, kind: "ts" };
      }
      case "datefloor": {
        const x = this.gen(args[0] as Expr, r).code;
        return { code: this.floorCode(`H.toNumber(${x})`, this.period(args[1] as Expr)), kind: "ts" };
      }
      case "dateceil": {
        const x = this.gen(args[0] as Expr, r).code;
        return { code: `H.dateceil(${x}, ${this.K.add(this.period(args[1] as Expr))})`, kind: "ts" };
      }
      default: {
        const gens = args.map((a) => this.gen(a, r));
        let kind = sig.result;
        if (e.name === "coalesce") {
          const first = gens[0]?.kind ?? "any";
          kind = gens.every((g) => g.kind === first) ? first : "any";
        }
        return { code: `F.${e.name}(${gens.map((g) => g.code).join(", ")})`, kind };
      }
    }
  }
}
