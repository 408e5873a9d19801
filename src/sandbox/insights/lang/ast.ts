/** The parsed form of a query. Every node keeps its source span: unaliased result columns are named by it. */
import type { Period } from "./periods.js";

interface Span {
  start: number;
  end: number;
}

export type BinaryOp = "+" | "-" | "*" | "/" | "%" | "^" | "=" | "!=" | "<" | "<=" | ">" | ">=" | "and" | "or";

export type Expr =
  | (Span & { t: "num"; value: number })
  | (Span & { t: "str"; value: string })
  | (Span & { t: "regex"; source: string })
  | (Span & { t: "period"; period: Period })
  | (Span & { t: "star" })
  | (Span & { t: "field"; name: string })
  | (Span & { t: "call"; name: string; nameEnd: number; args: Expr[] })
  | (Span & { t: "neg"; x: Expr })
  | (Span & { t: "not"; x: Expr })
  | (Span & { t: "binary"; op: BinaryOp; l: Expr; r: Expr })
  | (Span & { t: "like"; x: Expr; pattern: Expr; negated: boolean })
  | (Span & { t: "in"; x: Expr; list: Expr[]; negated: boolean });

/** One `expr [as alias]` item; `text` is the expression's own source text. */
export interface Item extends Span {
  expr: Expr;
  alias: string | undefined;
  aliasStart: number;
  text: string;
}

export interface SortKey extends Span {
  name: string;
  desc: boolean;
}

export interface NameRef extends Span {
  name: string;
}

export type Command =
  | (Span & { t: "fields"; items: Item[] })
  | (Span & { t: "display"; items: Item[] })
  | (Span & { t: "filter"; cond: Expr })
  | (Span & { t: "stats"; aggs: Item[]; by: Item[]; offset?: Period })
  | (Span & { t: "sort"; keys: SortKey[] })
  | (Span & { t: "limit"; n: number })
  | (Span & { t: "dedup"; names: NameRef[] })
  | (Span & { t: "unnest"; field: NameRef; into: NameRef })
  | (Span & {
      t: "parse";
      source: string;
      mode: "glob" | "regex";
      pattern: string;
      patternStart: number;
      names: NameRef[];
    });

export type Source = (Span & { t: "group"; name: string }) | (Span & { t: "prefix"; prefixes: string[] });

export interface Query {
  text: string;
  sources: Source[];
  commands: Command[];
}
