/**
 * Plain arithmetic in a prompt ("What is 12 * (3 + 4)?", "Tính 10 chia 4"), evaluated by a small recursive-descent
 * parser — never eval. Words become operators first (plus, minus, times, multiplied by, divided by, cộng, trừ, nhân,
 * chia); anything else than numbers, + - * / ( ) and spaces means it is not arithmetic.
 *
 *   "10 divided by 4" → { expression: "10 / 4", value: "2.5" }
 */
const WORDS: readonly (readonly [RegExp, string])[] = [
  [/\bmultiplied\s+by\b|\btimes\b|\bnhân(?:\s+với)?(?=\s|$)/giu, "*"],
  [/\bdivided\s+by\b|\bover\b|\bchia(?:\s+cho)?(?=\s|$)/giu, "/"],
  [/\bplus\b|\bcộng(?:\s+với)?(?=\s|$)/giu, "+"],
  [/\bminus\b|\btrừ(?:\s+đi)?(?=\s|$)/giu, "-"],
  [/[×x](?=\s*[\d(])/gu, "*"],
  [/÷/gu, "/"],
];

interface Parser {
  tokens: string[];
  at: number;
}

function primary(p: Parser): number | undefined {
  const token = p.tokens[p.at];
  if (token === "(") {
    p.at += 1;
    const value = sum(p);
    if (p.tokens[p.at] !== ")") return undefined;
    p.at += 1;
    return value;
  }
  if (token === "-") {
    p.at += 1;
    const value = primary(p);
    return value === undefined ? undefined : -value;
  }
  if (token !== undefined && /^\d+(\.\d+)?$/.test(token)) {
    p.at += 1;
    return Number(token);
  }
  return undefined;
}

function product(p: Parser): number | undefined {
  let value = primary(p);
  while (value !== undefined && (p.tokens[p.at] === "*" || p.tokens[p.at] === "/")) {
    const op = p.tokens[p.at];
    p.at += 1;
    const right = primary(p);
    if (right === undefined || (op === "/" && right === 0)) return undefined;
    value = op === "*" ? value * right : value / right;
  }
  return value;
}

function sum(p: Parser): number | undefined {
  let value = product(p);
  while (value !== undefined && (p.tokens[p.at] === "+" || p.tokens[p.at] === "-")) {
    const op = p.tokens[p.at];
    p.at += 1;
    const right = product(p);
    if (right === undefined) return undefined;
    value = op === "+" ? value + right : value - right;
  }
  return value;
}

export function evaluateArithmetic(text: string): { expression: string; value: string } | undefined {
  let normalised = text.replace(/,(?=\d{3}\b)/gu, "");
  for (const [pattern, op] of WORDS) normalised = normalised.replace(pattern, op);
  if (!/^[\d\s.+\-*/()]+$/u.test(normalised) || !/\d\s*[+\-*/]\s*[\d(-]/u.test(normalised)) return undefined;
  const tokens = normalised.match(/\d+(?:\.\d+)?|[+\-*/()]/gu) ?? [];
  const parser: Parser = { tokens, at: 0 };
  const value = sum(parser);
  if (value === undefined || parser.at !== tokens.length || !Number.isFinite(value)) return undefined;
  const expression = tokens
    .join(" ")
    .replace(/\( /gu, "(")
    .replace(/ \)/gu, ")")
    .replace(/(^|[(+\-*/] )- (\d)/gu, "$1-$2");
  return { expression, value: String(Number(value.toFixed(6))) };
}
