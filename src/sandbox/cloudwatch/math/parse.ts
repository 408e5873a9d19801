/**
 * CloudWatch metric math expressions ("Using metric math", Amazon CloudWatch User Guide), parsed to a small tree.
 *   m1 / m2 * 100        IF(m2 > 0, m1 / m2, 0)        SUM(METRICS())        FILL(m1, 0)        [m1, m2]
 * Precedence, lowest first: OR · AND · comparisons (== != < <= > >=) · + - · * / · ^ · unary - · calls and ids.
 * Function names are case-insensitive; query ids start with a lowercase letter (GetMetricData's Id rule).
 */

export type MathNode =
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "id"; name: string }
  | { kind: "array"; items: MathNode[] }
  | { kind: "call"; name: string; args: MathNode[] }
  | { kind: "unary"; op: "-" | "NOT"; arg: MathNode }
  | { kind: "binary"; op: string; left: MathNode; right: MathNode };

export class MathSyntaxError extends Error {
  override readonly name = "MathSyntaxError";
}

const MAX_DEPTH = 64;

type Token = { kind: "num" | "str" | "word" | "op"; text: string; at: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re =
    /\s+|(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|\.\d+)|("(?:[^"\\]|\\.)*")|([A-Za-z_][A-Za-z0-9_]*)|(==|!=|<=|>=|&&|\|\||[-+*/^<>(),[\]])/gy;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m === null) throw new MathSyntaxError(`Unexpected character '${text[at] ?? ""}' at position ${at + 1}.`);
    if (m[1] !== undefined) tokens.push({ kind: "num", text: m[1], at });
    else if (m[2] !== undefined) tokens.push({ kind: "str", text: m[2].slice(1, -1).replace(/\\(.)/g, "$1"), at });
    else if (m[3] !== undefined) tokens.push({ kind: "word", text: m[3], at });
    else if (m[4] !== undefined) tokens.push({ kind: "op", text: m[4], at });
    at = re.lastIndex;
  }
  return tokens;
}

export function parseExpression(text: string): MathNode {
  const tokens = tokenize(text);
  let pos = 0;
  let depth = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isOp = (...ops: string[]): boolean => {
    const t = peek();
    return t !== undefined && (t.kind === "op" || t.kind === "word") && ops.includes(t.text.toUpperCase());
  };
  const expect = (op: string): void => {
    const t = peek();
    if (t?.text !== op)
      throw new MathSyntaxError(`Expected '${op}' ${t === undefined ? "at the end" : `at position ${t.at + 1}`}.`);
    pos += 1;
  };
  const binary =
    (ops: string[], next: () => MathNode, canonical: (op: string) => string = (op) => op) =>
    (): MathNode => {
      let left = next();
      while (isOp(...ops)) {
        const op = canonical((tokens[pos]?.text ?? "").toUpperCase());
        pos += 1;
        left = { kind: "binary", op, left, right: next() };
      }
      return left;
    };
  const nested = <T>(fn: () => T): T => {
    depth += 1;
    if (depth > MAX_DEPTH) throw new MathSyntaxError("The expression is nested too deeply.");
    try {
      return fn();
    } finally {
      depth -= 1;
    }
  };
  /** Comma-separated expressions up to `close`, which it consumes. */
  const list = (close: string): MathNode[] => {
    const items: MathNode[] = [];
    if (peek()?.text !== close) {
      items.push(or());
      while (peek()?.text === ",") {
        pos += 1;
        items.push(or());
      }
    }
    expect(close);
    return items;
  };
  const primary = (): MathNode =>
    nested(() => {
      const t = peek();
      if (t === undefined) throw new MathSyntaxError("The expression ends too early.");
      pos += 1;
      if (t.kind === "num") return { kind: "number", value: Number(t.text) };
      if (t.kind === "str") return { kind: "string", value: t.text };
      if (t.text === "(") {
        const inner = or();
        expect(")");
        return inner;
      }
      if (t.text === "[") return { kind: "array", items: list("]") };
      if (t.text === "-") return { kind: "unary", op: "-", arg: power() };
      if (t.kind === "word" && t.text.toUpperCase() === "NOT") return { kind: "unary", op: "NOT", arg: comparison() };
      if (t.kind === "word" && peek()?.text === "(") {
        pos += 1;
        return { kind: "call", name: t.text.toUpperCase(), args: list(")") };
      }
      if (t.kind === "word") return { kind: "id", name: t.text };
      throw new MathSyntaxError(`Unexpected '${t.text}' at position ${t.at + 1}.`);
    });
  const power: () => MathNode = () => {
    const base = primary();
    if (peek()?.text !== "^") return base;
    pos += 1;
    return { kind: "binary", op: "^", left: base, right: power() };
  };
  const product = binary(["*", "/"], power);
  const sum = binary(["+", "-"], product);
  const comparison = binary(["==", "!=", "<", "<=", ">", ">="], sum);
  const and = binary(["AND", "&&"], comparison, () => "AND");
  const or = binary(["OR", "||"], and, () => "OR");
  const tree = or();
  const rest = peek();
  if (rest !== undefined) throw new MathSyntaxError(`Unexpected '${rest.text}' at position ${rest.at + 1}.`);
  return tree;
}

/** Every query id the expression refers to. */
export function referencedIds(node: MathNode, into: Set<string> = new Set()): Set<string> {
  switch (node.kind) {
    case "id":
      into.add(node.name);
      break;
    case "array":
      node.items.forEach((item) => referencedIds(item, into));
      break;
    case "call":
      node.args.forEach((arg) => referencedIds(arg, into));
      break;
    case "unary":
      referencedIds(node.arg, into);
      break;
    case "binary":
      referencedIds(node.left, into);
      referencedIds(node.right, into);
      break;
    default:
      break;
  }
  return into;
}
