/**
 * CloudWatch Logs filter patterns, the subset the lab needs:
 *   terms            ERROR timeout          every term must occur (case-sensitive)
 *   quoted phrases   "request failed"
 *   exclusions       ERROR -healthcheck
 *   optional terms   ?ERROR ?WARN           at least one of the ?-terms must occur
 *   JSON             { $.a.b = "x" }  { $.n > 10 && $.s != "y*" }  { ($.a = 1) || $.b IS NULL }  { $.c NOT EXISTS }
 * Space-delimited patterns ([a, b, …]) and regex terms are not supported and are rejected with a clear message.
 */
import { AwsError } from "../errors.js";
import { globMatch } from "../glob.js";

export type Matcher = (message: string) => boolean;

const invalid = (detail: string): AwsError =>
  new AwsError("InvalidParameterException", `Invalid filter pattern: ${detail}`);

export function compileFilterPattern(pattern: string | undefined): Matcher {
  const text = (pattern ?? "").trim();
  if (text === "") return () => true;
  if (text.startsWith("{")) return compileJson(text);
  if (text.startsWith("[")) throw invalid("space-delimited patterns ([…]) are not supported by the sandbox.");
  return compileTerms(text);
}

/** The double-quoted text starting at `start` (backslash escapes the next character), and the index after it. */
function readQuoted(text: string, start: number, what: string): [string, number] {
  let value = "";
  let i = start + 1;
  while (i < text.length && text[i] !== '"') {
    if (text[i] === "\\" && i + 1 < text.length) i += 1;
    value += text[i];
    i += 1;
  }
  if (text[i] !== '"') throw invalid(`unterminated ${what}.`);
  return [value, i + 1];
}

function compileTerms(text: string): Matcher {
  const required: string[] = [];
  const optional: string[] = [];
  const excluded: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i] ?? "")) {
      i += 1;
      continue;
    }
    let kind: "req" | "opt" | "exc" = "req";
    if (text[i] === "?") kind = "opt";
    else if (text[i] === "-") kind = "exc";
    if (kind !== "req") i += 1;
    let term = "";
    if (text[i] === '"') {
      [term, i] = readQuoted(text, i, "quoted term");
    } else {
      while (i < text.length && !/\s/.test(text[i] ?? "")) {
        term += text[i];
        i += 1;
      }
    }
    if (term === "") throw invalid(`empty term at position ${i}.`);
    (kind === "req" ? required : kind === "opt" ? optional : excluded).push(term);
  }
  return (m) =>
    required.every((t) => m.includes(t)) &&
    (optional.length === 0 || optional.some((t) => m.includes(t))) &&
    !excluded.some((t) => m.includes(t));
}

type Token = { kind: "sel" | "op" | "num" | "str" | "word" | "lp" | "rp" | "and" | "or"; text: string };

function tokenize(body: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < body.length) {
    const c = body[i] ?? "";
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === "(" || c === ")") {
      out.push({ kind: c === "(" ? "lp" : "rp", text: c });
      i += 1;
    } else if (body.startsWith("&&", i) || body.startsWith("||", i)) {
      out.push({ kind: c === "&" ? "and" : "or", text: body.slice(i, i + 2) });
      i += 2;
    } else if (/[=!<>]/.test(c)) {
      const two = body.slice(i, i + 2);
      const op = ["!=", "<=", ">="].includes(two) ? two : c;
      if (op === "!") throw invalid(`unexpected '!' at position ${i}.`);
      out.push({ kind: "op", text: op });
      i += op.length;
    } else if (c === '"') {
      const [s, next] = readQuoted(body, i, "string");
      out.push({ kind: "str", text: s });
      i = next;
    } else {
      let w = "";
      while (i < body.length && !/[\s()=!<>&|"]/.test(body[i] ?? "")) {
        w += body[i];
        i += 1;
      }
      if (w === "") throw invalid(`unexpected character '${c}'.`);
      if (w.startsWith("$")) out.push({ kind: "sel", text: w });
      else if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(w)) out.push({ kind: "num", text: w });
      else out.push({ kind: "word", text: w });
    }
  }
  return out;
}

export type Path = (string | number)[];

export function parseSelector(sel: string): Path {
  const path: Path = [];
  const re = /\.([A-Za-z0-9_@$-]+)|\[(\d+)\]/gy;
  re.lastIndex = 1;
  while (re.lastIndex < sel.length) {
    const m = re.exec(sel);
    if (m === null) throw invalid(`unsupported selector '${sel}'.`);
    path.push(m[1] !== undefined ? m[1] : Number(m[2]));
  }
  if (path.length === 0) throw invalid(`selector '${sel}' names no field.`);
  return path;
}

