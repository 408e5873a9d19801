/**
 * A small IAM policy evaluator: enough for the Bedrock logging-role check and STS AssumeRole.
 * Explicit Deny wins, then any Allow; Action/Resource (and Not…) with * and ? wildcards; Principal for trust
 * policies; conditions with the String/Arn operators (and …IfExists). Anything it does not understand denies.
 */
import { globMatch } from "../glob.js";

export interface Statement {
  Effect?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
  Principal?: unknown;
  Condition?: unknown;
}

export type ConditionContext = Readonly<Record<string, string>>;

/** Who asks to assume a role: a service principal, or an account (with the caller's ARN). */
export type Principal = { service: string } | { account: string; arn: string };

export function parsePolicy(document: string): Statement[] {
  let doc: unknown;
  try {
    doc = JSON.parse(document);
  } catch {
    return [];
  }
  if (doc === null || typeof doc !== "object") return [];
  const st = (doc as { Statement?: unknown }).Statement;
  const list = Array.isArray(st) ? st : st !== undefined ? [st] : [];
  return list.filter((s): s is Statement => s !== null && typeof s === "object" && !Array.isArray(s));
}

const asList = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === "string");

/** IAM's `*` and `?`, matched without backtracking (a learner's policy chooses the pattern). */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  return globMatch(pattern, value, { question: true, ignoreCase });
}

function matchesList(patterns: unknown, value: string, ignoreCase: boolean): boolean {
  return asList(patterns).some((p) => wildcardMatch(p, value, ignoreCase));
}

function conditionHolds(condition: unknown, context: ConditionContext): boolean {
  if (condition === undefined) return true;
  if (condition === null || typeof condition !== "object") return false;
  const lowerContext = new Map(Object.entries(context).map(([k, v]) => [k.toLowerCase(), v]));
  for (const [rawOperator, block] of Object.entries(condition as Record<string, unknown>)) {
    if (block === null || typeof block !== "object") return false;
    const ifExists = rawOperator.endsWith("IfExists");
    const operator = ifExists ? rawOperator.slice(0, -"IfExists".length) : rawOperator;
    for (const [key, expected] of Object.entries(block as Record<string, unknown>)) {
      const actual = lowerContext.get(key.toLowerCase());
      if (actual === undefined) {
        if (ifExists) continue;
        return false;
      }
      const values = asList(expected);
      let ok: boolean;
      switch (operator) {
        case "StringEquals":
        case "ArnEquals":
          ok = values.includes(actual);
          break;
        case "StringNotEquals":
        case "ArnNotEquals":
          ok = !values.includes(actual);
          break;
        case "StringEqualsIgnoreCase":
          ok = values.some((v) => v.toLowerCase() === actual.toLowerCase());
          break;
        case "StringLike":
        case "ArnLike":
          ok = values.some((v) => wildcardMatch(v, actual));
          break;
        case "StringNotLike":
        case "ArnNotLike":
          ok = !values.some((v) => wildcardMatch(v, actual));
          break;
        default:
          return false;
      }
      if (!ok) return false;
    }
  }
  return true;
}

function actionMatches(s: Statement, action: string): boolean {
  if (s.Action !== undefined) return matchesList(s.Action, action, true);
  if (s.NotAction !== undefined) return !matchesList(s.NotAction, action, true);
  return false;
}

function resourceMatches(s: Statement, resource: string): boolean {
  if (s.Resource !== undefined) return matchesList(s.Resource, resource, false);
  if (s.NotResource !== undefined) return !matchesList(s.NotResource, resource, false);
  return false;
}

/** Explicit Deny wins, then any Allow, among the statements that apply; none applying denies. */
function evaluate(statements: readonly Statement[], applies: (s: Statement) => boolean): boolean {
  let allowed = false;
  for (const s of statements) {
    if (!applies(s)) continue;
    if (s.Effect === "Deny") return false;
    if (s.Effect === "Allow") allowed = true;
  }
  return allowed;
}

/** Identity-policy evaluation over all of a principal's policy documents. */
export function isAllowed(
  documents: readonly string[],
  action: string,
  resource: string,
  context: ConditionContext = {},
): boolean {
  return evaluate(
    documents.flatMap(parsePolicy),
    (s) => actionMatches(s, action) && resourceMatches(s, resource) && conditionHolds(s.Condition, context),
  );
}

function principalMatches(element: unknown, who: Principal): boolean {
  if (element === "*") return "account" in who;
  if (element === null || typeof element !== "object") return false;
  const p = element as Record<string, unknown>;
  if ("service" in who) return asList(p.Service).includes(who.service);
  return asList(p.AWS).some(
    (v) => v === "*" || v === who.account || v === `arn:aws:iam::${who.account}:root` || v === who.arn,
  );
}

/** Trust-policy evaluation: may `who` perform `action` (sts:AssumeRole) on the role? */
export function trustAllows(document: string, who: Principal, action: string, context: ConditionContext = {}): boolean {
  return evaluate(
    parsePolicy(document),
    (s) => actionMatches(s, action) && principalMatches(s.Principal, who) && conditionHolds(s.Condition, context),
  );
}

/** IAM's own document checks at write time; returns the MalformedPolicyDocument message, or undefined if fine. */
export function policyProblem(document: string, kind: "trust" | "identity"): string | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(document);
  } catch {
    return "This policy contains invalid Json";
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) return "Syntax errors in policy.";
  const st = (doc as { Statement?: unknown }).Statement;
  const list = Array.isArray(st) ? st : st === undefined ? [] : [st];
  if (list.length === 0) return "Syntax errors in policy.";
  for (const raw of list) {
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return "Syntax errors in policy.";
    const s = raw as Statement;
    if (s.Effect !== "Allow" && s.Effect !== "Deny") return "Syntax errors in policy.";
    if (s.Action === undefined && s.NotAction === undefined) return "Policy statement must contain actions.";
    if (kind === "trust") {
      if (s.Resource !== undefined || s.NotResource !== undefined) return "Has prohibited field Resource";
      if (s.Principal === undefined) return "Missing required field Principal";
    } else {
      if (s.Principal !== undefined) return "Policy document should not specify a principal.";
      if (s.Resource === undefined && s.NotResource === undefined) return "Policy statement must contain resources.";
    }
  }
  return undefined;
}
