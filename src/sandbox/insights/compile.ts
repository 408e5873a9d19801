/** Query text → parsed query → executable plan. Throws AwsError MalformedQueryException on any error. */
import type { Query } from "./lang/ast.js";
import { semanticError } from "./lang/errors.js";
import { parseQuery } from "./lang/parser.js";
import { Planner } from "./exec/plan.js";
import type { Plan } from "./exec/plan-types.js";

export interface CompiledQuery {
  query: Query;
  plan: Plan;
}

export function compileQuery(text: string): CompiledQuery {
  try {
    const query = parseQuery(text);
    return { query, plan: new Planner(query).plan() };
  } catch (error) {
    // The parser bounds nesting itself; this is the backstop for any other shape deep enough to exhaust the
    // stack (a 2,000-term `a and b and …` chain is a 2,000-deep tree): a 400 in AWS's shape, never a 500.
    if (error instanceof RangeError) {
      throw semanticError(
        text,
        0,
        text.length,
        "the query is too deeply nested to compile; split it into simpler parts",
      );
    }
    throw error;
  }
}
