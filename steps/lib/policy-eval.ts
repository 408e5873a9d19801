/**
 * Reading a learner's IAM documents the way IAM would, for the one question step 1's check asks: may Bedrock assume
 * this role, and may the role write the invocation stream? Explicit Deny wins, then any Allow; Action / NotAction
 * and Resource / NotResource with `*` and `?` wildcards; the String / Arn condition operators (…IfExists too).
 * A condition operator it does not know denies: the check then says which one, rather than guessing.
 */

export interface Statement {
  Effect?: unknown;
  Principal?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
  Condition?: unknown;
}

/** IAM hands documents back URL-encoded; a learner may paste either form. Unreadable documents hold no statement. */
export function statementsOf(document: string | undefined): Statement[] {
  if (!document) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(document.trimStart().startsWith("{") ? document : decodeURIComponent(document));
  } catch {
    return [];
  }
  const raw = (parsed as { Statement?: unknown } | null)?.Statement;
  const list: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter((s): s is Statement => typeof s === "object" && s !== null && !Array.isArray(s));
}

const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");

/** IAM's glob: `*` any run of characters, `?` exactly one. */
export function globMatches(pattern: string, value: string, ignoreCase = false): boolean {
  const source = [...pattern].map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[\\^$.|+()[\]{}]/g, "\\$&")));
  return new RegExp(`^${source.join("")}$`, ignoreCase ? "is" : "s").test(value);
}

const anyMatches = (patterns: unknown, value: string, ignoreCase: boolean) =>
  strings(patterns).some((p) => globMatches(p, value, ignoreCase));

const TESTS: Record<string, (expected: string[], actual: string) => boolean> = {
  StringEquals: (e, a) => e.includes(a),
  StringNotEquals: (e, a) => !e.includes(a),
  StringEqualsIgnoreCase: (e, a) => e.some((v) => v.toLowerCase() === a.toLowerCase()),
  StringNotEqualsIgnoreCase: (e, a) => !e.some((v) => v.toLowerCase() === a.toLowerCase()),
  StringLike: (e, a) => e.some((v) => globMatches(v, a)),
  StringNotLike: (e, a) => !e.some((v) => globMatches(v, a)),
  ArnEquals: (e, a) => e.includes(a),
  ArnNotEquals: (e, a) => !e.includes(a),
  ArnLike: (e, a) => e.some((v) => globMatches(v, a)),
  ArnNotLike: (e, a) => !e.some((v) => globMatches(v, a)),
};

export interface ConditionMiss {
  operator: string;
  key: string;
  expected: string[];
  /** The value the request carries (undefined: the key is absent). */
  actual: string | undefined;
}

/** The first condition of `condition` that `context` does not meet; undefined when all hold. */
export function conditionMiss(condition: unknown, context: Record<string, string>): ConditionMiss | undefined {
  if (condition === undefined) return undefined;
  if (typeof condition !== "object" || condition === null) return { operator: "?", key: "?", expected: [], actual: "" };
  const lower = new Map(Object.entries(context).map(([k, v]) => [k.toLowerCase(), v]));
  for (const [operator, block] of Object.entries(condition as Record<string, unknown>)) {
    const ifExists = operator.endsWith("IfExists");
    const test = TESTS[ifExists ? operator.slice(0, -"IfExists".length) : operator];
    for (const [key, expectedRaw] of Object.entries((block ?? {}) as Record<string, unknown>)) {
      const expected = strings(expectedRaw);
      const actual = lower.get(key.toLowerCase());
      if (actual === undefined && ifExists) continue;
      if (!test || actual === undefined || !test(expected, actual)) return { operator, key, expected, actual };
    }
  }
  return undefined;
}

function actionApplies(s: Statement, action: string): boolean {
  if (s.Action !== undefined) return anyMatches(s.Action, action, true);
  return s.NotAction !== undefined && !anyMatches(s.NotAction, action, true);
}

function resourceApplies(s: Statement, resource: string): boolean {
  if (s.Resource !== undefined) return anyMatches(s.Resource, resource, false);
  return s.NotResource !== undefined && !anyMatches(s.NotResource, resource, false);
}

export type Decision = "allowed" | "denied" | "not-allowed";

/** Identity policies: may `action` be done on `resource`? ("denied": an explicit Deny; "not-allowed": no Allow.) */
export function decide(
  statements: readonly Statement[],
  action: string,
  resource: string,
  context: Record<string, string> = {},
): Decision {
  let allowed = false;
  for (const s of statements) {
    if (!actionApplies(s, action) || !resourceApplies(s, resource)) continue;
    if (conditionMiss(s.Condition, context)) continue;
    if (s.Effect === "Deny") return "denied";
    if (s.Effect === "Allow") allowed = true;
  }
  return allowed ? "allowed" : "not-allowed";
}

/** The service principals a trust statement names. */
export function servicePrincipals(s: Statement): string[] {
  const p = s.Principal;
  return typeof p === "object" && p !== null ? strings((p as { Service?: unknown }).Service) : [];
}

export const allowsAction = (s: Statement, action: string): boolean => s.Effect === "Allow" && actionApplies(s, action);