/** What `lookup` answers for a path the document does not have. */
export const MISSING = Symbol("missing");
export function lookup(doc: unknown, path: Path): unknown {
  let cur: unknown = doc;
  for (const p of path) {
    if (cur === null || typeof cur !== "object") return MISSING;
    if (typeof p === "number") {
      if (!Array.isArray(cur) || p >= cur.length) return MISSING;
      cur = cur[p];
    } else {
      if (Array.isArray(cur) || !Object.prototype.hasOwnProperty.call(cur, p)) return MISSING;
      cur = (cur as Record<string, unknown>)[p];
    }
  }
  return cur;
}

type Pred = (doc: unknown) => boolean;

function compileJson(text: string): Matcher {
  if (!text.endsWith("}")) throw invalid("a JSON pattern must end with '}'.");
  const tokens = tokenize(text.slice(1, -1));
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const next = (): Token => {
    const t = tokens[pos];
    if (t === undefined) throw invalid("the pattern ends too early.");
    pos += 1;
    return t;
  };
  const parseOr = (): Pred => {
    let left = parseAnd();
    while (peek()?.kind === "or") {
      pos += 1;
      const l = left;
      const r = parseAnd();
      left = (d) => l(d) || r(d);
    }
    return left;
  };
  const parseAnd = (): Pred => {
    let left = parseUnary();
    while (peek()?.kind === "and") {
      pos += 1;
      const l = left;
      const r = parseUnary();
      left = (d) => l(d) && r(d);
    }
    return left;
  };
  const parseUnary = (): Pred => {
    const t = next();
    if (t.kind === "lp") {
      const inner = parseOr();
      if (next().kind !== "rp") throw invalid("missing ')'.");
      return inner;
    }
    if (t.kind !== "sel") throw invalid(`expected a $-selector, found '${t.text}'.`);
    return parseComparison(parseSelector(t.text));
  };
  const parseComparison = (path: Path): Pred => {
    const t = next();
    if (t.kind === "word" && t.text.toUpperCase() === "IS") {
      const what = next().text.toUpperCase();
      if (what === "NULL") return (d) => lookup(d, path) === null;
      if (what === "TRUE") return (d) => lookup(d, path) === true;
      if (what === "FALSE") return (d) => lookup(d, path) === false;
      throw invalid(`expected NULL, TRUE or FALSE after IS, found '${what}'.`);
    }
    if (t.kind === "word" && t.text.toUpperCase() === "NOT") {
      if (next().text.toUpperCase() !== "EXISTS") throw invalid("expected EXISTS after NOT.");
      return (d) => lookup(d, path) === MISSING;
    }
    if (t.kind !== "op") throw invalid(`expected a comparison after the selector, found '${t.text}'.`);
    const v = next();
    if (v.kind === "num") {
      const n = Number(v.text);
      return (d) => {
        const x = lookup(d, path);
        if (typeof x !== "number") return false;
        switch (t.text) {
          case "=":
            return x === n;
          case "!=":
            return x !== n;
          case "<":
            return x < n;
          case ">":
            return x > n;
          case "<=":
            return x <= n;
          default:
            return x >= n;
        }
      };
    }
    if (v.kind !== "str" && v.kind !== "word") throw invalid(`expected a value after '${t.text}', found '${v.text}'.`);
    if (t.text !== "=" && t.text !== "!=") throw invalid(`'${t.text}' compares numbers only.`);
    const glob = v.text;
    const eq = t.text === "=";
    return (d) => {
      const x = lookup(d, path);
      if (x === MISSING || x === null || typeof x === "object") return false;
      // Linear-time: a regex built from the glob backtracks (40 s for "*a*a*a*b" over 600 characters).
      return globMatch(glob, String(x)) === eq;
    };
  };
  const pred = parseOr();
  if (pos !== tokens.length) throw invalid(`unexpected '${tokens[pos]?.text ?? ""}'.`);
  return (message) => {
    const start = message.trimStart();
    if (!start.startsWith("{") && !start.startsWith("[")) return false;
    let doc: unknown;
    try {
      doc = JSON.parse(message);
    } catch {
      return false;
    }
    return pred(doc);
  };
}
